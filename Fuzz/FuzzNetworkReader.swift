// libFuzzer entry point for the network reader and the strong-tie graph.
// Built by Scripts/fuzz.sh together with TrustCore's sources into one module
// (no SwiftPM target: SwiftPM does not pass -sanitize=fuzzer).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNetworkReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let buffer = UnsafeBufferPointer(start: data, count: size)
  switch NetworkReader.read(buffer: buffer, source: "fuzz", diagnosticLimit: 50) {
  case .success(let network):
    // Everything downstream of a successful read must hold up too.
    for settings in [StrongTieSettings(), StrongTieSettings(threshold: 0, reciprocity: .mutual)] {
      guard let graph = try? TrustGraph(network, settings: settings) else { continue }
      precondition(graph.targets.count == graph.offsets[graph.personCount])
      _ = Components(graph)
      _ = NetworkSummary(network, graph: graph)
      if graph.personCount > 0 {
        _ = TrustReach(graph, person: 0)
        _ = GroupProjection(graph, network: network, members: [0], nearDepth: 2)
      }
      _ = CommunityJoins(graph, communities: network.communities).summary()
      for key in network.attributeKeys.prefix(3) {
        _ = DiversityAnalysis(graph, column: network.people.attributeColumn(key))
      }
      if graph.personCount <= 2000 {
        _ = TribeHierarchy(network, graph: graph, settings: TribeSettings(restarts: 1))
      }
    }
  case .failure(let error):
    precondition(error.errorCount > 0)
    for diagnostic in error.diagnostics {
      precondition(diagnostic.location.map { $0.line >= 1 && $0.column >= 1 } ?? true)
    }
  }
  return 0
}
