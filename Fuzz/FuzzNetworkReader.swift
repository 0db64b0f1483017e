// libFuzzer entry point for the network reader and the strong-tie graph.
// Built by Scripts/fuzz.sh together with TrustCore's sources into one module
// (no SwiftPM target: SwiftPM does not pass -sanitize=fuzzer).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNetworkReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let buffer = UnsafeBufferPointer(start: data, count: size)
  // Differential: reading the ties array in two halves must give the same result.
  let split = NetworkReader.read(
    buffer: buffer, source: "fuzz", diagnosticLimit: 50, parallelMinimumBytes: 0)
  let whole = NetworkReader.read(
    buffer: buffer, source: "fuzz", diagnosticLimit: 50, parallelMinimumBytes: .max)
  // Differential: the plain-tie path must read every tie as the general loop does.
  let general = NetworkReader.read(
    buffer: buffer, source: "fuzz", diagnosticLimit: 50, parallelMinimumBytes: .max,
    readsPlainTies: false)
  switch (general, whole) {
  case (.success(let one), .success(let two)):
    precondition(one.ties.from == two.ties.from && one.ties.to == two.ties.to)
    precondition(one.ties.strength == two.ties.strength && one.ties.mutual == two.ties.mutual)
    precondition(one.warnings == two.warnings)
  case (.failure(let one), .failure(let two)):
    precondition(one.diagnostics == two.diagnostics && one.errorCount == two.errorCount)
  default:
    preconditionFailure("the plain-tie reading and the general reading disagree")
  }
  switch (split, whole) {
  case (.success(let one), .success(let two)):
    precondition(one.ties.from == two.ties.from && one.ties.to == two.ties.to)
    precondition(one.ties.strength == two.ties.strength && one.warnings == two.warnings)
  case (.failure(let one), .failure(let two)):
    precondition(one.diagnostics == two.diagnostics && one.errorCount == two.errorCount)
  default:
    preconditionFailure("the split reading and the whole reading disagree")
  }
  switch whole {
  case .success(let network):
    // Differential: the same records fed to the assembler through the
    // builder, ids decoded and all, give the same network.
    var builder = TrustNetworkBuilder(
      name: network.name, strongTieThreshold: network.strongTieThreshold)
    for person in network.people {
      builder.addPerson(
        person.id, name: person.name, attributes: person.attributes, reportsTo: person.reportsTo)
    }
    for tie in network.allTies {
      builder.addTie(
        from: tie.from, to: tie.to, strength: tie.strength, mutual: tie.mutual,
        contexts: tie.contexts)
    }
    for community in network.communities {
      builder.addCommunity(community.id, name: community.name, members: community.members)
    }
    guard let built = try? builder.build() else {
      preconditionFailure("the builder refused a network read")
    }
    precondition(Array(built.people) == Array(network.people) && built.allTies == network.allTies)
    precondition(built.communities == network.communities)
    if network.warningCount == network.warnings.count {  // none left out by the cap
      precondition(
        built.warnings.filter { $0.code == .selfTie }.map(\.path)
          == network.warnings.filter { $0.code == .selfTie }.map(\.path))
    }
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
      _ = CommunityJoins(graph, communities: network.indexedCommunities).summary()
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
