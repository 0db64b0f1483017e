/// A quadtree over the points of a drawing, for Barnes–Hut repulsion: each
/// cell keeps the total mass of the points inside it and their centre of
/// mass, so a far cell pushes a point as one body.
///
/// Cells live in one array, children after their parent (a cell's four
/// children are four consecutive cells), so the masses fill in one pass
/// backwards and nothing recurses. Points closer than the depth limit allows
/// (2^-40 of the box) share a leaf, listed through ``next``.
///
/// ```swift
/// var tree = BarnesHutTree()
/// tree.build(x: xs, y: ys, masses: masses)          // buffer pointers
/// let push = BarnesHutTree.repulsion(
///   on: 3, x: xs, y: ys, masses: masses, cells: cells, next: next, theta: 1, stack: stack)
/// ```
///
/// - Complexity: building is O(*n* log *n*) for points spread evenly (O(*n*
///   · 40) at worst); a point's repulsion visits O(log *n*) cells for θ ≈ 1.
struct BarnesHutTree {
  /// One square of the tree.
  struct Cell {
    /// The square's centre and half its side.
    var centreX: Double
    var centreY: Double
    var half: Double
    /// The centre of mass of the points inside (after ``build``).
    var massX = 0.0
    var massY = 0.0
    /// Their total mass.
    var mass = 0.0
    /// The first of the four children, or -1 for a leaf.
    var firstChild: Int32 = -1
    /// A leaf's first point, or -1 when empty.
    var firstPoint: Int32 = -1
  }

  /// The deepest a cell goes; points in one leaf there share it.
  static let maximumDepth = 40
  /// Room a traversal's stack needs.
  static let stackCapacity = 3 * maximumDepth + 8

  private(set) var cells: [Cell] = []
  /// The next point in the same leaf, or -1.
  private(set) var next: [Int32] = []

  /// Rebuilds the tree over the points (`x[i]`, `y[i]`) with their masses.
  mutating func build(
    x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
    masses: UnsafeBufferPointer<Double>
  ) {
    let count = x.count
    var minX = Double.infinity
    var minY = Double.infinity
    var maxX = -Double.infinity
    var maxY = -Double.infinity
    for point in 0..<count {
      minX = min(minX, x[point])
      maxX = max(maxX, x[point])
      minY = min(minY, y[point])
      maxY = max(maxY, y[point])
    }
    let half = max(maxX - minX, maxY - minY, 1e-9) * 0.5 * 1.000_001
    cells.removeAll(keepingCapacity: true)
    cells.reserveCapacity(2 * count + 8)
    cells.append(Cell(centreX: (minX + maxX) * 0.5, centreY: (minY + maxY) * 0.5, half: half))
    if next.count != count { next = [Int32](repeating: -1, count: count) }
    for point in 0..<count { insert(point, x: x, y: y) }
    accumulate(x: x, y: y, masses: masses)
  }

  /// Puts one point into its leaf, splitting a leaf that already holds one.
  private mutating func insert(
    _ point: Int, x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>
  ) {
    var cell = 0
    var depth = 0
    let px = x[point]
    let py = y[point]
    let point32 = Int32(truncatingIfNeeded: point)
    while true {
      let current = cells[cell]
      if current.firstChild >= 0 {
        cell = Int(current.firstChild) + Self.quadrant(current, px, py)
        depth += 1
        continue
      }
      if current.firstPoint < 0 {
        cells[cell].firstPoint = point32
        next[point] = -1
        return
      }
      if depth >= Self.maximumDepth {
        next[point] = current.firstPoint
        cells[cell].firstPoint = point32
        return
      }
      // Split: four children, and the point already here goes down into one.
      let first = cells.count
      let quarter = current.half * 0.5
      for (dx, dy) in [(-1.0, -1.0), (1, -1), (-1, 1), (1, 1)] {
        cells.append(
          Cell(
            centreX: current.centreX + dx * quarter, centreY: current.centreY + dy * quarter,
            half: quarter))
      }
      let existing = Int(current.firstPoint)
      cells[cell].firstChild = Int32(truncatingIfNeeded: first)
      cells[cell].firstPoint = -1
      cells[first + Self.quadrant(current, x[existing], y[existing])].firstPoint =
        current.firstPoint
      next[existing] = -1
    }
  }

