/// The map of a network too large to draw person by person: a disc per tribe
/// of one level (its area by members), laid out with the same engine on the
/// graph of tribes (masses by size, so large tribes keep room), a line per
/// pair of tribes joined by strong ties with its width by their count.
///
/// ```swift
/// let map = TribeMap.draw(context, level: 1)
/// map.discs.count == context.hierarchy.levels[1].tribes.count  // true
/// ```
///
/// - Complexity: O(*n*) over people for colours and emphasis, then the
///   layout of the tribes' graph: O(*t* log *t* + *l*) per iteration for *t*
///   tribes and *l* links.
enum TribeMap {
  /// At most this many links are drawn, the most ties first.
  static let linkLimit = 20_000

  static func draw(_ context: MapContext, level index: Int) -> TrustMap {
    let level = context.hierarchy.levels[index]
    let tribeCount = level.tribes.count
    let sizes = level.tribes.map { Double($0.members.count) }
    let masses = sizes.map { $0.squareRoot() * $0.squareRoot().squareRoot() }
    let above =
      index + 1 < context.hierarchy.levels.count ? context.hierarchy.levels[index + 1] : nil
    let groups = level.tribes.map { tribe -> Int32 in
      guard let above, let first = tribe.members.first else { return -1 }
      return above.tribeOf[Int(first)]
    }
    let edges = level.links.map {
      (Int32(truncatingIfNeeded: $0.first), Int32(truncatingIfNeeded: $0.second))
    }
    let graph = LayoutGraph(nodeCount: tribeCount, edges: edges, masses: masses, groups: groups)
    let (x, y) = SpringElectricalLayout(seed: context.options.seed).positions(of: graph)
    // Padding for the largest disc; the scale does not depend on it, nor does the unit.
    let first = MapFrame(x: x, y: y, maximumScale: 80, padding: 40)
    let unit = discUnit(sizes: sizes, x: x, y: y, links: level.links, frame: first)
    let largest = unit * (sizes.max() ?? 1).squareRoot()
    let frame = MapFrame(x: x, y: y, maximumScale: 80, padding: max(40, largest + 8))
    let colours = self.colours(context, level: level)
    let marks = self.marks(context, level: level)
    var discs: [MapDisc] = []
    for (tribe, described) in level.tribes.enumerated() {
      let (px, py) = frame.pixel(x[tribe], y[tribe])
      discs.append(
        MapDisc(
          id: described.id,
          name: "\(described.id) (\(counted(described.members.count, "person", "people")))",
          x: px, y: py, radius: max(1.5, unit * sizes[tribe].squareRoot()), colour: colours[tribe],
          emphasis: marks?[tribe] ?? .plain))
    }
    let drawn = level.links.prefix(linkLimit)
    let most = Double(drawn.first?.ties ?? 1)
    let lines = drawn.map { link in
      MapLine(
        from: link.first, to: link.second, width: 0.4 + 7 * Double(link.ties) / most,
        kind: .tribeLink,
        emphasised: marks.map { $0[link.first] != .out && $0[link.second] != .out } ?? false)
    }
    var placer = MapLabelPlacer(fontSize: 11)
    var labels: [MapLabel] = []
    for (tribe, described) in level.tribes.enumerated().prefix(context.options.labels * 5)
    where labels.count < context.options.labels {
      var text = described.id
      if let dominant = described.dominant.first { text += " · " + dominant.value }
      let disc = discs[tribe]
      if let label = placer.place(
        disc: tribe, text: PeopleMap.shortened(text), x: disc.x, y: disc.y, radius: disc.radius)
      {
        labels.append(label)
      }
    }
    let people = context.graph.personCount
    var legend =
      context.colours.map(PeopleMap.attributeLegend) ?? PeopleMap.tribeLegend(level)
    legend += PeopleMap.emphasisLegend(context)
    var notes = [
      "More than \(grouped(context.options.maxPeople)) people: each disc is a tribe of level "
        + "\(index), its area by members.",
      "Line width: strong ties between two tribes (at most \(grouped(Int(most)))).",
    ]
    if tribeCount > context.options.maxPeople {
      notes.append(
        "No level has at most \(counted(context.options.maxPeople, "tribe", "tribes")): all "
          + "\(grouped(tribeCount)) of level \(index) are drawn.")
    }
    if level.links.count > linkLimit {
      notes.append(
        "The \(grouped(linkLimit)) most-tied pairs of \(grouped(level.links.count)) are drawn.")
    }
    if context.emphasis.marks != nil {
      notes.append("A tribe is in when half its members are, near when any is in or near.")
    }
    let levelName = index == 0 ? "tribes" : "level-\(index) tribes"
    var caption =
      "\(counted(people, "person", "people")) in \(grouped(tribeCount)) \(levelName), "
      + "\(counted(context.graph.strongTieCount, "strong tie", "strong ties")) "
      + "(\(context.strongRule)); discs sized by members; line width: strong ties between tribes"
    if let key = context.colours?.key { caption += "; colour: most common \(isolated(key))" }
    if let description = context.emphasis.description { caption += "; " + description }
    caption += "; layout: multilevel spring-electrical, seed \(context.options.seed)"
    let (width, height) = frame.pageSize(
      legendLines: MapSVGWriter.legendLines(legend, notes: notes))
    return TrustMap(
      subject: .tribes(level: index), title: context.title, caption: caption, width: width,
      height: height, discs: discs, lines: lines, labels: labels, legend: legend, notes: notes)
  }

