/// Places the separately laid-out components of a graph side by side:
/// largest first, in rows (shelves) about as wide as the whole is tall, so
/// the drawing fills a rectangle instead of trailing off; isolates fill the
/// last rows like a grid.
///
/// ```swift
/// var boxes = [ComponentPacking.Box(component: 0, x: [0, 1], y: [0, 0])]
/// ComponentPacking.pack(&boxes, margin: 1.5)
/// boxes[0].offsetX  // where its points go: x + offsetX
/// ```
///
/// - Complexity: O(*c* log *c* + *n*) for *c* components of *n* points.
enum ComponentPacking {
  /// One component: its points (relative), and where packing puts them.
  struct Box {
    /// The component's number, which breaks ties between equal sizes.
    var component: Int
    /// Its points, before the offset.
    var x: [Double]
    var y: [Double]
    /// The graph's nodes, beside ``x``.
    var nodes: ArraySlice<Int32> = []
    /// Added to every point.
    var offsetX = 0.0
    var offsetY = 0.0

    init(component: Int, x: [Double], y: [Double]) {
      self.component = component
      self.x = x
      self.y = y
    }

    /// Its extent: (minimum x, minimum y, width, height).
    var bounds: (Double, Double, Double, Double) {
      var minX = Double.infinity
      var minY = Double.infinity
      var maxX = -Double.infinity
      var maxY = -Double.infinity
      for index in x.indices {
        minX = min(minX, x[index])
        maxX = max(maxX, x[index])
        minY = min(minY, y[index])
        maxY = max(maxY, y[index])
      }
      return (minX, minY, maxX - minX, maxY - minY)
    }
  }

  /// Sets every box's offset: shelves from the top left, `margin` apart.
  static func pack(_ boxes: inout [Box], margin: Double) {
    let bounds = boxes.map(\.bounds)
    let order = boxes.indices.sorted {
      (bounds[$0].3 * bounds[$0].2, boxes[$0].x.count, -$0)
        > (bounds[$1].3 * bounds[$1].2, boxes[$1].x.count, -$1)
    }
    var area = 0.0
    var widest = 0.0
    for bound in bounds {
      area += (bound.2 + margin) * (bound.3 + margin)
      widest = max(widest, bound.2 + margin)
    }
    let rowWidth = max(widest, area.squareRoot() * 1.3)
    var cursorX = 0.0
    var cursorY = 0.0
    var rowHeight = 0.0
    for index in order {
      let (minX, minY, width, height) = bounds[index]
      if cursorX > 0 && cursorX + width > rowWidth {
        cursorX = 0
        cursorY += rowHeight + margin
        rowHeight = 0
      }
      boxes[index].offsetX = cursorX - minX
      boxes[index].offsetY = cursorY - minY
      cursorX += width + margin
      rowHeight = max(rowHeight, height)
    }
  }
}
