/// Where a layout goes on the page: the layout's coordinates (neighbours
/// about 1 apart) scaled to pixels and placed below the title, with the
/// legend to the right.
///
/// ```swift
/// let frame = MapFrame(x: xs, y: ys)
/// let (px, py) = frame.pixel(xs[0], ys[0])
/// frame.scale  // pixels per unit of the layout
/// ```
///
/// - Complexity: O(*n*) for the bounding box.
struct MapFrame {
  /// Room left of the map, above it (title and caption), under it, and for the legend.
  static let left = 24.0
  static let top = 84.0
  static let bottom = 24.0
  static let legendWidth = 280.0
  /// The longest side of the map's drawing area, at most, in pixels.
  static let longestSide = 1600.0
  /// The drawing area at least, so that a tiny network is not a speck.
  static let minimumWidth = 520.0
  static let minimumHeight = 260.0

  /// Pixels per layout unit.
  let scale: Double
  /// The drawing area's size.
  let mapWidth: Double
  let mapHeight: Double
  private let minX: Double
  private let minY: Double
  private let shiftX: Double
  private let shiftY: Double

  /// A frame for the points, with `padding` pixels kept around them (for radii).
  init(x: [Double], y: [Double], maximumScale: Double = 56, padding: Double = 16) {
    var minX = 0.0
    var minY = 0.0
    var maxX = 0.0
    var maxY = 0.0
    if !x.isEmpty {
      minX = x.min() ?? 0
      maxX = x.max() ?? 0
      minY = y.min() ?? 0
      maxY = y.max() ?? 0
    }
    let width = maxX - minX
    let height = maxY - minY
    let scale = min(maximumScale, Self.longestSide / max(width, height, 1e-9))
    self.scale = scale
    self.minX = minX
    self.minY = minY
    mapWidth = max(Self.minimumWidth, width * scale + 2 * padding)
    mapHeight = max(Self.minimumHeight, height * scale + 2 * padding)
    shiftX = Self.left + (mapWidth - width * scale) / 2
    shiftY = Self.top + (mapHeight - height * scale) / 2
  }

  /// The pixel of the layout point (x, y).
  func pixel(_ x: Double, _ y: Double) -> (Double, Double) {
    ((x - minX) * scale + shiftX, (y - minY) * scale + shiftY)
  }

  /// Where the legend starts.
  var legendX: Double { Self.left + mapWidth + 16 }

  /// The page's size, tall enough for `legendLines` lines of the legend.
  func pageSize(legendLines: Int) -> (Double, Double) {
    let legendHeight = Double(legendLines) * MapSVGWriter.legendLineHeight + 24
    return (
      legendX + Self.legendWidth,
      max(Self.top + mapHeight + Self.bottom, Self.top + legendHeight)
    )
  }
}
