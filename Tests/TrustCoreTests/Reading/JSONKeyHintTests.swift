import Testing

@testable import TrustCore

/// trustmap JSON names the traps of a hand-made converter: keys of other
/// formats and misspellings warn with the right key and their place, and
/// numeric ids are read as their JSON text.
@Suite("trustmap JSON: key hints and numeric ids")
struct JSONKeyHintTests {
  func lines(_ text: String) -> [String] { problems(text, as: .json) }

  @Test func aWeightWithoutStrengthWarnsNamingStrength() throws {
    let text = #"{"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}], "ties": [{"from": "a", "to": "b", "weight": 0.3}]}"#
    #expect(lines(text) == ["in:1:89: warning: ties[0]: unknown key 'weight' is ignored; did you mean 'strength'?"])
    let network = try TrustNetwork(jsonString: text)
    #expect(network.ties.strength == [1])
    #expect(network.warningCount == 1)
  }

  @Test func misspeltAndForeignKeysOfTiesPeopleAndTheDocument() {
    let text = """
      {"trustmap": 1, "edges": [],
       "people": [{"id": "a", "label": "A", "team": "x"}, {"id": "b", "reportTo": "a"}],
       "ties": [{"from": "a", "to": "b", "strenght": 0.5, "mutal": true}]}
      """
    #expect(
      lines(text) == [
        "in:1:17: warning: unknown key 'edges' is ignored; did you mean 'ties'?",
        "in:2:25: warning: people[0]: unknown key 'label' is ignored; did you mean 'name'?",
        "in:2:65: warning: people[1]: unknown key 'reportTo' is ignored; did you mean 'reportsTo'?",
        "in:3:36: warning: ties[0]: unknown key 'strenght' is ignored; did you mean 'strength'?",
        "in:3:53: warning: ties[0]: unknown key 'mutal' is ignored; did you mean 'mutual'?",
      ])
  }

  @Test func sourceAndTargetHintTheMissingKeysOnce() {
    #expect(
      lines(#"{"trustmap": 1, "people": [{"id": "a"}], "ties": [{"source": "a", "target": "a"}]}"#) == [
        "in:1:52: error: ties[0]: missing required key 'from' (who trusts); found 'source': did you mean 'from'?",
        "in:1:67: error: ties[0]: missing required key 'to' (whom they trust); found 'target': did you mean 'to'?",
      ])
    #expect(
      lines(#"{"trustmap": 1, "nodes": []}"#) == [
        "in:1:17: error: missing required key 'people' (the list of people); found 'nodes': did you mean 'people'?"
      ])
  }

  @Test func numericIdsAreTheirJSONText() throws {
    let network = try TrustNetwork(
      jsonString: """
        {"trustmap": 1, "people": [{"id": 17}, {"id": "18", "reportsTo": 17}],
         "ties": [{"from": 17, "to": 18, "strength": 0.5}], "communities": [{"id": "c", "members": [17]}]}
        """)
    #expect(network.personIDs == ["17", "18"])
    #expect(network.allTies == [Tie(from: "17", to: "18", strength: 0.5, mutual: false, contexts: [])])
    #expect(network.allPeople[1].reportsTo == "17")
    #expect(network.communities.first?.members == ["17"])
    #expect(
      lines(#"{"trustmap": 1, "people": [{"id": 1.0}], "ties": [{"from": 1, "to": 1.0}]}"#) == [
        "in:1:60: error: ties[0].from: tie from unknown person '1'"
      ])
  }

  @Test func unknownKeysThatStandForNothingStaySilent() {
    #expect(lines(#"{"trustmap": 1, "x-tool": {"v": 2}, "people": [{"id": "a", "notes": "n"}]}"#).isEmpty)
  }
}
