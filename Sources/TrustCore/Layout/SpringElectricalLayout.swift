/// A multilevel spring-electrical layout (Hu 2005, the algorithm of
/// Graphviz's sfdp): neighbours pull with d²/K, every pair pushes apart with
/// C·K²·m_i·m_j/d (Barnes–Hut: far cells taken whole), and each node moves a
/// step along its force, the step growing while the energy falls and
/// shrinking when it rises. The graph is first coarsened level by level
/// (``LayoutCoarsening``, within tribes while it can), the coarsest laid out
/// from seeded random points, and each finer level starts from its parent's
/// place, so the whole costs a few times the finest level.
///
/// Deterministic: forces are computed from one snapshot of the positions
/// (every node on its own, on every core), sums are made in blocks of a
/// fixed size and added in block order, and the only randomness is the
/// seeded start and jitter; arithmetic is +, −, ×, ÷ and √ alone, exact in
/// IEEE 754, so the same graph and seed give the same bits on any machine
/// and number of cores.
///
/// ```swift
/// let graph = LayoutGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3)])
/// let (x, y) = SpringElectricalLayout(seed: 7).positions(of: graph)
/// ```
///
/// - Complexity: O(*n* log *n* + *m*) per iteration on each level, a bounded
///   number of iterations per level; memory O(*n* + *m*) per level.
package struct SpringElectricalLayout: Sendable {
  /// The seed of the starting points and the jitter.
  package var seed: UInt64
  /// The repulsion's weight C (sfdp's default 0.2).
  package var repulsion = 0.2
  /// Barnes–Hut opening: a cell whose side is below θ times its distance is taken whole.
  package var theta = 1.0
  /// Iterations on the coarsest level.
  package var coarsestIterations = 300
  /// At most this many iterations on each finer level.
  package var refinementIterations = 80
  /// Stop a level once the step is below this fraction of K.
  package var tolerance = 0.02
  /// Coarsen until at most this many nodes remain.
  package var coarsestSize = 30
  /// At most this many threads compute forces (the result is the same for any number).
  package var workers = workerCount

  package init(seed: UInt64 = 1) {
    self.seed = seed
  }

  /// Each node's place, with neighbours about 1 apart; components laid out
  /// on their own, turned to lie along their longer axis, and packed in rows.
  ///
  /// - Complexity: as the type's.
  package func positions(of graph: LayoutGraph) -> (x: [Double], y: [Double]) {
    let count = graph.nodeCount
    var x = [Double](repeating: 0, count: count)
    var y = [Double](repeating: 0, count: count)
    let (order, ends) = graph.components()
    var boxes: [ComponentPacking.Box] = []
    var start = 0
    var position = [Int32](repeating: -1, count: count)
    for (component, end) in ends.enumerated() {
      let nodes = order[start..<end]
      var cx: [Double]
      var cy: [Double]
      switch nodes.count {
      case 1:
        (cx, cy) = ([0], [0])
      case 2:
        (cx, cy) = ([0, 1], [0, 0])
      default:
        // One component that is the whole graph needs no copy, only its order.
        let whole = nodes.count == count && ends.count == 1
        let sub = whole ? graph : graph.subgraph(nodes, position: &position)
        var random = SeededRandom(seed: seed ^ (UInt64(component) &* 0x9E37_79B9_7F4A_7C15))
        (cx, cy) = multilevel(sub, random: &random)
        Self.alignToLongerAxis(&cx, &cy)
      }
      var box = ComponentPacking.Box(component: component, x: cx, y: cy)
      box.nodes = nodes.count == count && ends.count == 1 ? Self.identity(count) : nodes
      boxes.append(box)
      start = end
    }
    ComponentPacking.pack(&boxes, margin: 1.5)
    for box in boxes {
      for (index, node) in box.nodes.enumerated() {
        x[Int(node)] = box.x[index] + box.offsetX
        y[Int(node)] = box.y[index] + box.offsetY
      }
    }
    Self.separateCoincident(&x, &y)
    return (x, y)
  }

  /// One connected component: coarsen, lay out the coarsest, refine.
  private func multilevel(_ graph: LayoutGraph, random: inout SeededRandom) -> ([Double], [Double])
  {
    var levels = [graph]
    var parents: [[Int32]] = []
    var respecting = graph.groups.contains { $0 >= 0 }
    while let last = levels.last, last.nodeCount > coarsestSize {
      let step = LayoutCoarsening(last, respectingGroups: respecting)
      if step.coarse.nodeCount * 10 > last.nodeCount * 9 {
        if respecting {
          respecting = false
          continue
        }
        break
      }
      levels.append(step.coarse)
      parents.append(step.parent)
    }
    let coarsest = levels[levels.count - 1]
    let side = max(1, Double(coarsest.nodeCount).squareRoot())
    var x = (0..<coarsest.nodeCount).map { _ in random.unit() * side }
    var y = (0..<coarsest.nodeCount).map { _ in random.unit() * side }
    iterate(coarsest, &x, &y, iterations: coarsestIterations, step: side * 0.2)
    var level = levels.count - 1
    while level > 0 {
      let parent = parents[level - 1]
      let finer = levels[level - 1]
      var fx = [Double](repeating: 0, count: finer.nodeCount)
      var fy = [Double](repeating: 0, count: finer.nodeCount)
      for node in 0..<finer.nodeCount {
        let p = Int(parent[node])
        fx[node] = x[p] + (random.unit() - 0.5) * 0.2
        fy[node] = y[p] + (random.unit() - 0.5) * 0.2
      }
      x = fx
      y = fy
      iterate(finer, &x, &y, iterations: refinementIterations, step: 0.5)
      level -= 1
    }
    return (x, y)
  }

  /// The spring-electrical iterations on one level, K = 1, with Hu's
  /// adaptive step (×0.9 when the energy rises, ÷0.9 after five falls).
  private func iterate(
    _ graph: LayoutGraph, _ x: inout [Double], _ y: inout [Double], iterations: Int,
    step start: Double
  ) {
    let count = graph.nodeCount
    guard count > 1 else { return }
    let block = 512
    let blocks = (count + block - 1) / block
    let energies = SharedBuffer<Double>(repeating: 0, count: blocks)
    var nextX = [Double](repeating: 0, count: count)
    var nextY = [Double](repeating: 0, count: count)
    var tree = BarnesHutTree()
    var step = start
    var energy = Double.infinity
    var progress = 0
    let strength = repulsion
    let theta = self.theta
    let workers = self.workers
    for _ in 0..<iterations {
      x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in
          graph.masses.withUnsafeBufferPointer { masses in
            tree.build(x: x, y: y, masses: masses)
          }
        }
      }
      let moveBy = step
      tree.cells.withUnsafeBufferPointer { cells in
        tree.next.withUnsafeBufferPointer { next in
          x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
              graph.masses.withUnsafeBufferPointer { masses in
                graph.offsets.withUnsafeBufferPointer { offsets in
                  graph.targets.withUnsafeBufferPointer { targets in
                    nextX.withUnsafeMutableBufferPointer { nextX in
                      nextY.withUnsafeMutableBufferPointer { nextY in
                        let shared = UnsafeSendable(
                          (cells, next, x, y, masses, offsets, targets, nextX, nextY))
                        forEachBlockInParallel(count: count, block: block, workers: workers) {
                          _, range in
                          let (cells, next, x, y, masses, offsets, targets, nextX, nextY) =
                            shared.value
                          let stack = UnsafeMutableBufferPointer<Int32>.allocate(
                            capacity: BarnesHutTree.stackCapacity)
                          defer { stack.deallocate() }
                          var sum = 0.0
                          for node in range {
                            let push = BarnesHutTree.repulsion(
                              on: node, x: x, y: y, masses: masses, cells: cells, next: next,
                              theta: theta, stack: stack)
                            var fx = strength * push.x
                            var fy = strength * push.y
                            let px = x[node]
                            let py = y[node]
                            for slot in offsets[node]..<offsets[node &+ 1] {
                              let other = Int(targets[slot])
                              let dx = x[other] - px
                              let dy = y[other] - py
                              let d = (dx * dx + dy * dy).squareRoot()
                              fx += dx * d
                              fy += dy * d
                            }
                            let norm2 = fx * fx + fy * fy
                            sum += norm2
                            if norm2 > 0 {
                              let scale = moveBy / norm2.squareRoot()
                              nextX[node] = px + fx * scale
                              nextY[node] = py + fy * scale
                            } else {
                              nextX[node] = px
                              nextY[node] = py
                            }
                          }
                          energies.pointer[range.lowerBound / block] = sum
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
      swap(&x, &nextX)
      swap(&y, &nextY)
      var total = 0.0
      for index in 0..<blocks { total += energies.pointer[index] }
      if total < energy {
        progress += 1
        if progress >= 5 {
          progress = 0
          step /= 0.9
        }
      } else {
        progress = 0
        step *= 0.9
      }
      energy = total
      if step < tolerance { break }
    }
  }

  /// 0 ..< count, as the nodes of the one component that is the whole graph.
  private static func identity(_ count: Int) -> ArraySlice<Int32> {
    ArraySlice((0..<count).map { Int32(truncatingIfNeeded: $0) })
  }

  /// Turns the points about their centre so that their longer axis (the
  /// principal axis of their spread) runs across; no trigonometry, only √.
  static func alignToLongerAxis(_ x: inout [Double], _ y: inout [Double]) {
    let count = Double(x.count)
    guard x.count > 1 else { return }
    var meanX = 0.0
    var meanY = 0.0
    for index in x.indices {
      meanX += x[index]
      meanY += y[index]
    }
    meanX /= count
    meanY /= count
    var a = 0.0
    var b = 0.0
    var c = 0.0
    for index in x.indices {
      let dx = x[index] - meanX
      let dy = y[index] - meanY
      a += dx * dx
      b += dx * dy
      c += dy * dy
    }
    // The covariance [[a, b], [b, c]]'s larger eigenvalue and its vector.
    let half = (a - c) / 2
    let lambda = (a + c) / 2 + (half * half + b * b).squareRoot()
    var vx = b
    var vy = lambda - a
    if abs(vx) + abs(vy) < 1e-12 * (a + c + 1e-300) {
      (vx, vy) = a >= c ? (1, 0) : (0, 1)
    }
    let length = (vx * vx + vy * vy).squareRoot()
    guard length > 0, length.isFinite else { return }
    let cos = vx / length
    let sin = vy / length
    for index in x.indices {
      let dx = x[index] - meanX
      let dy = y[index] - meanY
      x[index] = dx * cos + dy * sin
      y[index] = -dx * sin + dy * cos
    }
  }

  /// Moves apart points that landed on exactly the same spot, a hundredth
  /// of K per repeat, in a fixed order (by position, then index).
  ///
  /// - Complexity: O(*n* log *n*), one sort.
  static func separateCoincident(_ x: inout [Double], _ y: inout [Double]) {
    let order = x.indices.sorted { (x[$0], y[$0], $0) < (x[$1], y[$1], $1) }
    var index = 1
    while index < order.count {
      var run = 0
      while index < order.count && x[order[index]] == x[order[index - 1 - run]]
        && y[order[index]] == y[order[index - 1 - run]]
      {
        run += 1
        x[order[index]] += 0.01 * Double(run)
        index += 1
      }
      index += 1
    }
  }
}
