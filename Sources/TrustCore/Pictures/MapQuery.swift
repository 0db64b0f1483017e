extension QuerySettings {
  /// The largest network a map draws person by person (`--max-people`): a whole number ≥ 1.
  package static let mapMaxPeople = QuerySetting<Int>(
    "maxPeople", default: 5000, expected: "a whole number ≥ 1"
  ) { $0 >= 1 }
  /// How many names a map shows (`--labels`): a whole number ≥ 0.
  package static let mapLabels = QuerySetting<Int>(
    "labels", default: 20, expected: "a whole number ≥ 0"
  ) { $0 >= 0 }
}

/// A trust map of the session's strong-tie graph (docs/pictures.md): the
/// people laid out by ``SpringElectricalLayout`` (coarsened along the
/// level-0 tribes), coloured by tribe or an attribute, sized by strong-tie
/// degree, with a community's in / near / out or a person's first and second
/// degree emphasised; above ``MapOptions/maxPeople`` people, the tribes of the
/// lowest level that has at most that many, as discs sized by members.
///
/// ```swift
/// let map = try MapQuery(MapOptions(community: "lisbon")).run(in: session)
/// map.discs.filter { $0.emphasis == .inGroup }.count  // the members
/// ```
///
/// - Complexity: the tribes (found once per session), then O(*n* log *n* +
///   *m*) per layout iteration, a bounded number of iterations per level.
package struct MapQuery: Sendable {
  /// What to draw.
  package var options: MapOptions

  package init(_ options: MapOptions) {
    self.options = options
  }

  /// Draws the map in `session`.
  ///
  /// - Throws: ``TrustQueryError`` for an unknown person, community or
  ///   attribute, both a person and a community, or a bad setting.
  package func run(in session: AnalysisSession) throws(TrustQueryError) -> TrustMap {
    let maxPeople = try QuerySettings.mapMaxPeople.validated(options.maxPeople)
    _ = try QuerySettings.mapLabels.validated(options.labels)
    let depth = try QuerySettings.nearDepth.validated(options.nearDepth)
    if options.person != nil && options.community != nil {
      throw TrustQueryError(
        code: .invalidSetting, name: "person", closestMatch: nil,
        message: "a map emphasises a person or a community, not both", setting: "person",
        expected: "a person or a community")
    }
    let column = try options.colorBy.map { name throws(TrustQueryError) in
      try session.attributeColumn(name)
    }
    let emphasis = try self.emphasis(in: session, nearDepth: depth)
    let hierarchy = session.tribes()
    let context = MapContext(
      session: session, options: options, hierarchy: hierarchy, colours: column,
      emphasis: emphasis)
    if session.graph.personCount <= maxPeople || hierarchy.levels.isEmpty {
      return PeopleMap.draw(context)
    }
    let level =
      hierarchy.levels.firstIndex { $0.tribes.count <= maxPeople } ?? hierarchy.levels.count - 1
    return TribeMap.draw(context, level: level)
  }

  /// Each person's emphasis, and what the caption says of it.
  private func emphasis(in session: AnalysisSession, nearDepth: Int) throws(TrustQueryError)
    -> PersonEmphasis
  {
    let graph = session.graph
    let count = graph.personCount
    if let id = options.person {
      let person = try session.person(id)
      let reach = TrustReach(graph, person: person)
      var marks = [MapEmphasis](repeating: .out, count: count)
      for other in reach.firstDegree { marks[Int(other)] = .near }
      for other in reach.secondDegree { marks[Int(other)] = .second }
      marks[person] = .focus
      let name = session.network.people.name(of: person)
      return PersonEmphasis(
        marks: marks, focus: person,
        description:
          "around \(isolated(name)): \(reach.firstDegree.count) first degree, "
          + "\(reach.secondDegree.count) second degree",
        title: "Trust around \(isolated(name))")
    }
    if let id = options.community {
      let list = try session.communities(options.communities)
      let index = try session.community(id, in: list, source: options.communities)
      let community = list[index]
      let projection = GroupProjection(
        graph, network: session.network, members: community.members, nearDepth: nearDepth)
      var marks = [MapEmphasis](repeating: .out, count: count)
      for other in projection.near { marks[Int(other)] = .near }
      for other in projection.inGroup { marks[Int(other)] = .inGroup }
      return PersonEmphasis(
        marks: marks, focus: nil,
        description:
          "\(isolated(community.name)): \(projection.inGroup.count) in, "
          + "\(projection.near.count) near (within \(nearDepth)), \(projection.out.count) out",
        title: "\(isolated(community.name)): in, near and out")
    }
    return PersonEmphasis(marks: nil, focus: nil, description: nil, title: nil)
  }
}

/// Each person's emphasis (`nil`: none asked for), the person asked about,
/// and the words for the caption and title.
struct PersonEmphasis {
  var marks: [MapEmphasis]?
  var focus: Int?
  var description: String?
  var title: String?
}

/// What both kinds of map are drawn from.
struct MapContext {
  let session: AnalysisSession
  let options: MapOptions
  let hierarchy: TribeHierarchy
  /// The attribute colouring people, or `nil` for the level-0 tribes.
  let colours: AttributeColumn?
  let emphasis: PersonEmphasis

  var network: TrustNetwork { session.network }
  var graph: TrustGraph { session.graph }

  /// The title: the emphasis's, else the network's name.
  var title: String {
    emphasis.title ?? network.name.map { isolated($0) } ?? "Trust map"
  }

  /// "strength ≥ 0.5, either direction".
  var strongRule: String {
    let rule = graph.settings.reciprocity == .mutual ? "both directions" : "either direction"
    return "strength ≥ \(graph.threshold), \(rule)"
  }
}

/// `text` between U+2068 and U+2069 (first-strong isolate, pop directional
/// isolate), so that right-to-left text or override characters in a name
/// cannot reorder the words around it.
func isolated(_ text: String) -> String { "\u{2068}\(text)\u{2069}" }

/// A whole number with thousands separators: 1,000,000.
package func grouped(_ value: Int) -> String {
  let digits = String(value.magnitude)
  var result = ""
  for (index, digit) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
    result.append(digit)
  }
  return (value < 0 ? "-" : "") + result
}

/// `count` and the noun, singular for one: "1 person", "5 people".
func counted(_ count: Int, _ one: String, _ many: String) -> String {
  "\(grouped(count)) \(count == 1 ? one : many)"
}
