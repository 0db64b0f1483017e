import Foundation
import Testing

@testable import TrustCore

/// trustmap JSON → trustmap JSON → read back: the same network, whatever it holds.
@Suite("Round trips through trustmap JSON")
struct TrustJSONRoundTripTests {
  func roundTrip(_ network: TrustNetwork) throws -> TrustNetwork {
    try TrustNetwork(jsonString: try written(network, .json))
  }

  @Test func theExampleComesBackByteForByte() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    for example in ["org", "grown-community", "coffee-van"] {
      let path = url.appendingPathComponent("Examples/\(example).json").path
      let network = try TrustNetwork(contentsOfFile: path)
      let read = try roundTrip(network)
      expectSameNetwork(read, network)
      #expect(try written(read, .json) == (try written(network, .json)), "\(example): stable")
    }
    let org = url.appendingPathComponent("Examples/org.json").path
    #expect(try written(try TrustNetwork(contentsOfFile: org), .json) == (try String(contentsOfFile: org, encoding: .utf8)))
  }

  @Test func hostileNamesComeBack() throws {
    let network = try Hostile.network()
    expectSameNetwork(try roundTrip(network), network)
    #expect(try roundTrip(network).person("q\"uote's")?.name == "Tom & \"Jerry\"")
  }

  @Test(arguments: [1, 2, 3, 4])
  func randomNetworksComeBack(seed: UInt64) throws {
    let network = try TrustNetwork(jsonString: randomNetworkJSON(people: 60, ties: 400, seed: seed))
    let read = try roundTrip(network)
    expectSameNetwork(read, network)
    // Self-ties are records too: they come back, and warn again.
    #expect(read.warningCount == network.warningCount)
  }

  /// Numbers and booleans in attributes keep their text; strengths come back
  /// as the same doubles; names given equal to the id, empty values and
  /// general ties survive.
  @Test func valuesKeepTheirText() throws {
    let json = #"""
      {"trustmap": 1, "name": "", "strongTieThreshold": 0.30000000000000004,
       "people": [{"id": "a", "name": "a", "attributes": {"n": 1.50, "b": true, "e": "", "big": 1e400, "neg": -0.0}},
                  {"id": "b", "reportsTo": "a"}],
       "ties": [{"from": "a", "to": "b", "strength": 0.1}, {"from": "b", "to": "a", "strength": 5e-324, "contexts": []},
                {"from": "a", "to": "b", "strength": 0.7000000000000001, "mutual": false, "contexts": ["x", "x", "y"]}],
       "communities": [{"id": "empty", "members": []}, {"id": "c", "name": "C", "members": ["b", "a"]}]}
      """#
    let network = try TrustNetwork(jsonString: json)
    let text = try written(network, .json)
    #expect(text.contains(#"{"id": "a", "name": "a", "attributes": {"n": "1.50", "b": "true", "e": "", "big": "1e400", "neg": "-0.0"}}"#))
    #expect(text.contains(#""strength": 5e-324}"#))
    #expect(text.contains(#""strongTieThreshold": 0.30000000000000004,"#))
    #expect(text.contains(#"{"id": "empty", "members": []}"#))
    let read = try TrustNetwork(jsonString: text)
    expectSameNetwork(read, network)
    #expect(read.allTies.map(\.strength) == [0.1, 5e-324, 0.7000000000000001])
    #expect(read.person("a")?.attributes == ["n": "1.50", "b": "true", "e": "", "big": "1e400", "neg": "-0.0"])
  }
}
