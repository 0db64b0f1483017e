import Testing

@testable import TrustCore

/// networkx's node-link JSON, Pajek, NetDraw VNA and plain edge lists, each
/// read to its JSON twin, and their bad inputs at their places.
@Suite("Reading node-link JSON and line formats")
struct NodeLinkAndLineReaderTests {
  @Test func nodeLinkAsNetworkxWritesIt() throws {
    for key in ["links", "edges"] {
      let read = try network(
        """
        {"directed": true, "multigraph": false, "graph": {"communities": [{"id": "guild", "members": ["ana", "cy"]}]},
         "nodes": [{"id": "ana", "label": "Ana", "team": "design"}, {"id": "bo", "label": "Bo", "team": "eng", "reportsTo": "ana"},
                   {"id": "cy", "pos": [1, 2]}, {"id": "dee", "note": null}],
         "\(key)": [{"source": "ana", "target": "bo", "weight": 0.9, "mutual": true, "contexts": ["work"], "key": 0},
                    {"source": "bo", "target": "cy", "weight": 0.5}]}
        """, as: .nodeLink)
      expectSameNetwork(read, try twinNetwork())
      #expect(
        read.warnings.map { $0.formatted(source: "in") } == [
          "in:3:32: warning: people[2].attributes.pos: the attribute 'pos' is a list or an object; trustmap attributes are text, so it is skipped"
        ])
    }
  }

  /// A networkx graph built from a table holds a tie's contexts as one text.
  @Test func nodeLinkContextsMayBeOneText() throws {
    let read = try network(
      #"{"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b", "contexts": "work; friends"}]}"#,
      as: .nodeLink)
    #expect(
      read.allTies == [Tie(from: "a", to: "b", strength: 1, mutual: false, contexts: ["work", "friends"])])
  }

  @Test func nodeLinkNumericIdsAndUndirectedGraphs() throws {
    let read = try network(
      #"{"directed": false, "nodes": [{"id": 17, "age": 30, "ok": true}, {"id": "x"}], "links": [{"source": 17, "target": "x"}]}"#,
      as: .nodeLink)
    #expect(read.personIDs == ["17", "x"])
    #expect(read.allPeople[0].attributes == ["age": "30", "ok": "true"])
    #expect(read.allTies == [Tie(from: "17", to: "x", strength: 1, mutual: true, contexts: [])])
    #expect(
      problems(#"{"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "b", "weight": "heavy"}, {"target": "a"}]}"#, as: .nodeLink) == [
        "in:1:62: error: ties[0].to: tie to unknown person 'b'; did you mean 'a'?",
        "in:1:77: error: ties[0].strength: expected a number from 0 to 1",
        "in:1:87: error: ties[1]: missing required key 'source'",
      ])
    #expect(problems(#"{"nodes": [{"id": "a"}"#, as: .nodeLink) == ["in:1:23: error: unexpected end of input; expected ',' or ']'"])
  }

  @Test func pajekWithLabelsArcsAndEdges() throws {
    let read = try network(
      """
      *Network The twin
      *Vertices 4
      1 "ana" 0.1 0.2 ellipse
      2 "bo"
      3 cy
      % dee has no line: known by her number
      *Arcs
      2 3 0.5
      *Edges
      1 2 0.9
      """, as: .pajek)
    #expect(read.name == "The twin")
    #expect(read.personIDs == ["ana", "bo", "cy", "4"])
    #expect(
      read.allTies == [
        Tie(from: "bo", to: "cy", strength: 0.5, mutual: false, contexts: []),
        Tie(from: "ana", to: "bo", strength: 0.9, mutual: true, contexts: []),
      ])
    let lists = try network("*Vertices 3\n*Arcslist\n1 2 3\n*Edgeslist\n2 3\n*Matrix\n0 0.5 0\n0 0 0\n1 0 0\n", as: .pajek)
    #expect(
      lists.allTies.map { "\($0.from)>\($0.to) \($0.strength) \($0.mutual)" } == [
        "1>2 1.0 false", "1>3 1.0 false", "2>3 1.0 true", "1>2 0.5 false", "3>1 1.0 false",
      ])
    #expect(
      problems("*Vertices 2\n1 \"a\"\n1 \"b\"\n3 \"c\"\n*Arcs\n1 5\n", as: .pajek) == [
        "in:3:1: error: vertex 1 is listed twice",
        "in:4:1: error: '3' is not a vertex number from 1 to 2 ('*Vertices 2')",
        "in:6:3: error: '5' is not a vertex number from 1 to 2 ('*Vertices 2')",
      ])
  }

  @Test func vnaNodeAndTieData() throws {
    let read = try network(
      """
      *node data
      ID name team
      ana Ana design
      bo Bo eng
      cy cy ""
      dee dee ""
      *node properties
      ID color
      ana red
      *tie data
      from to strength
      bo cy 0.5
      """, as: .vna)
    #expect(read.personIDs == ["ana", "bo", "cy", "dee"])
    #expect(read.allPeople[0] == Person(id: "ana", name: "Ana", attributes: ["team": "design"], reportsTo: nil))
    #expect(read.allPeople[2].attributes.isEmpty)
    #expect(read.allTies == [Tie(from: "bo", to: "cy", strength: 0.5, mutual: false, contexts: [])])
    #expect(
      problems("*tie data\nfrom to\nana bo\n*node data\nID\nzed\n", as: .vna).isEmpty)
    #expect(
      problems("*node data\nID\nana\n*tie data\nfrom to weight\nana zed 1\n", as: .vna) == [
        "in:6:5: error: ties[0].to: tie to unknown person 'zed'"
      ])
  }

  @Test func edgeListsWithCommentsAndQuotes() throws {
    let read = try network(
      "# who trusts whom\nana bo 0.9\nbo ana 0.9 # both ways\n\nbo cy 0.5\n\"sp ace\" \"q\\\"uote\"\n", as: .edgeList)
    #expect(read.personIDs == ["ana", "bo", "cy", "sp ace", "q\"uote"])
    #expect(read.ties.strength == [0.9, 0.9, 0.5, 1])
    #expect(
      problems("a b c d\nx\n", as: .edgeList) == [
        "in:1:7: error: an edge-list line has 2 or 3 columns (from, to, weight), not 4"
      ])
    #expect(
      problems("a b 2\na a\n", as: .edgeList) == [
        "in:1:5: error: ties[0].strength: a strength must be from 0 to 1, not 2 (--scale-weights maps weights to w / max w)",
        "in:2:1: warning: ties[1]: a tie from 'a' to themselves is ignored",
      ])
  }
}
