/// The map of a network small enough to draw person by person: a disc per
/// person at their place in the layout, coloured by level-0 tribe (or an
/// attribute), sized by strong-tie degree; a line per strong tie, its width
/// by strength; reports-to links faint and dashed; the best-connected
/// people named.
///
/// ```swift
/// let map = PeopleMap.draw(context)
/// map.discs.count == context.graph.personCount  // true
/// ```
///
/// - Complexity: the layout's, then O(*n* log *n* + *m*).
enum PeopleMap {
  static func draw(_ context: MapContext) -> TrustMap {
    let graph = context.graph
    let network = context.network
    let people = network.people
    let count = graph.personCount
    let tribes = context.hierarchy.levels.first
    let layout = SpringElectricalLayout(seed: context.options.seed)
    let (x, y) = layout.positions(of: LayoutGraph(graph, groups: tribes?.tribeOf))
    let frame = MapFrame(x: x, y: y)
    let base = min(6, max(1.2, frame.scale * 0.16))
    let marks = context.emphasis.marks
    var colours = [Int](repeating: -1, count: count)
    var legend: [MapLegendEntry] = []
    if let column = context.colours {
      for person in 0..<count {
        let code = Int(column.codes[person])
        colours[person] = code < TrustMap.palette.count ? code : -1
      }
      legend = attributeLegend(column)
    } else if let tribes {
      for person in 0..<count {
        colours[person] = Int(tribes.tribeOf[person]) % TrustMap.palette.count
      }
      legend = tribeLegend(tribes)
    }
    legend += emphasisLegend(context)
    var discs: [MapDisc] = []
    discs.reserveCapacity(count)
    for person in 0..<count {
      let (px, py) = frame.pixel(x[person], y[person])
      let degree = Double(graph.degree(of: person))
      discs.append(
        MapDisc(
          id: people.id(of: person), name: people.name(of: person), x: px, y: py,
          radius: base * min(4, 1 + 0.45 * degree.squareRoot()), colour: colours[person],
          emphasis: marks?[person] ?? .plain))
    }
    let widthScale = min(1.4, max(0.25, frame.scale / 28))
    var lines: [MapLine] = []
    lines.reserveCapacity(graph.strongTieCount)
    for person in 0..<count {
      for slot in graph.offsets[person]..<graph.offsets[person + 1] {
        let other = Int(graph.targets[slot])
        guard other > person else { continue }
        let kind: MapLine.Kind
        var emphasised = false
        if let marks {
          let (a, b) = (marks[person], marks[other])
          if context.emphasis.focus != nil {
            let touchesFocus = a == .focus || b == .focus
            let introduces = (a == .near && b == .second) || (a == .second && b == .near)
            kind = touchesFocus || introduces ? .path : .strongTie
            emphasised = kind == .path
          } else {
            kind = .strongTie
            emphasised = a != .out && b != .out
          }
        } else {
          kind = .strongTie
        }
        lines.append(
          MapLine(
            from: person, to: other, width: widthScale * (0.5 + 1.5 * graph.strengths[slot]),
            kind: kind, emphasised: emphasised))
      }
    }
    var reportsTo = 0
    for person in 0..<count where people.reportsTo[person] >= 0 {
      lines.append(
        MapLine(
          from: person, to: Int(people.reportsTo[person]), width: max(0.5, widthScale * 0.8),
          kind: .reportsTo, emphasised: false))
      reportsTo += 1
    }
    let labels = self.labels(context, discs: discs, limit: context.options.labels)
    var notes = [
      "Size: strong ties (the larger, the more).",
      "Line width: the tie's strength.",
    ]
    if reportsTo > 0 { notes.append("Dashed: reports to (\(grouped(reportsTo)) links).") }
    if context.emphasis.focus != nil {
      notes.append("Dark lines: the person's ties and their introducers' paths.")
    }
    let colourNote =
      context.colours.map { "colour: \(isolated($0.key))" }
      ?? "colour: level-0 tribe (\(tribes?.tribes.count ?? 0))"
    var caption =
      "\(counted(count, "person", "people")), "
      + "\(counted(graph.strongTieCount, "strong tie", "strong ties")) (\(context.strongRule)); "
      + colourNote + "; size: strong ties"
    if let description = context.emphasis.description { caption += "; " + description }
    caption += "; layout: multilevel spring-electrical, seed \(context.options.seed)"
    let (width, height) = frame.pageSize(
      legendLines: MapSVGWriter.legendLines(legend, notes: notes))
    return TrustMap(
      subject: .people, title: context.title, caption: caption, width: width, height: height,
      discs: discs, lines: lines, labels: labels, legend: legend, notes: notes)
  }

