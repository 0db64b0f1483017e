import Testing

@testable import TrustCore

@Suite("Generated networks")
struct NetworkGeneratorTests {
  @Test(arguments: [(0, 0), (1, 5), (2, 3), (250, 2000), (3000, 30000)])
  func generatesAValidNetworkOfTheRequestedSize(people: Int, ties: Int) throws {
    var text = ""
    var chunks = 0
    NetworkGenerator(people: people, ties: ties, seed: 7).write {
      text += $0
      chunks += 1
    }
    let net = try TrustNetwork(jsonString: text)
    #expect(net.people.count == people)
    #expect(net.ties.count == (people < 2 ? 0 : ties))
    #expect(net.warnings.isEmpty)  // no self-ties
    #expect(net.attributeKeys == (people == 0 ? [] : ["team", "site", "level"]))
    if people > 0 {
      // One root: the CEO; everyone else reports to someone.
      #expect(net.people.reportsTo.filter { $0 < 0 }.count == 1)
      #expect(net.people[0].attributes["level"] == "executive")
      #expect(!net.indexedCommunities.isEmpty)
    }
    if people >= 3000 { #expect(chunks > 1) }
  }

  @Test func sameSeedSameFile() {
    var first = ""
    var second = ""
    var other = ""
    NetworkGenerator(people: 500, ties: 4000, seed: 3).write { first += $0 }
    NetworkGenerator(people: 500, ties: 4000, seed: 3).write { second += $0 }
    NetworkGenerator(people: 500, ties: 4000, seed: 4).write { other += $0 }
    #expect(first == second)
    #expect(first != other)
  }

  @Test func tiesAreHomophilous() throws {
    var text = ""
    NetworkGenerator(people: 2000, ties: 20000, seed: 1).write { text += $0 }
    let net = try TrustNetwork(jsonString: text)
    let graph = try TrustGraph(net)
    let diversity = DiversityAnalysis(graph, column: net.people.attributeColumn("team"))
    #expect((diversity.assortativity ?? 0) > 0.5)
  }
}
