import Foundation
import Testing
import TrustCore

@Suite("The public API, in ids")
struct PublicAPITests {
  func organisation() throws -> TrustNetwork {
    var builder = TrustNetworkBuilder(name: "Studio", strongTieThreshold: 0.5)
    builder.addPerson("ana", name: "Ana", attributes: ["team": "design"])
    builder.addPerson("bo", attributes: ["team": "design"], reportsTo: "ana")
    builder.addPerson("cy", attributes: ["team": "sales"], reportsTo: "ana")
    builder.addPerson("dee", attributes: ["team": "sales"])
    builder.addTie(from: "ana", to: "bo", strength: 0.9, mutual: true, contexts: ["work"])
    builder.addTie(from: "bo", to: "cy", strength: 0.7)
    builder.addTie(from: "cy", to: "dee", strength: 0.3)
    builder.addCommunity("guild", name: "Guild", members: ["cy"])
    return try builder.build()
  }

  @Test func buildsAndReadsBackInIds() throws {
    let network = try organisation()
    #expect(network.name == "Studio")
    #expect(network.personCount == 4)
    #expect(network.personIDs == ["ana", "bo", "cy", "dee"])
    #expect(network.person("bo") == Person(id: "bo", attributes: ["team": "design"], reportsTo: "ana"))
    #expect(network.person("zed") == nil)
    #expect(network.allTies.first == Tie(from: "ana", to: "bo", strength: 0.9, mutual: true, contexts: ["work"]))
    #expect(network.communities == [Community(id: "guild", name: "Guild", members: ["cy"])])
    #expect(network.communities(byAttribute: "team").map(\.members) == [["ana", "bo"], ["cy", "dee"]])
  }

  @Test func readsFoundationData() throws {
    let data = Data(#"{"trustmap": 1, "people": [{"id": "ana"}, {"id": "bo"}], "ties": [{"from": "ana", "to": "bo"}]}"#.utf8)
    let network = try TrustNetwork(json: data, source: "data.json")
    #expect(network.personIDs == ["ana", "bo"])
    #expect(throws: NetworkLoadError.self) { try TrustNetwork(json: Data("{".utf8)) }
  }

  @Test func builderReportsProblemsLikeAFile() {
    var builder = TrustNetworkBuilder()
    builder.addPerson("ana")
    builder.addPerson("ana")
    builder.addTie(from: "ana", to: "zed", strength: 2)
    do {
      _ = try builder.build()
      Issue.record("expected errors")
    } catch {
      #expect(error.errorCount == 3)
      #expect(error.diagnostics.map(\.path) == ["people[1].id", "ties[0].to", "ties[0].strength"])
      #expect(error.diagnostics.allSatisfy { $0.location == nil })
    }
  }

  @Test func answersEveryQuestion() throws {
    let analyzer = try TrustAnalyzer(try organisation())
    #expect(analyzer.strongTieCount == 2)
    #expect(try analyzer.trustedContacts(of: "bo") == ["ana", "cy"])
    let reach = try analyzer.reach(of: "ana")
    #expect(reach.firstDegree == ["bo"])
    #expect(reach.secondDegree == ["cy"])
    #expect(reach.introducers == ["cy": ["bo"]])
    #expect(reach.communities.map(\.community) == ["guild"])
    #expect(reach.communities.map(\.isMember) == [false])
    #expect(reach.communities.map(\.warmth) == [.introduced])
    #expect(reach.communities.map(\.introducers) == [["bo"]])
    let joins = try analyzer.joins(community: "guild")
    #expect(joins.joins.map(\.person) == ["ana", "bo", "dee"])
    #expect(joins.joins.map(\.warmth) == [.introduced, .direct, .cold])
    #expect(joins.joins[2].pathToWarmth == nil)  // Dee's only tie is weak
    #expect(joins.summary.map(\.community) == ["guild"])
    #expect(joins.summary.map { [$0.members, $0.direct, $0.introduced, $0.cold] } == [[1, 1, 1, 1]])
    let groups = try analyzer.groups(of: "guild")
    #expect(groups.near == ["bo"])
    #expect(groups.outLinked == ["ana", "dee"])  // Ana manages Cy; Dee has a weak tie
    #expect(groups.coherence.density == nil)
    let team = try analyzer.diversity(by: "team")
    #expect(team.people.map(\.blau) == [0, 0.5, 0, nil])
    let byTeam = try analyzer.groups(of: "team=sales", communities: .attribute("team"))
    #expect(byTeam.inGroup == ["cy", "dee"])
    let byTribe = try analyzer.joins(communities: .tribes(level: 0))
    #expect(byTribe.summary.map(\.community).allSatisfy { $0.hasPrefix("tribe=T") })
    #expect(throws: TrustQueryError.self) { try analyzer.joins(communities: .tribes(level: 7)) }
    let tree = try analyzer.tribes()
    #expect(tree.levels[0].tribes.flatMap(\.members).sorted() == ["ana", "bo", "cy", "dee"])
  }

  @Test func unknownNamesSayTheClosest() throws {
    let analyzer = try TrustAnalyzer(try organisation())
    #expect(throws: TrustQueryError.self) { try analyzer.reach(of: "anna") }
    do {
      _ = try analyzer.reach(of: "anna")
    } catch {
      #expect(error.code == .unknownPerson)
      #expect(error.closestMatch == "ana")
      #expect(error.description == "unknown person 'anna'; the closest id is 'ana'")
    }
    #expect(throws: TrustQueryError.self) { try analyzer.groups(of: "gild") }
    #expect(throws: TrustQueryError.self) { try analyzer.diversity(by: "teem") }
    #expect(throws: TrustQueryError.self) { try TrustAnalyzer(try organisation(), settings: StrongTieSettings(contexts: ["home"])) }
  }

  @Test func safeToShareAcrossTasks() async throws {
    let analyzer = try TrustAnalyzer(try organisation())
    let answers = try await withThrowingTaskGroup(of: [String].self) { group in
      for _ in 0..<8 { group.addTask { try analyzer.reach(of: "ana").secondDegree } }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(answers == Array(repeating: ["cy"], count: 8))
  }
}
