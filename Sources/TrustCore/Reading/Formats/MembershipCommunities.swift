/// Communities given per person, as a node attribute of community ids
/// joined with `;` (how trustmap writes GraphML, GEXF and DOT): gathered as
/// the people are read, then handed to the assembler in order of each
/// community's earliest member (docs/design.md, 'Other formats').
///
/// ```swift
/// var communities = MembershipCommunities()
/// communities.add(bytes("guild;lisbon"), person: 7, at: place)
/// communities.feed(into: &assembler)  // guild and lisbon, each with person 7
/// ```
///
/// - Complexity: O(*k*) expected per membership for an id of *k* bytes;
///   ``feed(into:)`` O(*r*) for *r* memberships.
struct MembershipCommunities {
  private var index: [String: Int] = [:]
  private var ids: [String] = []
  private var members: [[(person: Int, place: SourcePlace)]] = []

  /// Lists `person` in each community `value` names (ids joined with `;`,
  /// each trimmed; empty ones skipped).
  mutating func add(_ value: UnsafeBufferPointer<UInt8>, person: Int, at place: SourcePlace) {
    guard person >= 0 else { return }
    var parts = CSVCellParts(value, separator: UInt8(ascii: ";"))
    while let part = parts.next() {
      let id = String(decoding: UnsafeBufferPointer(rebasing: value[part]), as: UTF8.self)
      let community: Int
      if let known = index[id] {
        community = known
      } else {
        community = ids.count
        index[id] = community
        ids.append(id)
        members.append([])
      }
      members[community].append((person, place))
    }
  }

  /// Adds the communities to `assembler`, each named by its id.
  func feed(into assembler: inout NetworkAssembler) {
    for community in ids.indices {
      assembler.beginCommunity(ordinal: community)
      assembler.communityID(ids[community], at: members[community][0].place)
      for member in members[community] {
        assembler.addMember(person: member.person, at: member.place)
      }
      assembler.finishCommunity()
    }
  }
}
