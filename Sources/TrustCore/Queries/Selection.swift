/// Finding what a question names (a person, a community, an attribute, a
/// tribe level) by the names a user types, with one rule for what is
/// suggested when nothing has that name.
extension AnalysisSession {
  /// The index of the person with id `id`.
  ///
  /// - Throws: ``TrustQueryError/Code/unknownPerson`` naming the nearest id
  ///   (however far: the user needs to see which ids exist), or, when `id`
  ///   is exactly someone's display name, whose id it is.
  /// - Complexity: O(*k*) expected for an id of *k* bytes; an unknown id
  ///   costs one pass over every id and name.
  package func person(_ id: String) throws(TrustQueryError) -> Int {
    if let index = network.index(of: id) { return index }
    let people = network.people
    guard !people.isEmpty else {
      throw TrustQueryError(
        code: .unknownPerson, name: id, closestMatch: nil,
        message: "unknown person '\(id)': the network has no people")
    }
    if let named = people.indices.first(where: { people.name(of: $0) == id }) {
      let owner = people.id(of: named)
      throw TrustQueryError(
        code: .unknownPerson, name: id, closestMatch: owner,
        message: "unknown person '\(id)'; '\(id)' is the name of '\(owner)'",
        idOfPersonNamed: owner)
    }
    let nearest = nearestCandidate(to: id, among: people.indices.lazy.map { people.id(of: $0) })
    throw TrustQueryError(
      code: .unknownPerson, name: id, closestMatch: nearest,
      message: "unknown person '\(id)'" + (nearest.map { "; the closest id is '\($0)'" } ?? ""))
  }

  /// The position of the community with id `id` in `communities`, the list
  /// `source` gave.
  ///
  /// - Throws: ``TrustQueryError/Code/unknownCommunity`` naming the nearest
  ///   id; when the file's communities were searched for an id of the form
  ///   `ATTR=VALUE` (or a tribe's), the source that has it.
  package func community(
    _ id: String, in communities: [IndexedCommunity], source: CommunitySource
  ) throws(TrustQueryError) -> Int {
    if let index = communities.firstIndex(where: { $0.id == id }) { return index }
    var suggested: CommunitySource?
    if case .file = source, let equals = id.firstIndex(of: "=") {
      suggested = existingCommunitySource(named: String(id[..<equals]))
    }
    let nearest = nearestCandidate(to: id, among: communities.lazy.map(\.id))
    let shown = communities.prefix(8).map(\.id).joined(separator: ", ")
    let listed = communities.isEmpty ? "none" : shown + (communities.count > 8 ? ", …" : "")
    var message = "unknown community '\(id)'"
    if let suggested {
      message += " (the file's communities: \(listed)); it names one of \(describe(suggested))"
    } else {
      message += nearest.map { "; the closest id is '\($0)'" } ?? " (communities: none)"
    }
    throw TrustQueryError(
      code: .unknownCommunity, name: id, closestMatch: nearest, message: message,
      context: "the file's communities: \(listed)", suggestedSource: suggested)
  }

  /// The community source a name gives (the `--community-by` value): the
  /// attribute of that name, else the tribes for `tribe` or `tribe:LEVEL`.
  ///
  /// - Throws: ``TrustQueryError`` for an unknown attribute (naming the
  ///   closest) or a tribe level the network does not reach.
  package func communitySource(named name: String) throws(TrustQueryError) -> CommunitySource {
    if let source = existingCommunitySource(named: name) {
      if case .tribes(let level) = source { _ = try tribeColumn(level: level) }
      return source
    }
    _ = try attributeColumn(name)  // throws the reason
    return .attribute(name)
  }

  private func existingCommunitySource(named name: String) -> CommunitySource? {
    if network.attributeKeys.contains(name) { return .attribute(name) }
    return tribeLevel(named: name).map { .tribes(level: $0) }
  }

  /// An attribute's column, or, when no attribute has the name and
  /// `allowingTribes`, the tribes' of a level (`tribe`, `tribe:LEVEL`), each
  /// person's value their tribe's id.
  ///
  /// - Throws: ``TrustQueryError/Code/unknownAttribute`` naming the closest
  ///   attribute (only a likely misspelling), or a tribe level the network
  ///   does not reach.
  package func attributeColumn(_ name: String, allowingTribes: Bool = true)
    throws(TrustQueryError) -> AttributeColumn
  {
    let keys = network.attributeKeys
    if keys.contains(name) { return network.people.attributeColumn(name) }
    if allowingTribes, let level = tribeLevel(named: name) {
      return try tribeColumn(level: level)
    }
    if allowingTribes, name.hasPrefix("tribe:") {
      throw tribeLevelError(String(name.dropFirst("tribe:".count)))
    }
    let names = keys + ["tribe"]
    let context =
      keys.isEmpty
      ? "the network has no attributes; tribe and tribe:LEVEL name its tribes"
      : "the network's attributes: \(names.joined(separator: ", "))"
    throw TrustQueryError(
      code: .unknownAttribute, name: name,
      closestMatch: closestCandidate(to: name, among: keys.isEmpty ? [] : names),
      message: "unknown attribute '\(name)' (\(context))", context: context)
  }

  /// Level `level` of the default tribe hierarchy as a column (key `tribe`
  /// at level 0, `tribe:LEVEL` above).
  ///
  /// - Throws: ``TrustQueryError/Code/invalidSetting`` for a level the network does not reach.
  package func tribeColumn(level: Int) throws(TrustQueryError) -> AttributeColumn {
    let hierarchy = tribes()
    guard level >= 0 && level < hierarchy.levels.count else { throw tribeLevelError("\(level)") }
    return hierarchy.levels[level].column(key: level == 0 ? "tribe" : "tribe:\(level)")
  }

  /// The range of the default tribe levels, for messages: "levels 0 to 2".
  private func tribeLevelError(_ asked: String) -> TrustQueryError {
    let levels = tribes().levels.count
    let context = "this network has levels 0 to \(levels - 1)"
    return TrustQueryError(
      code: .invalidSetting, name: asked, closestMatch: nil,
      message: "no tribe level '\(asked)': \(context)", setting: QuerySettings.tribeLevel.name,
      expected: "a level from 0 to \(levels - 1)", context: context)
  }

  /// 0 for `tribe`, N for `tribe:N`; `nil` for anything else.
  private func tribeLevel(named name: String) -> Int? {
    if name == "tribe" { return 0 }
    guard name.hasPrefix("tribe:"), let level = Int(name.dropFirst("tribe:".count)), level >= 0
    else { return nil }
    return level
  }

  private func describe(_ source: CommunitySource) -> String {
    switch source {
    case .file: return "the file's communities"
    case .attribute(let key): return "the communities by attribute '\(key)'"
    case .tribes(let level): return "the communities of tribe level \(level)"
    }
  }
}
