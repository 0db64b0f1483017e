import Testing

@testable import TrustCore

/// Bad inputs of the line and XML formats, each with its exact message,
/// line and column: what a user sees for a typo in a hand-edited file.
@Suite("Bad inputs of every format, at their places")
struct FormatBadInputTests {
  @Test func pajekVertexOutOfRangeAndABadWeight() {
    #expect(
      problems("*Vertices 2\n1 \"a\"\n2 \"b\"\n*Arcs\n1 3 0.5\n2 1 heavy\n", as: .pajek) == [
        "in:5:3: error: '3' is not a vertex number from 1 to 2 ('*Vertices 2')",
        "in:6:5: error: ties[1].strength: expected a number from 0 to 1, found 'heavy'",
      ])
  }

  @Test func vnaUnknownPersonAndASelfTie() {
    #expect(
      problems(
        "*node data\nid team\na x\n*tie data\nfrom to strength\na zed 0.5\na a 1\n", as: .vna)
        == [
          "in:6:3: error: ties[0].to: tie to unknown person 'zed'",
          "in:7:1: warning: ties[1]: a tie from 'a' to themselves is ignored",
        ])
  }

  @Test func edgeListBadWeightColumnsAndDistrust() {
    #expect(
      problems("a b heavy\na\n", as: .edgeList) == [
        "in:1:5: error: ties[0].strength: expected a number from 0 to 1, found 'heavy'",
        "in:2:2: error: an edge-list line has 2 or 3 columns (from, to, weight), not 1",
      ])
    #expect(
      problems("a b 0.5\r\nc d -1\r\n", as: .edgeList) == [
        "in:2:5: error: ties[1].strength: a strength must be from 0 to 1, not -1 "
          + "(a negative weight, distrust: --drop-negative leaves such ties out)"
      ])
  }

  /// A "billion laughs" GraphML file is refused at its internal subset.
  @Test func aDTDIsRefusedWithItsMessage() {
    let laughs = """
      <?xml version="1.0"?>
      <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
      <graphml><graph><node id="&lol2;"/></graph></graphml>
      """
    #expect(
      problems(laughs, as: .graphml) == [
        "in:2:16: error: a DOCTYPE with an internal subset is not supported: trustmap does not "
          + "process DTDs or entity declarations"
      ])
  }

  @Test func gexfDuplicateIdAndUnknownEnd() {
    let text = """
      <gexf xmlns="http://gexf.net/1.3"><graph><nodes><node id="a"/><node id="a"/></nodes>\
      <edges><edge source="a" target="b"/></edges></graph></gexf>
      """
    #expect(
      problems(text, as: .gexf) == [
        "in:1:72: error: people[1].id: duplicate person id 'a' (first used by people[0])",
        "in:1:116: error: ties[0].to: tie to unknown person 'b'; did you mean 'a'?",
      ])
  }
}
