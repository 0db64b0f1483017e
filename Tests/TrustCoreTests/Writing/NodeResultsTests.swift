import Foundation
import Testing

@testable import TrustCore

@Suite("Results as node attributes")
struct NodeResultsTests {
  /// The figures are the analyses' own: components and degrees as `analyse`
  /// reports them, tribes as `tribes` finds them, groups as `groups`.
  @Test func matchTheAnalyses() throws {
    let network = try exampleOrganisation()
    let analyzer = try TrustAnalyzer(network)
    let results = try analyzer.nodeResults(groupsOf: "lisbon")
    let tribes = analyzer.session.tribes()
    #expect(results.columns.map(\.name).first == "tribe")
    #expect(
      results.columns.map(\.name)
        == ["tribe"] + (1..<tribes.levels.count).map { "tribe:\($0)" }
        + ["component", "firstDegree", "secondDegree", "group"])
    func column(_ name: String) -> NodeResults.Column.Values? {
      results.columns.first { $0.name == name }?.values
    }
    let ana = try #require(network.index(of: "ana"))
    let nia = try #require(network.index(of: "nia"))
    guard case .integers(let first) = column("firstDegree"), case .integers(let second) = column("secondDegree"),
      case .integers(let component) = column("component"), case .integers(let tribe) = column("tribe"),
      case .texts(let group) = column("group")
    else {
      Issue.record("columns of the wrong kind")
      return
    }
    #expect(first[ana] == 5)  // bo, cy, dee, eli, ceo
    #expect(second[ana] == 4)
    #expect(first[nia] == 0)
    #expect(component[ana] == 1)
    #expect(component[nia] > 1)
    #expect(tribe[ana] == Int32(tribes.levels[0].tribeOf[ana]) + 1)
    #expect(tribes.levels[0].tribes[Int(tribe[ana]) - 1].id == "T\(tribe[ana])")
    let groups = try analyzer.groups(of: "lisbon")
    #expect(network.personIDs.enumerated().filter { group[$0.offset] == "in" }.map(\.element) == groups.inGroup)
    #expect(network.personIDs.enumerated().filter { group[$0.offset] == "near" }.map(\.element) == groups.near)
    #expect(group.filter { $0 == "out" }.count == groups.out.count)
  }

  @Test func unknownCommunityIsAnError() throws {
    let analyzer = try TrustAnalyzer(try exampleOrganisation())
    do {
      _ = try analyzer.nodeResults(groupsOf: "lisbn")
      Issue.record("no such community")
    } catch {
      #expect(error.code == .unknownCommunity)
      #expect(error.closestMatch == "lisbon")
    }
  }

  /// GraphML types whole numbers `int`; GEXF `integer`, with colours by group.
  @Test func areTypedWhereTheFormatTypesThem() throws {
    let network = try exampleOrganisation()
    let results = try TrustAnalyzer(network).nodeResults(groupsOf: "lisbon")
    let graphML = try written(network, .graphml, results: results)
    #expect(graphML.contains(#"attr.name="firstDegree" attr.type="int""#))
    #expect(graphML.contains(#"attr.name="group" attr.type="string""#))
    let gexf = parseXML(try written(network, .gexf, results: results))
    let types = Dictionary(
      uniqueKeysWithValues: gexf.filter { $0.name == "attribute" }.compactMap { element in
        element.attributes["title"].map { ($0, element.attributes["type"] ?? "") }
      })
    #expect(types["secondDegree"] == "integer")
    #expect(types["group"] == "string")
    let colours = gexf.filter { $0.name == "viz:color" }
    #expect(colours.count == 16)
    let dee = try #require(network.index(of: "dee"))  // a member of lisbon: red
    #expect(colours[dee].attributes == ["r": "214", "g": "39", "b": "40"])
    let nodeLink = try JSONSerialization.jsonObject(with: Data(try written(network, .nodeLink, results: results).utf8))
    let nodes = (nodeLink as? [String: Any])?["nodes"] as? [[String: Any]]
    #expect(nodes?[dee]["firstDegree"] as? Int == 2)
    #expect(nodes?[dee]["group"] as? String == "in")
  }
}
