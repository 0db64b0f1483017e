import Testing

@testable import TrustCore

/// A network of `people` people in a ring of strong ties, with `communities`
/// communities of `size` consecutive people each.
func manyCommunitiesJSON(people: Int, communities: Int, size: Int) -> String {
  let persons = (0..<people).map { "{\"id\":\"p\($0)\"}" }.joined(separator: ",")
  let ties = (0..<people).map { "{\"from\":\"p\($0)\",\"to\":\"p\(($0 + 1) % people)\",\"strength\":0.9}" }
    .joined(separator: ",")
  let groups = (0..<communities).map { community in
    let members = (0..<size).map { "\"p\((community * 7 + $0) % people)\"" }.joined(separator: ",")
    return "{\"id\":\"c\(community)\",\"members\":[\(members)]}"
  }.joined(separator: ",")
  return "{\"trustmap\":1,\"people\":[\(persons)],\"ties\":[\(ties)],\"communities\":[\(groups)]}"
}

@Suite("Joins one community at a time")
struct JoinsPlanTests {
  @Test func theFirstCommunityComesBeforeTheOthersAreAssessed() throws {
    let session = try AnalysisSession(
      try network(manyCommunitiesJSON(people: 300, communities: 120, size: 50)),
      settings: StrongTieSettings())
    let plan = try JoinsQuery().plan(in: session)
    var iterator = plan.communityJoins.makeIterator()
    let next = iterator.next()
    let first = try #require(next)
    // One community's rows, the 250 non-members of c0 (p0…p49), in file order.
    #expect(first.community == 0)
    #expect(first.pairs.count == 250)
    #expect(first.pairs.first?.person == 50)
    #expect(first.pairs.first?.warmth == .direct)  // p50 trusts p49
    #expect(first.pairs[1].warmth == .introduced)  // p51 trusts p50, who trusts p49
    #expect(first.pairs[2].warmth == .cold)
    #expect(first.paths[2] == [52, 51, 50, 49])
    #expect(iterator.next()?.community == 1)
  }

  @Test func theStreamHoldsWhatTheWholeAnswerHolds() throws {
    let session = try AnalysisSession(
      try network(manyCommunitiesJSON(people: 80, communities: 12, size: 9)),
      settings: StrongTieSettings())
    for query in [JoinsQuery(), JoinsQuery(person: "p3"), JoinsQuery(community: "c5")] {
      let whole = try query.run(in: session)
      let rows = Array(try query.plan(in: session).communityJoins)
      #expect(rows.flatMap(\.pairs) == whole.pairs)
      #expect(rows.flatMap(\.paths) == whole.paths)
      #expect(rows.count == (query.community == nil ? 12 : 1))
    }
  }
}
