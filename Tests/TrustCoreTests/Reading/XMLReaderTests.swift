import Testing

@testable import TrustCore

/// The GraphML and GEXF readers: files as igraph, networkx and Gephi write
/// them read to the JSON twin, and malformed or hostile XML refused at its place.
@Suite("Reading GraphML and GEXF")
struct XMLReaderTests {
  static let graphML = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE graphml SYSTEM "http://graphml.graphdrawing.org/dtds/graphml.dtd">
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
      <key id="label" for="node" attr.name="label" attr.type="string"/>
      <key id="boss" for="node" attr.name="reportsTo" attr.type="string"/>
      <key id="c" for="node" attr.name="communities" attr.type="string"/>
      <key id="team" for="node" attr.name="team" attr.type="string"/>
      <key id="w" for="edge" attr.name="weight" attr.type="double"><default>0.5</default></key>
      <key id="ctx" for="edge" attr.name="contexts" attr.type="string"/>
      <key id="n" for="all" attr.name="size" attr.type="int"/>
      <key id="y" for="node" yfiles.type="nodegraphics"/>
      <graph id="G" edgedefault="directed">
        <node id="ana"><data key="label">Ana</data><data key="team">design</data><data key="c">guild</data>
          <data key="n">3</data><data key="y"><y:ShapeNode><y:Fill color="#FF0000"/></y:ShapeNode></data></node>
        <node id="bo"><data key="label">Bo</data><data key="boss">ana</data><data key="team">eng</data></node>
        <node id="cy"><data key="c">guild</data></node>
        <node id="dee"/>
        <edge source="ana" target="bo" directed="false"><data key="w">0.9</data><data key="ctx">work</data></edge>
        <edge source="bo" target="cy"/>
      </graph>
    </graphml>
    """

  @Test func graphMLAsToolsWriteIt() throws {
    // yEd's drawing (<data key="y"> with elements inside) is skipped.
    let read = try network(Self.graphML, as: .graphml)
    var twin = try twinNetwork().allPeople
    twin[0].attributes["size"] = "3"
    #expect(read.allPeople == twin)
    #expect(read.allTies == (try twinNetwork()).allTies)
    #expect(read.communities == (try twinNetwork()).communities)
  }

  @Test func graphMLEdgeDefaultUndirectedMakesEveryEdgeMutual() throws {
    let read = try network(
      """
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">
      <node id="a"/><node id="b"/><edge source="a" target="b"/><edge source="b" target="a" directed="true"/>
      </graph></graphml>
      """, as: .graphml)
    #expect(read.ties.mutual == [true, false])
  }

  /// Each of igraph's six GraphML types: values of the type are read as
  /// the attribute's text as written, and a value not of it is an error
  /// at the value, naming the type and the key.
  @Test(
    arguments: [
      ("boolean", ["true", "False", " 1 ", "0"], "yes"),
      ("int", ["0", "-7", "+12", "2147483648"], "1.5"),
      ("long", ["9223372036854775807", "-1"], "12a"),
      ("float", ["0.5", "-1e3", "INF", "NaN"], "half"),
      ("double", ["1", ".5", "-0.25e-2", "-INF"], "0,5"),
      ("string", ["", "any text", "12"], nil),
    ] as [(String, [String], String?)])
  func graphMLValuesOfEachType(type: String, good: [String], bad: String?) throws {
    func document(_ value: String) -> String {
      """
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <key id="k" for="node" attr.name="x" attr.type="\(type)"/><graph>
      <node id="a"><data key="k">\(value)</data></node></graph></graphml>
      """
    }
    for value in good {
      let read = try network(document(value), as: .graphml)
      #expect(read.people[0].attributes["x"] == value, "\(type) \(value)")
    }
    if let bad {
      let article = type == "int" ? "an" : "a"
      #expect(
        problems(document(bad), as: .graphml) == [
          "in:3:28: error: people[0]: expected \(article) \(type) for 'x', found '\(bad)'"
        ])
    }
  }

  @Test func graphMLTypesAndKeysAreChecked() {
    let head = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    #expect(
      problems(head + "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"decimal\"/></graphml>", as: .graphml)
        == [
          "in:2:54: error: unknown attr.type 'decimal'; GraphML's types are boolean, int, long, float, double and string"
        ])
    #expect(
      problems(
        head + """
          <key id="w" for="edge" attr.name="weight" attr.type="double"/><graph>
          <node id="a"/><node id="a"/><node id="b"><data key="q">1</data></node>
          <edge source="a" target="zed"><data key="w">heavy</data></edge>
          <edge source="a" target="b"><data key="w">2</data></edge></graph></graphml>
          """, as: .graphml) == [
          "in:3:24: error: people[1].id: duplicate person id 'a' (first used by people[0])",
          "in:3:42: error: people[2]: <data> names 'q', which no <key> declares",
          "in:4:25: error: ties[0].to: tie to unknown person 'zed'",
          "in:4:45: error: ties[0]: expected a double for 'weight', found 'heavy'",
          "in:5:43: error: ties[1].strength: a strength must be from 0 to 1, not 2 (--scale-weights maps weights to w / max w)",
        ])
  }

  @Test func malformedXMLIsAnErrorAtItsPlace() {
    #expect(
      problems("<graphml><graph><node id=\"a\"></graph></graphml>", as: .graphml) == [
        "in:1:30: error: the end tag '</graph>' does not match the start tag '<node>'"
      ])
    #expect(problems("<gml/>", as: .graphml) == ["in:1:1: error: expected a <graphml> root element, found <gml>"])
  }

  /// A "billion laughs" file is refused at its internal subset, never expanded.
  @Test func aDTDWithEntitiesIsRefused() {
    let laughs = """
      <?xml version="1.0"?>
      <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
      <graphml><graph><node id="&lol2;"/></graph></graphml>
      """
    let found = problems(laughs, as: .graphml)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("in:2:16: error: ") == true)
  }

  static let gexf = """
    <?xml version="1.0" encoding="UTF-8"?>
    <gexf xmlns="VERSION" xmlns:viz="VERSION/viz" version="1.3">
      <meta><creator>Gephi</creator><description>Twin</description></meta>
      <graph mode="static" defaultedgetype="directed">
        <attributes class="node"><attribute id="0" title="team" type="string"/>
          <attribute id="1" title="reportsTo" type="string"/><attribute id="2" title="communities" type="liststring"/></attributes>
        <attributes class="edge"><attribute id="0" title="contexts" type="string"/></attributes>
        <nodes>
          <node id="ana" label="Ana"><attvalues><attvalue for="0" value="design"/><attvalue for="2" value="guild"/></attvalues>
            <viz:color hex="#ff0000"/><viz:position x="1" y="2"/></node>
          <node id="bo" label="Bo"><attvalues><attvalue for="0" value="eng"/><attvalue for="1" value="ana"/></attvalues></node>
          <node id="cy"><attvalues><attvalue for="2" value="guild"/></attvalues></node>
          <node id="dee"/>
        </nodes>
        <edges>
          <edge id="0" source="ana" target="bo" type="mutual" weight="0.9"><attvalues><attvalue for="0" value="work"/></attvalues></edge>
          <edge id="1" source="bo" target="cy" weight="0.5"/>
        </edges>
      </graph>
    </gexf>
    """

  @Test(arguments: [
    "http://www.gexf.net/1.1draft", "http://www.gexf.net/1.2draft", "http://gexf.net/1.3",
    "http://www.gexf.net/1.3",
  ])
  func gexfInEveryNamespaceSpelling(namespace: String) throws {
    let read = try network(Self.gexf.replacingOccurrences(of: "VERSION", with: namespace), as: .gexf)
    var twin = try twinNetwork()
    twin.name = "Twin"
    expectSameNetwork(read, twin)
  }

  @Test func gexfUndirectedByDefaultAndBadTypes() throws {
    let read = try network(
      """
      <gexf xmlns="http://gexf.net/1.3"><graph defaultedgetype="undirected"><nodes><node id="a"/><node id="b"/></nodes>
      <edges><edge source="a" target="b"/><edge source="b" target="a" type="directed"/></edges></graph></gexf>
      """, as: .gexf)
    #expect(read.ties.mutual == [true, false])
    #expect(
      problems(
        """
        <gexf xmlns="http://gexf.net/1.3"><graph><nodes><node id="a"/></nodes>
        <edges><edge source="a" target="a" type="sideways" weight="-1"/></edges></graph></gexf>
        """, as: .gexf)
        == [
          "in:2:42: error: ties[0].mutual: expected type directed, undirected or mutual, found 'sideways'",
          "in:2:60: error: ties[0].strength: a strength must be from 0 to 1, not -1 (a negative weight, distrust: --drop-negative leaves such ties out)",
          "in:2:21: warning: ties[0]: a tie from 'a' to themselves is ignored",
        ].sorted())
    #expect(
      problems("<gexf xmlns=\"http://example.com/gexf\"/>", as: .gexf) == [
        "in:1:1: error: unknown GEXF namespace 'http://example.com/gexf'; expected http://www.gexf.net/1.1draft, http://www.gexf.net/1.2draft or http://gexf.net/1.3"
      ])
  }
}
