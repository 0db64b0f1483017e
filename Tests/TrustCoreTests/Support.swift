import Testing

@testable import TrustCore

/// A seeded generator for reproducible random networks (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Reads a network from JSON text, failing the test on error.
func network(_ json: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> TrustNetwork {
  try TrustNetwork(jsonString: json)
}

/// The load error for JSON text, or `nil` if it loads.
func loadError(_ json: String) -> NetworkLoadError? {
  loadError(bytes: Array(json.utf8))
}

func loadError(bytes: [UInt8]) -> NetworkLoadError? {
  do {
    _ = try NetworkReader.read(bytes: bytes, source: "test.json")
    return nil
  } catch {
    return error
  }
}

/// A random network as JSON: `people` people p0…, about `ties` records with
/// random strengths (quantised so that thresholds are hit exactly), some
/// mutual, some with contexts, communities and two attributes.
func randomNetworkJSON(people: Int, ties: Int, seed: UInt64) -> String {
  var random = SeededGenerator(seed: seed)
  var text = #"{"trustmap": 1, "people": ["#
  let teams = ["red", "blue", "green"]
  for person in 0..<people {
    if person > 0 { text += "," }
    text += #"{"id": "p\#(person)""#
    let roll = Int.random(in: 0..<10, using: &random)
    if roll < 8 {
      text += #", "attributes": {"team": "\#(teams[roll % 3])", "site": "s\#(roll % 2)"}"#
    } else if roll == 8 {
      text += #", "attributes": {"site": "s1"}"#
    }
    text += "}"
  }
  text += #"], "ties": ["#
  let contexts = ["work", "friendship", "advice"]
  for tie in 0..<ties {
    if tie > 0 { text += "," }
    let from = Int.random(in: 0..<people, using: &random)
    var to = Int.random(in: 0..<people, using: &random)
    if Int.random(in: 0..<20, using: &random) == 0 { to = from }
    let strength = Double(Int.random(in: 0...10, using: &random)) / 10
    text += #"{"from": "p\#(from)", "to": "p\#(to)", "strength": \#(strength)"#
    if Bool.random(using: &random) && Int.random(in: 0..<4, using: &random) == 0 {
      text += #", "mutual": true"#
    }
    let contextRoll = Int.random(in: 0..<4, using: &random)
    if contextRoll > 0 {
      text += #", "contexts": ["\#(contexts[contextRoll - 1])""#
      if Int.random(in: 0..<5, using: &random) == 0 { text += #", "\#(contexts[contextRoll % 3])""# }
      text += "]"
    }
    text += "}"
  }
  text += #"], "communities": ["#
  for community in 0..<3 {
    if community > 0 { text += "," }
    var members: [String] = []
    for person in 0..<people where Int.random(in: 0..<4, using: &random) == 0 {
      members.append(#""p\#(person)""#)
    }
    text += #"{"id": "c\#(community)", "members": [\#(members.joined(separator: ","))]}"#
  }
  text += "]}"
  return text
}