  /// Pixels of radius per √member: discs cover at most a fifth of the
  /// drawing, and nine linked pairs in ten do not overlap (the tenth
  /// percentile of distance / (√size + √size) over the links).
  ///
  /// - Complexity: O(*l* log *l*) for *l* links.
  static func discUnit(
    sizes: [Double], x: [Double], y: [Double], links: [TribeLink], frame: MapFrame
  ) -> Double {
    let total = sizes.reduce(0, +)
    guard total > 0 else { return 1 }
    let area = frame.mapWidth * frame.mapHeight * 0.2
    let byArea = (area / (3.141_592_653_589_793 * total)).squareRoot()
    var ratios: [Double] = []
    ratios.reserveCapacity(links.count)
    for link in links {
      let dx = (x[link.first] - x[link.second]) * frame.scale
      let dy = (y[link.first] - y[link.second]) * frame.scale
      let room = sizes[link.first].squareRoot() + sizes[link.second].squareRoot()
      ratios.append((dx * dx + dy * dy).squareRoot() / room)
    }
    guard !ratios.isEmpty else { return byArea }
    ratios.sort()
    return min(byArea, ratios[ratios.count / 10])
  }

  /// Each tribe's colour: its number, or its members' most common value of the attribute.
  private static func colours(_ context: MapContext, level: TribeLevel) -> [Int] {
    guard let column = context.colours else {
      return level.tribes.indices.map { $0 % TrustMap.palette.count }
    }
    var counts = [Int](repeating: 0, count: column.values.count)
    var touched: [Int] = []
    return level.tribes.map { tribe in
      var best = -1
      for member in tribe.members {
        let code = Int(column.codes[Int(member)])
        guard code >= 0 else { continue }
        if counts[code] == 0 { touched.append(code) }
        counts[code] += 1
        if best < 0 || counts[code] > counts[best] || (counts[code] == counts[best] && code < best)
        {
          best = code
        }
      }
      for code in touched { counts[code] = 0 }
      touched.removeAll(keepingCapacity: true)
      return best < TrustMap.palette.count ? best : -1
    }
  }

  /// Each tribe's emphasis: the person's tribe is the focus; a tribe is in
  /// when at least half its members are, near (or second) when any member is
  /// in, near or of the person's degrees; else out.
  private static func marks(_ context: MapContext, level: TribeLevel) -> [MapEmphasis]? {
    guard let marks = context.emphasis.marks else { return nil }
    return level.tribes.map { tribe in
      var inside = 0
      var best = MapEmphasis.out
      for member in tribe.members {
        let mark = marks[Int(member)]
        switch mark {
        case .focus: return .focus
        case .inGroup: inside += 1
        case .near: best = .near
        case .second: if best == .out { best = .second }
        case .plain, .out: break
        }
      }
      if inside * 2 >= tribe.members.count && inside > 0 { return .inGroup }
      return inside > 0 ? .near : best
    }
  }
}
