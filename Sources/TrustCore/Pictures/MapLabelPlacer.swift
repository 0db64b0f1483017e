/// Names on a map that never overlap one another: candidates in order of
/// importance, each tried right of its disc, then left, above and below, and
/// kept at the first spot where its box meets no box already kept. Kept
/// boxes are filed in a grid of cells, so a test looks only at its
/// neighbourhood.
///
/// ```swift
/// var placer = MapLabelPlacer(fontSize: 11)
/// if let label = placer.place(disc: 3, text: "Ana", x: 120, y: 80, radius: 5) { labels.append(label) }
/// ```
///
/// - Complexity: O(1) per try for labels of bounded length (a few cells each).
struct MapLabelPlacer {
  /// A kept label's box.
  private struct Box {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    func overlaps(_ other: Box) -> Bool {
      minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }
  }

  /// The names' font size, in pixels.
  let fontSize: Double
  private let cellSize = 64.0
  private var boxes: [Box] = []
  private var grid: [Int64: [Int32]] = [:]

  init(fontSize: Double) {
    self.fontSize = fontSize
  }

  /// How wide `text` is, about: an average glyph of a sans-serif font.
  func width(of text: String) -> Double { Double(text.count) * fontSize * 0.6 }

  /// The label for `text` beside the disc at (x, y), or `nil` when every
  /// spot tried overlaps a label already placed.
  mutating func place(disc: Int, text: String, x: Double, y: Double, radius: Double) -> MapLabel? {
    let width = self.width(of: text)
    let gap = 2.0
    let spots = [
      (x + radius + gap, y + fontSize * 0.35),
      (x - radius - gap - width, y + fontSize * 0.35),
      (x - width / 2, y - radius - gap),
      (x - width / 2, y + radius + gap + fontSize * 0.8),
    ]
    for (left, baseline) in spots {
      let box = Box(
        minX: left - 1, minY: baseline - fontSize * 0.85, maxX: left + width + 1,
        maxY: baseline + fontSize * 0.25)
      if isFree(box) {
        keep(box)
        return MapLabel(disc: disc, text: text, x: left, y: baseline)
      }
    }
    return nil
  }

  private func cells(of box: Box) -> [Int64] {
    let x0 = Int64((box.minX / cellSize).rounded(.down))
    let x1 = Int64((box.maxX / cellSize).rounded(.down))
    let y0 = Int64((box.minY / cellSize).rounded(.down))
    let y1 = Int64((box.maxY / cellSize).rounded(.down))
    var keys: [Int64] = []
    for cx in x0...x1 {
      for cy in y0...y1 { keys.append(cx &* 1_000_003 &+ cy) }
    }
    return keys
  }

  private func isFree(_ box: Box) -> Bool {
    for key in cells(of: box) {
      for index in grid[key] ?? [] where boxes[Int(index)].overlaps(box) { return false }
    }
    return true
  }

  private mutating func keep(_ box: Box) {
    let index = Int32(truncatingIfNeeded: boxes.count)
    boxes.append(box)
    for key in cells(of: box) { grid[key, default: []].append(index) }
  }
}
