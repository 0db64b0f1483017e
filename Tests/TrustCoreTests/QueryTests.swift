import Foundation
import Testing

@testable import TrustCore

/// A file of the package, by its path from the package's root.
private func packageFile(_ path: String) -> String {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(path).path
}

@Suite("Questions in a session: shared work, one validation per setting")
struct QueryTests {
  func organisation() throws -> TrustNetwork {
    try TrustNetwork(contentsOfFile: packageFile("Examples/org.json"))
  }

  @Test func aSessionFindsEachTribeHierarchyOnce() throws {
    let session = try AnalysisSession(try organisation(), settings: StrongTieSettings())
    #expect(session.tribeHierarchiesFound == 0)
    let byTribe = try session.communities(.tribes(level: 0))
    #expect(session.tribeHierarchiesFound == 1)
    let tribes = session.tribes()
    #expect(session.tribeHierarchiesFound == 1)
    #expect(byTribe.map(\.members) == tribes.levels[0].tribes.map { Array($0.members) })
    #expect(byTribe.map(\.id).first == "tribe=T1")
    let upper = try session.communities(.tribes(level: 1))
    #expect(upper.first?.id == "tribe:1=L1.T1")
    _ = try TribesQuery().run(in: session)
    #expect(session.tribeHierarchiesFound == 1)
    _ = try TribesQuery(settings: TribeSettings(seed: 9)).run(in: session)
    #expect(session.tribeHierarchiesFound == 2)
  }

  @Test func everySettingIsCheckedOnce() throws {
    let analyzer = try TrustAnalyzer(try organisation())
    func message(_ body: () throws(TrustQueryError) -> Void) -> String? {
      do {
        try body()
        return nil
      } catch {
        #expect(error.code == .invalidSetting)
        return error.message
      }
    }
    #expect(
      message { () throws(TrustQueryError) in _ = try analyzer.joins(introducersNeeded: 0) }
        == "introducersNeeded must be a whole number ≥ 1, not 0")
    #expect(
      message { () throws(TrustQueryError) in _ = try analyzer.reach(of: "dee", introducersNeeded: -2) }
        == "introducersNeeded must be a whole number ≥ 1, not -2")
    #expect(
      message { () throws(TrustQueryError) in _ = try analyzer.groups(of: "guild", nearDepth: -1) }
        == "nearDepth must be a whole number ≥ 0, not -1")
    #expect(
      message { () throws(TrustQueryError) in _ = try analyzer.diversity(by: "team", permutations: -1) }
        == "permutations must be a whole number ≥ 0, not -1")
    #expect(
      message { () throws(TrustQueryError) in _ = try analyzer.tribes(TribeSettings(resolution: 0)) }
        == "resolution must be a number above 0, not 0.0")
    #expect(
      message { () throws(TrustQueryError) in _ = try analyzer.tribes(TribeSettings(restarts: 0)) }
        == "restarts must be a whole number ≥ 1, not 0")
    #expect(
      message { () throws(TrustQueryError) in _ = try analyzer.tribes(level: 9) }
        == "no level 9: this network has levels 0 to 2")
    #expect(
      message { () throws(TrustQueryError) in
        _ = try TrustAnalyzer(try! organisation(), settings: StrongTieSettings(threshold: 2))
      } == "threshold must be a number from 0 to 1, not 2.0")
    #expect(QuerySettings.introducersNeeded.defaultValue == 1)
    #expect(QuerySettings.nearDepth.defaultValue == 1)
  }

  @Test func unknownNamesSayWhatExists() throws {
    let analyzer = try TrustAnalyzer(try organisation())
    func error(_ body: () throws(TrustQueryError) -> Void) -> TrustQueryError? {
      do {
        try body()
        return nil
      } catch {
        return error
      }
    }
    let far = error { () throws(TrustQueryError) in _ = try analyzer.reach(of: "xyzzy") }
    #expect(far?.closestMatch == "cy")
    #expect(far?.message == "unknown person 'xyzzy'; the closest id is 'cy'")
    let byName = error { () throws(TrustQueryError) in _ = try analyzer.reach(of: "Bo") }
    #expect(byName?.idOfPersonNamed == "bo")
    #expect(byName?.message == "unknown person 'Bo'; 'Bo' is the name of 'bo'")
    let byAttribute = error { () throws(TrustQueryError) in _ = try analyzer.groups(of: "team=sales") }
    #expect(byAttribute?.code == .unknownCommunity)
    #expect(byAttribute?.suggestedSource == .attribute("team"))
    #expect(
      byAttribute?.message
        == "unknown community 'team=sales' (the file's communities: leads, guild, lisbon); "
        + "it names one of the communities by attribute 'team'")
    let attribute = error { () throws(TrustQueryError) in _ = try analyzer.diversity(by: "teem") }
    #expect(attribute?.closestMatch == "team")
    #expect(attribute?.context == "the network's attributes: team, site, level, tribe")
    let level = error { () throws(TrustQueryError) in _ = try analyzer.diversity(by: "tribe:7") }
    #expect(level?.message == "no tribe level '7': this network has levels 0 to 2")
    // The tribes are an attribute too.
    #expect(try analyzer.diversity(by: "tribe").attribute == "tribe")

    var builder = TrustNetworkBuilder()
    builder.addPerson("a")
    let bare = try TrustAnalyzer(try builder.build())
    let none = error { () throws(TrustQueryError) in _ = try bare.diversity(by: "team") }
    #expect(
      none?.message
        == "unknown attribute 'team' (the network has no attributes; tribe and tribe:LEVEL name its tribes)")
    #expect(none?.closestMatch == nil)
  }

  @Test func keyedListsKeepTheirOrder() {
    let list: KeyedList<[String]> = ["cy": ["bo"], "ana": ["dee", "bo"]]
    #expect(list.keys == ["cy", "ana"])
    #expect(list["ana"] == ["dee", "bo"])
    #expect(list["zed"] == nil)
    #expect(list.map(\.key) == ["cy", "ana"])
    #expect(list.jsonText == #"{"cy":["bo"],"ana":["dee","bo"]}"#)
  }

  @Test func answersWriteTheirJSON() throws {
    var json = JSONWriter()
    json.object { json in
      json.field("seed", UInt64.max)
      json.field("share", nil as Double?)
      json.field("zero", 0.0)
      json.field("name", "a\"b\n")
    }
    #expect(json.output == #"{"seed":18446744073709551615,"share":null,"zero":0.0,"name":"a\"b\n"}"#)
  }
}
