import Foundation
import Testing
import TrustCore

/// Examples/org.json: communities leads (4), guild (3), lisbon (5); teams
/// exec and ops of one person; unit oz of one; tribes T1 (5) to T5 (1).
@Suite("Groups smaller than K are suppressed, with no figures left")
struct GroupSuppressionTests {
  let analyzer: TrustAnalyzer

  init() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Examples/org.json")
    analyzer = try TrustAnalyzer(try TrustNetwork(json: Data(contentsOf: url), source: "org.json"))
  }

  /// The JSON of `value`, as text.
  func json(_ value: some JSONEncodable) -> String {
    var writer = JSONWriter()
    value.encode(to: &writer)
    return writer.output
  }

  @Test func aCommunityUnderKKeepsOnlyItsId() throws {
    let rows = try analyzer.communityOverview().suppressingGroups(smallerThan: 4)
    #expect(rows.map(\.isSuppressed) == [false, true, false])
    let guild = rows[1]
    #expect(guild.community == "guild")
    let figures1: [Int] = [guild.members, guild.direct, guild.introduced, guild.cold, guild.near, guild.out]
    #expect(figures1 == [0, 0, 0, 0, 0, 0])
    #expect(guild.density == nil)
    #expect(guild.eiIndex == nil)
    #expect(guild.isolatedMembers == 0)
    #expect(json(guild) == #"{"community":"guild","suppressed":true}"#)
    // A community of exactly K is shown, its figures intact.
    #expect(rows[0].members == 4 && rows[0].direct == 7)
    let none = try analyzer.communityOverview().suppressingGroups(smallerThan: 1)
    #expect(none.allSatisfy { !$0.isSuppressed })
  }

  @Test func theSummaryListsASmallCommunityAsSuppressed() throws {
    let summary = try analyzer.summary(communities: .file).suppressingGroups(smallerThan: 4)
    #expect(summary.communities.map(\.members) == [4, 0, 5])
    #expect(json(summary.communities[1]) == #"{"id":"guild","suppressed":true}"#)
  }

  @Test func groupsOfASmallCommunitySayNothingAboutIt() throws {
    let guild = try analyzer.groups(of: "guild").suppressingGroups(smallerThan: 4)
    #expect(guild.isSuppressed)
    #expect(guild.inGroup.isEmpty && guild.near.isEmpty && guild.out.isEmpty)
    let reach = guild.storyReach
    let figures2: [Int] = [reach.vulnerable, reach.reflective, reach.perfected]
    #expect(figures2 == [0, 0, 0])
    #expect(json(guild) == #"{"community":"guild","suppressed":true}"#)
    let lisbon = try analyzer.groups(of: "lisbon").suppressingGroups(smallerThan: 4)
    #expect(!lisbon.isSuppressed)
    #expect(lisbon.inGroup.count == 5)
  }

  @Test func joinsIntoASmallCommunityAreLeftOut() throws {
    let all = try analyzer.joins()
    #expect(all.joins.contains { $0.community == "guild" })
    let shared = all.suppressingGroups(smallerThan: 4)
    #expect(shared.summary.map(\.isSuppressed) == [false, true, false])
    #expect(shared.summary[1] == all.summary[1].suppressed())
    #expect(!shared.joins.contains { $0.community == "guild" })
    #expect(shared.joins.count == all.joins.count - 13)
    #expect(json(shared.summary[1]) == #"{"community":"guild","suppressed":true}"#)
  }

  @Test func aRareAttributeValueIsSuppressed() throws {
    let team = try analyzer.diversity(by: "team").suppressingGroups(smallerThan: 4)
    #expect(team.valueEIIndex.map(\.value) == ["exec", "design", "engineering", "sales", "ops"])
    #expect(team.valueEIIndex.map(\.isSuppressed) == [true, false, false, false, true])
    #expect(team.valueEIIndex[0].people == 0 && team.valueEIIndex[0].eiIndex == nil)
    #expect(team.valueEIIndex[1].people == 4 && team.valueEIIndex[1].internalTies == 4)
    #expect(json(team.valueEIIndex[4]) == #"{"value":"ops","suppressed":true}"#)
  }

  @Test func smallTribesAndTheirLinksAreSuppressed() throws {
    let tree = try analyzer.tribes()
    let shared = tree.suppressingGroups(smallerThan: 4)
    let level = shared.levels[0]
    #expect(level.tribes.map(\.isSuppressed) == [false, false, true, true, true])
    #expect(level.tribes[4].members.isEmpty)
    #expect(level.tribes[4].internalTies == 0)
    #expect(level.tribes[0].members.count == 5)
    let hidden: Set = ["T3", "T4", "T5"]
    #expect(!level.links.contains { !hidden.isDisjoint(with: $0.tribes) })
    #expect(level.links.count < tree.levels[0].links.count)
    #expect(json(level.tribes[4]) == #"{"id":"T5","suppressed":true}"#)
    let overview = tree.overview[0].suppressingGroups(smallerThan: 4)
    #expect(overview.largest.map(\.size) == [5, 4, 0, 0, 0])
  }

  @Test func aSmallUnitAndASmallTeamAreSuppressed() throws {
    let all = try analyzer.formal()
    let shared = all.suppressingGroups(smallerThan: 4)
    #expect(shared.units.units.map(\.id) == ["ana", "eli", "jo", "oz"])
    #expect(shared.units.units.map(\.isSuppressed) == [false, false, false, true])
    #expect(json(shared.units.units[3]) == #"{"id":"oz","suppressed":true}"#)
    // Ana and her 3 reports are a team of 4: shown at K 4, suppressed at 5.
    #expect(shared.managers.map(\.isSuppressed) == [false, false, false, false])
    let five = all.suppressingGroups(smallerThan: 5)
    #expect(five.managers.map(\.isSuppressed) == [false, true, false, false])
    #expect(five.managers[1].span == 0)
    #expect(five.managers[1].socialReach == 0)
    #expect(five.units.units.map(\.isSuppressed) == [true, false, false, true])
  }

  @Test func aCascadeShowsNoShareOfASmallCommunity() throws {
    let cascade = try analyzer.cascade(start: ["ana"]).suppressingGroups(smallerThan: 4)
    #expect(cascade.communities.map(\.spoke) == [4, 0, 5])
    #expect(cascade.communities[1].isSuppressed)
    #expect(cascade.communities[1].share == nil)
    #expect(json(cascade.communities[1]) == #"{"community":"guild","suppressed":true}"#)
  }

  @Test func aDiffShowsNoChangeInASmallCommunity() throws {
    let diff = try analyzer.diff(from: analyzer).suppressingGroups(smallerThan: 4)
    #expect(diff.communities.map(\.isSuppressed) == [false, true, false])
    let guild = diff.communities[1].members
    let leads = diff.communities[0].members
    #expect(guild.before == 0 && guild.after == 0)
    #expect(leads.before == 4 && leads.after == 4)
    #expect(!diff.warmth.contains { $0.community == "guild" })
    #expect(json(diff.communities[1]) == #"{"community":"guild","suppressed":true}"#)
  }

  @Test func keystonesOfASmallCommunityAreSuppressed() throws {
    let keystones = try analyzer.keystones().suppressingGroups(smallerThan: 5)
    #expect(keystones.communities.map(\.isSuppressed) == [true, true, false])
    #expect(keystones.communities[2].keystones == ["gil", "hana", "lou"])
    #expect(keystones.communities[0].keystones.isEmpty)
    #expect(!keystones.keystones.isEmpty)  // people, not groups: they stay
  }

  @Test func aPersonsStandingTowardsASmallCommunityIsSuppressed() throws {
    let all = try analyzer.reach(of: "dee")
    #expect(all.communities.map(\.members) == [4, 3, 5])
    let shared = all.suppressingGroups(smallerThan: 4)
    #expect(shared.communities.map(\.isSuppressed) == [false, true, false])
    #expect(shared.communities[1].warmth == nil)
    #expect(shared.communities[1].trustedMembers.isEmpty && shared.communities[1].introducers.isEmpty)
    #expect(shared.communities[0] == all.communities[0])
    #expect(json(shared.communities[1]) == #"{"community":"guild","suppressed":true}"#)
  }

  @Test func suppressingTwiceChangesNothing() throws {
    let once = try analyzer.communityOverview().suppressingGroups(smallerThan: 4)
    #expect(once.suppressingGroups(smallerThan: 4) == once)
    let all = once.suppressingGroups(smallerThan: 100)
    #expect(all.allSatisfy { $0.isSuppressed })
  }
}
