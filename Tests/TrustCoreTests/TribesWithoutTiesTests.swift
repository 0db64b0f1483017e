import Testing

@testable import TrustCore

@Suite("Tribes of people without ties")
struct TribesWithoutTiesTests {
  /// What the shortcut gives is what Leiden finds: each person alone, in file order.
  @Test func everyoneIsATribeOfOneAsLeidenFinds() throws {
    let people = (0..<500).map { "{\"id\":\"p\($0)\"}" }.joined(separator: ",")
    let net = try network("{\"trustmap\":1,\"people\":[\(people)],\"ties\":[]}")
    let graph = try TrustGraph(net, settings: StrongTieSettings())
    let tribes = TribeHierarchy(net, graph: graph, settings: TribeSettings(restarts: 10))
    #expect(tribes.levels.count == 1)
    #expect(tribes.levels[0].tribeOf == (0..<500).map { Int32($0) })
    var random = SeededRandom(seed: 1)
    let found = Leiden(quality: .modularity, resolution: 1)
      .run(ClusteringGraph(graph, unweighted: false), random: &random)
    #expect(found == tribes.levels[0].tribeOf)
  }
}
