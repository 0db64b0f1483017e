/// A reference to a person by id that is resolved when the network is
/// finished, as the person may be listed later: a reports-to link, a
/// community member, or a tie end that is not a range of the tie source.
///
/// The id's bytes are a range of a registered source when they lie in one,
/// else a copy in the assembler's scratch bytes, so a million references
/// cost no allocation each.
///
/// ```swift
/// let reference = assembler.reference(to: idBytes, at: place, role: .member)
/// ```
///
/// - Complexity: 40 bytes, plus the id's bytes when copied.
struct PersonReference: Sendable {
  /// What the reference is.
  enum Role: UInt8, Sendable {
    case reportsTo
    case from
    case to
    case member
  }

  /// The person, tie or community it belongs to, by index (set when that is added).
  var owner: Int32
  var role: Role
  /// The source whose bytes hold the id, or -1 for the assembler's scratch bytes.
  var source: Int32
  var start: Int
  var count: Int
  /// Where the reference was given.
  var place: SourcePlace
}

extension NetworkAssembler {
  /// A reference to the person with id `id`, given at `place`: a range of
  /// the source holding the bytes, or a copy of them.
  ///
  /// - Complexity: O(*s*) for *s* sources, plus O(*k*) to copy *k* bytes.
  mutating func reference(
    to id: UnsafeBufferPointer<UInt8>, at place: SourcePlace, role: PersonReference.Role
  ) -> PersonReference {
    for (index, source) in sources.enumerated() where source.contains(id) {
      if let base = source.bytes.baseAddress, let start = id.baseAddress {
        return PersonReference(
          owner: 0, role: role, source: Int32(truncatingIfNeeded: index), start: start - base,
          count: id.count, place: place)
      }
    }
    let start = scratch.count
    scratch.append(contentsOf: id)
    return PersonReference(
      owner: 0, role: role, source: -1, start: start, count: id.count, place: place)
  }

  /// Cuts the scratch bytes back to the last finished record (a dropped
  /// record's copies).
  mutating func dropStagedBytes() {
    if scratch.count > scratchMark { scratch.removeLast(scratch.count - scratchMark) }
  }

  /// Calls `body` with the bytes of `reference`'s id, in `sources` or in
  /// `scratch` (the assembler's scratch bytes).
  static func withBytes<Result>(
    of reference: PersonReference, sources: [NetworkSource], scratch: UnsafeBufferPointer<UInt8>,
    _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    let range = reference.start..<reference.start + reference.count
    if reference.source < 0 { return body(UnsafeBufferPointer(rebasing: scratch[range])) }
    return body(UnsafeBufferPointer(rebasing: sources[Int(reference.source)].bytes[range]))
  }

  /// Resolves every pending reference, reporting those that name nobody.
  /// The references stay (staged tie ends' places are read from them)
  /// until ``finish(source:)`` is done with them.
  ///
  /// - Complexity: O(*k*) expected per reference of *k* bytes.
  mutating func resolvePending() {
    let references = pending
    let scratch = self.scratch
    let sources = self.sources
    var found = [Int32](repeating: -1, count: references.count)
    scratch.withUnsafeBufferPointer { scratch in
      people.ids.withLookup { ids in
        for (index, reference) in references.enumerated() {
          let person = Self.withBytes(of: reference, sources: sources, scratch: scratch) {
            ids.index(of: $0)
          }
          found[index] = person.map { Int32(truncatingIfNeeded: $0) } ?? -1
        }
      }
    }
    for (index, reference) in references.enumerated() {
      let owner = Int(reference.owner)
      let person = found[index]
      guard person >= 0 else {
        reportUnknownPerson(
          scratch.withUnsafeBufferPointer { scratch in
            Self.withBytes(of: reference, sources: sources, scratch: scratch) {
              String(decoding: $0, as: UTF8.self)
            }
          }, role: reference.role, owner: owner, at: reference.place)
        continue
      }
      switch reference.role {
      case .reportsTo: people.reportsTo[owner] = person
      case .from: ties.from[owner] = person
      case .to: ties.to[owner] = person
      case .member:
        communities[owner].members.append(person)
        memberPlaces[owner].append(reference.place)
      }
    }
  }

  /// Reports the id `text` naming nobody, with the closest id as a hint.
  mutating func reportUnknownPerson(
    _ text: @autoclosure () -> String, role: PersonReference.Role, owner: Int,
    at place: SourcePlace
  ) {
    guard diagnostics.wants(place) else {
      diagnostics.count(.error)
      return
    }
    let path: DiagnosticPath
    let what: String
    switch role {
    case .reportsTo:
      path = .person(personOrdinals.ordinal(of: owner), .reportsTo)
      what = "reports to"
    case .from:
      path = .tie(tieOrdinals.ordinal(of: owner), .from)
      what = "tie from"
    case .to:
      path = .tie(tieOrdinals.ordinal(of: owner), .to)
      what = "tie to"
    case .member:
      path = .community(communityOrdinals.ordinal(of: owner), .members)
      what = "member"
    }
    let id = text()
    let hint = closestID(to: id).map { "; did you mean '\($0)'?" } ?? ""
    diagnostics.add(
      .error, .unknownPerson, at: place, path: path, "\(what) unknown person '\(id)'\(hint)")
  }

  /// The most similar existing person id, for a "did you mean" hint (none
  /// past 100,000 people, where comparing with everyone costs too much).
  func closestID(to text: String) -> String? {
    guard people.ids.count <= 100_000 else { return nil }
    return closestCandidate(to: text, among: (0..<people.ids.count).lazy.map { people.ids[$0] })
  }
}
