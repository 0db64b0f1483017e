import Testing

@testable import TrustCore

/// Reads `text` as `format` through the reader every file of that format
/// goes to, with `people` and `communities` as CSV side files.
func readFormat(
  _ text: String, as format: NetworkFormat, people: String? = nil, communities: String? = nil,
  options: ReadOptions = ReadOptions(), source: String = "in", parallelMinimumBytes: Int = 1 << 23
) -> Result<TrustNetwork, NetworkLoadError> {
  let main = Array(text.utf8)
  let peopleBytes = people.map { Array($0.utf8) } ?? []
  let communityBytes = communities.map { Array($0.utf8) } ?? []
  return main.withUnsafeBufferPointer { mainBuffer in
    peopleBytes.withUnsafeBufferPointer { peopleBuffer in
      communityBytes.withUnsafeBufferPointer { communityBuffer in
        var input = FormatInput(
          bytes: mainBuffer, source: source, options: options,
          people: people == nil ? nil : .init(name: "people.csv", bytes: peopleBuffer),
          communities: communities == nil ? nil : .init(name: "communities.csv", bytes: communityBuffer))
        input.parallelMinimumBytes = parallelMinimumBytes
        return NetworkFile.readFormat(input, as: format)
      }
    }
  }
}

/// The network `text` reads to as `format`, failing the test with the problems if it does not.
func network(
  _ text: String, as format: NetworkFormat, people: String? = nil, communities: String? = nil,
  options: ReadOptions = ReadOptions(), sourceLocation: SourceLocation = #_sourceLocation
) throws -> TrustNetwork {
  switch readFormat(text, as: format, people: people, communities: communities, options: options) {
  case .success(let network): return network
  case .failure(let error):
    Issue.record("\(error.diagnostics.map { $0.formatted(source: error.source) })", sourceLocation: sourceLocation)
    throw error
  }
}

/// The problems of reading `text` as `format`, as `FILE:LINE:COLUMN: …` lines
/// (a valid network's warnings, or a failure's problems).
func problems(
  _ text: String, as format: NetworkFormat, people: String? = nil, communities: String? = nil,
  options: ReadOptions = ReadOptions()
) -> [String] {
  switch readFormat(text, as: format, people: people, communities: communities, options: options) {
  case .success(let network): return network.warnings.map { $0.formatted(source: "in") }
  case .failure(let error): return error.diagnostics.map { $0.formatted(source: error.source) }
  }
}

/// A small network with names, attributes, a manager, a mutual tie with a
/// context, a person without ties and a community: the JSON twin of the
/// hand-written files of each layout.
func twinNetwork() throws -> TrustNetwork {
  try TrustNetwork(
    jsonString: """
      {"trustmap": 1, "people": [
        {"id": "ana", "name": "Ana", "attributes": {"team": "design"}},
        {"id": "bo", "name": "Bo", "attributes": {"team": "eng"}, "reportsTo": "ana"},
        {"id": "cy"}, {"id": "dee"}],
       "ties": [
        {"from": "ana", "to": "bo", "strength": 0.9, "mutual": true, "contexts": ["work"]},
        {"from": "bo", "to": "cy", "strength": 0.5}],
       "communities": [{"id": "guild", "members": ["ana", "cy"]}]}
      """)
}

/// The twin's ties and people alone, as formats without attributes hold them.
func plainTwin(isolates: Bool = true, mutual: Bool = true) throws -> TrustNetwork {
  try TrustNetwork(
    jsonString: """
      {"trustmap": 1, "people": [{"id": "ana"}, {"id": "bo"}, {"id": "cy"}\(isolates ? ", {\"id\": \"dee\"}" : "")],
       "ties": [
        {"from": "ana", "to": "bo", "strength": 0.9, "mutual": \(mutual)},
        {"from": "bo", "to": "cy", "strength": 0.5}]}
      """)
}