  /// The best-connected people's names (the person asked about first), as
  /// many as fit up to `limit`, trying at most five candidates per name.
  static func labels(_ context: MapContext, discs: [MapDisc], limit: Int) -> [MapLabel] {
    guard limit > 0 else { return [] }
    let graph = context.graph
    var order = Array(0..<graph.personCount).filter { graph.degree(of: $0) > 0 }
    order.sort { (graph.degree(of: $0), -$0) > (graph.degree(of: $1), -$1) }
    if let focus = context.emphasis.focus {
      order.removeAll { $0 == focus }
      order.insert(focus, at: 0)
    }
    var placer = MapLabelPlacer(fontSize: 11)
    var labels: [MapLabel] = []
    for person in order.prefix(limit * 5) where labels.count < limit {
      let disc = discs[person]
      if let label = placer.place(
        disc: person, text: shortened(disc.name), x: disc.x, y: disc.y, radius: disc.radius)
      {
        labels.append(label)
      }
    }
    return labels
  }

  /// The legend of tribe colours: the ten largest tribes with their size
  /// and first dominant value, and a note when colours repeat.
  static func tribeLegend(_ level: TribeLevel) -> [MapLegendEntry] {
    var entries: [MapLegendEntry] = []
    for (index, tribe) in level.tribes.prefix(TrustMap.palette.count).enumerated() {
      var text = "\(tribe.id): \(counted(tribe.members.count, "person", "people"))"
      if let dominant = tribe.dominant.first {
        text += ", \(isolated(dominant.attribute)) \(isolated(dominant.value))"
      }
      entries.append(MapLegendEntry(colour: index, emphasis: nil, text: text))
    }
    if level.tribes.count > TrustMap.palette.count {
      entries.append(
        MapLegendEntry(
          colour: nil, emphasis: nil,
          text: "… \(grouped(level.tribes.count - TrustMap.palette.count)) more tribes; "
            + "colours repeat"))
    }
    return entries
  }

  /// The legend of an attribute's colours: its first ten values, then the rest.
  static func attributeLegend(_ column: AttributeColumn) -> [MapLegendEntry] {
    var counts = [Int](repeating: 0, count: column.values.count)
    var missing = 0
    for code in column.codes {
      if code >= 0 { counts[Int(code)] += 1 } else { missing += 1 }
    }
    var entries = [
      MapLegendEntry(colour: nil, emphasis: nil, text: "Colour: \(isolated(column.key))")
    ]
    for (index, value) in column.values.prefix(TrustMap.palette.count).enumerated() {
      entries.append(
        MapLegendEntry(
          colour: index, emphasis: nil, text: "\(isolated(value)) (\(grouped(counts[index])))"))
    }
    if column.values.count > TrustMap.palette.count {
      let rest = counts.dropFirst(TrustMap.palette.count).reduce(0, +)
      entries.append(
        MapLegendEntry(
          colour: -1, emphasis: nil,
          text: "\(grouped(column.values.count - TrustMap.palette.count)) other values "
            + "(\(grouped(rest)))"))
    }
    if missing > 0 {
      entries.append(
        MapLegendEntry(colour: -1, emphasis: nil, text: "no value (\(grouped(missing)))"))
    }
    return entries
  }

  /// The rings' meanings, when an emphasis was asked for.
  static func emphasisLegend(_ context: MapContext) -> [MapLegendEntry] {
    guard context.emphasis.marks != nil else { return [] }
    if context.emphasis.focus != nil {
      return [
        MapLegendEntry(colour: nil, emphasis: .focus, text: "the person"),
        MapLegendEntry(colour: nil, emphasis: .near, text: "first degree: trusted directly"),
        MapLegendEntry(colour: nil, emphasis: .second, text: "second degree: pre-credentialed"),
        MapLegendEntry(colour: nil, emphasis: .out, text: "everyone else"),
      ]
    }
    return [
      MapLegendEntry(colour: nil, emphasis: .inGroup, text: "in: the members"),
      MapLegendEntry(colour: nil, emphasis: .near, text: "near: within reach of their trust"),
      MapLegendEntry(colour: nil, emphasis: .out, text: "out: everyone else"),
    ]
  }

  /// At most 28 characters, with … when cut.
  static func shortened(_ text: String) -> String {
    text.count <= 28 ? text : String(text.prefix(27)) + "…"
  }
}
