// libFuzzer entry point for the readers of the other formats: CSV (with a
// people and a communities file), GraphML, GEXF, node-link JSON, Pajek,
// NetDraw VNA and edge lists. The first byte picks the reader (its low four
// bits, modulo 7) and the options (0x10 scales weights, 0x20 drops negative
// ones, 0x40 splits a CSV input at form feeds into its ties, people and
// communities files), so one target and one corpus cover them all; the rest
// is the input. Built by Scripts/fuzz.sh (--target formats) with TrustCore's
// sources into one module.
//
// Checks beyond "no crash, no hang": a read either gives a network whose
// every tie ends at a person, or fails with at least one error, each at a
// place inside the input.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormatReaders(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  guard size > 0 else { return 0 }
  let formats: [NetworkFormat] = [.csv, .graphml, .gexf, .nodeLink, .pajek, .vna, .edgeList]
  let selector = Int(data[0])
  let format = formats[(selector & 0x0F) % formats.count]
  var options = ReadOptions(diagnosticLimit: 50)
  options.scalesWeights = selector & 0x10 != 0
  options.dropsNegativeWeights = selector & 0x20 != 0
  let bytes = UnsafeBufferPointer(start: data + 1, count: size - 1)
  // A CSV input splits at its first form feed into ties, people and communities files.
  var parts = [bytes]
  if format == .csv && selector & 0x40 != 0 {
    parts = bytes.split(separator: 0x0C, maxSplits: 2, omittingEmptySubsequences: false).map {
      UnsafeBufferPointer(rebasing: $0)
    }
  }
  let input = FormatInput(
    bytes: parts[0], source: "fuzz", options: options,
    people: parts.count > 1 ? .init(name: "people", bytes: parts[1]) : nil,
    communities: parts.count > 2 ? .init(name: "communities", bytes: parts[2]) : nil)
  switch NetworkFile.readFormat(input, as: format) {
  case .success(let network):
    let people = network.people.count
    precondition(network.ties.to.count == network.ties.from.count)
    for index in network.ties.from.indices {
      precondition(Int(network.ties.from[index]) < people && Int(network.ties.to[index]) < people)
      precondition(network.ties.strength[index] >= 0 && network.ties.strength[index] <= 1)
    }
  case .failure(let error):
    precondition(error.errorCount >= 1 && !error.diagnostics.isEmpty)
    for diagnostic in error.diagnostics {
      if let location = diagnostic.location {
        precondition(location.line >= 1 && location.column >= 1 && location.offset < size)
      }
    }
  }
  return 0
}
