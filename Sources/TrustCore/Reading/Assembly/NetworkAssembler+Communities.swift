/// The community a reader is giving fields to, between
/// ``NetworkAssembler/beginCommunity(ordinal:)`` and ``NetworkAssembler/finishCommunity()``.
///
/// ```swift
/// assembler.openCommunity.members  // [2, 0]: found so far, as person indices
/// ```
///
/// - Complexity: 4 bytes per member found, and a reference per member not yet known.
struct OpenCommunity: Sendable {
  /// The community's position in the reader's list.
  var ordinal = 0
  /// The id, once accepted.
  var id: String?
  var name: String?
  /// Members found as they were listed, with where each was listed.
  var members: [Int32] = []
  var places: [SourcePlace] = []
  /// Members not yet known (they may be listed later).
  var references: [PersonReference] = []
  /// Members given as ids and not yet looked up: their bytes one after
  /// another, where each ends, and where each was listed.
  var stagedBytes: [UInt8] = []
  var stagedEnds: [Int] = []
  var stagedPlaces: [SourcePlace] = []
}

extension NetworkAssembler {
  /// Opens the reader's community `ordinal`: the fields given next are its
  /// own, until ``finishCommunity()``.
  ///
  /// ```swift
  /// assembler.beginCommunity(ordinal: 0)
  /// assembler.communityID("guild", at: place)
  /// assembler.addMember(anaBytes, at: memberPlace)
  /// _ = assembler.finishCommunity()  // 0
  /// ```
  mutating func beginCommunity(ordinal: Int) {
    openCommunity = OpenCommunity(ordinal: ordinal)
  }

  /// Gives the open community its id, checked: not empty, not used by an
  /// earlier community. `nil` (a value the reader could not read as an id)
  /// takes any id back; a community without one is dropped when finished.
  ///
  /// - Complexity: O(*k*) expected for an id of *k* bytes.
  @discardableResult
  mutating func communityID(_ id: String?, at place: SourcePlace) -> Bool {
    openCommunity.id = nil
    guard let id else { return false }
    let ordinal = openCommunity.ordinal
    if id.isEmpty {
      diagnostics.add(
        .error, .invalidValue, at: place, path: .community(ordinal, .id), "an id must not be empty")
      return false
    }
    if let clash = communityIDs.index(of: id) {
      diagnostics.add(
        .error, .duplicateId, at: place, path: .community(ordinal, .id),
        "duplicate community id '\(id)' (first used by "
          + "communities[\(communityOrdinals.ordinal(of: clash))])")
      return false
    }
    openCommunity.id = id
    return true
  }

  /// Gives the open community a display name (by default its id).
  mutating func communityName(_ name: String?) {
    openCommunity.name = name
  }

  /// Lists the person with id `id` as a member of the open community: looked
  /// up now if already known, else when the network is finished.
  ///
  /// - Complexity: O(*k*) expected for an id of *k* bytes.
  ///
  /// Ids are looked up 256 at a time (``resolveStagedMembers()``): one at a
  /// time, each waited for its miss in the id table, 170 ns a member, most
  /// of reading 1,000 communities of 50,000 members.
  mutating func addMember(_ id: UnsafeBufferPointer<UInt8>, at place: SourcePlace) {
    if people.ids.count == 0 && openCommunity.stagedEnds.isEmpty {
      // Communities before people: no look-up can succeed, and a reference
      // made from the file's own bytes keeps their place instead of a copy.
      openCommunity.references.append(reference(to: id, at: place, role: .member))
      return
    }
    openCommunity.stagedBytes.append(contentsOf: id)
    openCommunity.stagedEnds.append(openCommunity.stagedBytes.count)
    openCommunity.stagedPlaces.append(place)
    if openCommunity.stagedEnds.count == 256 { resolveStagedMembers() }
  }

  /// Looks up the staged members at once (their table loads overlap) and
  /// adds them in the order listed: found, or a reference to settle later.
  mutating func resolveStagedMembers() {
    let count = openCommunity.stagedEnds.count
    guard count > 0 else { return }
    var found = [Int](repeating: -1, count: count)
    let bytes = openCommunity.stagedBytes
    let ends = openCommunity.stagedEnds
    bytes.withUnsafeBufferPointer { bytes in
      let key = { (item: Int) in
        UnsafeBufferPointer(rebasing: bytes[(item == 0 ? 0 : ends[item - 1])..<ends[item]])
      }
      people.ids.withLookup { lookup in
        lookup.indices(count: count, key: key) { item, index in found[item] = index ?? -1 }
      }
      for item in 0..<count {
        let place = openCommunity.stagedPlaces[item]
        if found[item] >= 0 {
          openCommunity.members.append(Int32(truncatingIfNeeded: found[item]))
          openCommunity.places.append(place)
        } else {
          openCommunity.references.append(reference(to: key(item), at: place, role: .member))
        }
      }
    }
    openCommunity.stagedBytes.removeAll(keepingCapacity: true)
    openCommunity.stagedEnds.removeAll(keepingCapacity: true)
    openCommunity.stagedPlaces.removeAll(keepingCapacity: true)
  }

  /// Closes the open community: adds it and returns its index, or drops it
  /// and returns `nil` when it has no accepted id (the reader has reported why).
  @discardableResult
  mutating func finishCommunity() -> Int? {
    resolveStagedMembers()
    let community = openCommunity
    openCommunity = OpenCommunity()
    guard let id = community.id else {
      dropStagedBytes()
      return nil
    }
    let index = communities.count
    communityIDs.insert(id)
    communityOrdinals.record(ordinal: community.ordinal)
    for var reference in community.references {
      reference.owner = Int32(truncatingIfNeeded: index)
      pending.append(reference)
    }
    communities.append(
      IndexedCommunity(id: id, name: community.name ?? id, members: community.members))
    memberPlaces.append(community.places)
    scratchMark = scratch.count
    return index
  }

  /// Sorts each community's members into the order of people and keeps
  /// each once, warning of every repeat at the place it was listed.
  ///
  /// - Complexity: O(*r* log *r*) for *r* memberships.
  mutating func finishCommunities() {
    for community in communities.indices {
      let members = communities[community].members
      let places = memberPlaces[community]
      var order = Array(members.indices)
      order.sort { (members[$0], places[$0]) < (members[$1], places[$1]) }
      var unique: [Int32] = []
      unique.reserveCapacity(members.count)
      for position in order {
        if let last = unique.last, last == members[position] {
          diagnostics.add(
            .warning, .duplicateMember, at: places[position],
            path: .community(communityOrdinals.ordinal(of: community), .members),
            "'\(people.id(of: Int(members[position])))' is listed more than once; counted once")
          continue
        }
        unique.append(members[position])
      }
      communities[community].members = unique
    }
    memberPlaces = []
  }
}