  /// Which child of `cell` holds (x, y): 0 top left, 1 top right, 2 bottom left, 3 bottom right.
  @inline(__always)
  private static func quadrant(_ cell: Cell, _ x: Double, _ y: Double) -> Int {
    (x >= cell.centreX ? 1 : 0) + (y >= cell.centreY ? 2 : 0)
  }

  /// Masses and centres of mass, children before parents (a backward pass).
  private mutating func accumulate(
    x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
    masses: UnsafeBufferPointer<Double>
  ) {
    let next = self.next
    cells.withUnsafeMutableBufferPointer { cells in
      var index = cells.count - 1
      while index >= 0 {
        var mass = 0.0
        var sumX = 0.0
        var sumY = 0.0
        let first = Int(cells[index].firstChild)
        if first >= 0 {
          for child in first..<first + 4 {
            let m = cells[child].mass
            mass += m
            sumX += m * cells[child].massX
            sumY += m * cells[child].massY
          }
        } else {
          var point = Int(cells[index].firstPoint)
          while point >= 0 {
            let m = masses[point]
            mass += m
            sumX += m * x[point]
            sumY += m * y[point]
            point = Int(next[point])
          }
        }
        cells[index].mass = mass
        if mass > 0 {
          cells[index].massX = sumX / mass
          cells[index].massY = sumY / mass
        }
        index -= 1
      }
    }
  }

  /// The push on point `point` from every other point, C · m_i · m_j / d
  /// along the line from j to i (Fruchterman–Reingold's repulsion with masses;
  /// the caller multiplies by K²), cells far enough away (side / distance < θ)
  /// taken whole. Coincident points push apart along a direction fixed by
  /// their indices, so the result never depends on timing.
  ///
  /// - Complexity: O(log *n*) cells for points spread evenly.
  @inline(__always)
  static func repulsion(
    on point: Int, x: UnsafeBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
    masses: UnsafeBufferPointer<Double>, cells: UnsafeBufferPointer<Cell>,
    next: UnsafeBufferPointer<Int32>, theta: Double, stack: UnsafeMutableBufferPointer<Int32>
  ) -> (x: Double, y: Double) {
    let px = x[point]
    let py = y[point]
    let own = masses[point]
    let thetaSquared = theta * theta
    var fx = 0.0
    var fy = 0.0
    var top = 1
    stack[0] = 0
    while top > 0 {
      top &-= 1
      let cell = cells[Int(stack[top])]
      if cell.mass == 0 { continue }
      if cell.firstChild < 0 {
        var other = Int(cell.firstPoint)
        while other >= 0 {
          if other != point {
            let dx = px - x[other]
            let dy = py - y[other]
            let d2 = dx * dx + dy * dy
            let m = own * masses[other]
            if d2 > 1e-18 {
              fx += m * dx / d2
              fy += m * dy / d2
            } else {
              // The same spot: apart along a fixed slant, by index.
              let sign = point < other ? -1.0 : 1.0
              fx += sign * m * 1e3
              fy += sign * m * 0.5e3
            }
          }
          other = Int(next[other])
        }
        continue
      }
      let dx = px - cell.massX
      let dy = py - cell.massY
      let d2 = dx * dx + dy * dy
      let side = 2 * cell.half
      let outside = abs(px - cell.centreX) > cell.half || abs(py - cell.centreY) > cell.half
      if outside && side * side < thetaSquared * d2 {
        let m = own * cell.mass
        fx += m * dx / d2
        fy += m * dy / d2
      } else {
        let first = cell.firstChild
        stack[top] = first
        stack[top &+ 1] = first &+ 1
        stack[top &+ 2] = first &+ 2
        stack[top &+ 3] = first &+ 3
        top &+= 4
      }
    }
    return (fx, fy)
  }
}
