import Foundation
import Testing

@testable import TrustCore

/// The trust map and its SVG: valid XML, a circle per person (or per tribe
/// above the limit), a line per strong tie, names as text.
@Suite("Trust maps and their SVG")
struct MapTests {
  static let org = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Examples/org.json").path

  func analyzer() throws -> TrustAnalyzer {
    try TrustAnalyzer(try TrustNetwork(contentsOfFile: Self.org))
  }

  /// The elements inside the group `class` of a parsed SVG.
  func elements(_ svg: String, inGroup group: String, named name: String) -> [XMLElementRecord] {
    let start = svg.range(of: "<g class=\"\(group)\"")
    guard let start, let end = svg.range(of: "</g>", range: start.upperBound..<svg.endIndex)
    else { return [] }
    let part = String(svg[start.lowerBound..<end.upperBound])
    return parseXML(part).filter { $0.name == name }
  }

  @Test func thePeopleMapHasACirclePerPersonAndALinePerStrongTie() throws {
    let analyzer = try analyzer()
    let map = try analyzer.map()
    #expect(map.subject == .people)
    #expect(map.discs.map(\.id) == analyzer.network.personIDs)
    let svg = map.svg()
    let all = parseXML(svg)
    #expect(all.first?.name == "svg")
    #expect(all.first?.attributes["xmlns"] == "http://www.w3.org/2000/svg")
    #expect(all.first?.attributes["version"] == "1.1")
    #expect(all.filter { $0.name == "circle" }.count == 16)
    #expect(elements(svg, inGroup: "ties", named: "line").count == 18)
    #expect(elements(svg, inGroup: "reports-to", named: "line").count == 15)
    #expect(elements(svg, inGroup: "people", named: "title").map(\.text).first == "Morgan (CEO)")
    // Ana has the most strong ties (5): the largest circle, and named.
    let ana = try #require(map.discs.first { $0.id == "ana" })
    #expect(map.discs.allSatisfy { $0.radius <= ana.radius })
    #expect(map.labels.contains { $0.text == "Ana (design lead)" })
    #expect(map.discs.allSatisfy { $0.x.isFinite && $0.y.isFinite })
    #expect(map.discs.allSatisfy { $0.x > 0 && $0.x < map.width && $0.y > 0 && $0.y < map.height })
    // Level-0 tribes: T1's people share the first colour.
    #expect(map.discs.first { $0.id == "ceo" }?.colour == 0)
    #expect(map.legend.first?.text == "T1: 5 people, \u{2068}team\u{2069} \u{2068}design\u{2069}")
  }

  @Test func theSameSeedDrawsTheSameBytes() throws {
    let first = try analyzer().map(MapOptions(seed: 4)).svg()
    let second = try analyzer().map(MapOptions(seed: 4)).svg()
    let other = try analyzer().map(MapOptions(seed: 5)).svg()
    #expect(first == second)
    #expect(first != other)
  }

  @Test func aboveTheLimitTheTribesAreDrawn() throws {
    let analyzer = try analyzer()
    let map = try analyzer.map(MapOptions(maxPeople: 10))
    #expect(map.subject == .tribes(level: 0))
    let tribes = analyzer.session.tribes().levels[0]
    #expect(map.discs.map(\.id) == tribes.tribes.map(\.id))
    #expect(map.lines.count == tribes.links.count)
    let svg = map.svg()
    #expect(parseXML(svg).filter { $0.name == "circle" }.count == tribes.tribes.count)
    #expect(elements(svg, inGroup: "ties", named: "line").count == tribes.links.count)
    #expect(map.notes.first?.hasPrefix("More than 10 people: each disc is a tribe") == true)
    // Wider lines for more ties; larger discs for more members.
    let widest = try #require(map.lines.max { $0.width < $1.width })
    #expect(tribes.links.first.map { ($0.first, $0.second) } ?? (0, 0) == (widest.from, widest.to))
    #expect(map.discs[0].radius > map.discs[tribes.tribes.count - 1].radius)
    // Fewer allowed than even the tribes: the top level is drawn.
    let top = try analyzer.map(MapOptions(maxPeople: 1))
    #expect(top.subject == .tribes(level: analyzer.session.tribes().levels.count - 1))
    #expect(top.notes.contains { $0 == "No level has at most 1 tribe: all 2 of level 2 are drawn." })
  }

  @Test func aCommunityIsDrawnInThreeRings() throws {
    let analyzer = try analyzer()
    let map = try analyzer.map(MapOptions(community: "lisbon"))
    let groups = try analyzer.groups(of: "lisbon")
    let marked = Dictionary(uniqueKeysWithValues: map.discs.map { ($0.id, $0.emphasis) })
    #expect(groups.inGroup.allSatisfy { marked[$0] == .inGroup })
    #expect(groups.near.allSatisfy { marked[$0] == .near })
    #expect(groups.out.allSatisfy { marked[$0] == .out })
    #expect(map.title == "\u{2068}Lisbon office social\u{2069}: in, near and out")
    #expect(map.legend.suffix(3).map(\.emphasis) == [.inGroup, .near, .out])
  }

  @Test func aPersonIsDrawnWithTheirDegreesAndIntroducersPaths() throws {
    let analyzer = try analyzer()
    let map = try analyzer.map(MapOptions(person: "dee"))
    let reach = try analyzer.reach(of: "dee")
    let marked = Dictionary(uniqueKeysWithValues: map.discs.map { ($0.id, $0.emphasis) })
    #expect(marked["dee"] == .focus)
    #expect(reach.firstDegree.allSatisfy { marked[$0] == .near })
    #expect(reach.secondDegree.allSatisfy { marked[$0] == .second })
    // Paths: Dee's two ties, and each introducer's tie to whom they introduce.
    let index = Dictionary(uniqueKeysWithValues: map.discs.enumerated().map { ($1.id, $0) })
    let paths = Set(
      map.lines.filter { $0.kind == .path }.map { [min($0.from, $0.to), max($0.from, $0.to)] })
    var expected: Set<[Int]> = []
    for friend in reach.firstDegree {
      expected.insert([index["dee"]!, index[friend]!].sorted())
    }
    for (other, introducers) in zip(reach.introducers.keys, reach.introducers.values) {
      for introducer in introducers { expected.insert([index[other]!, index[introducer]!].sorted()) }
    }
    #expect(paths == expected)
    #expect(map.labels.first?.text == "Dee")
  }

  @Test func labelsNeverOverlap() throws {
    var builder = TrustNetworkBuilder()
    for index in 0..<60 { builder.addPerson("p\(index)", name: "A rather long name \(index)") }
    for index in 1..<60 { builder.addTie(from: "p0", to: "p\(index)") }
    let map = try TrustAnalyzer(try builder.build()).map(MapOptions(labels: 40))
    #expect(map.labels.count >= 5)
    let placer = MapLabelPlacer(fontSize: 11)
    for (i, a) in map.labels.enumerated() {
      for b in map.labels[(i + 1)...] {
        let apart =
          a.x + placer.width(of: a.text) <= b.x || b.x + placer.width(of: b.text) <= a.x
          || a.y + 2.5 <= b.y - 9 || b.y + 2.5 <= a.y - 9
        #expect(apart, "\(a.text) overlaps \(b.text)")
      }
    }
  }

  @Test func hostileNamesAreTextInTheSVG() throws {
    let hostile = "<script>alert(1)</script> & \"Bo\" 'x' \u{202E}gnp.exe"
    var builder = TrustNetworkBuilder(name: hostile)
    builder.addPerson("a", name: hostile, attributes: ["team": hostile])
    builder.addPerson("b")
    builder.addTie(from: "a", to: "b")
    let analyzer = try TrustAnalyzer(try builder.build())
    for options in [MapOptions(), MapOptions(colorBy: "team"), MapOptions(person: "a")] {
      let svg = try analyzer.map(options).svg()
      #expect(!svg.contains("<script"))
      #expect(!svg.contains("\u{202E}"))
      #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Bo&quot; &apos;x&apos; &#x202E;gnp.exe"))
      let titles = parseXML(svg).filter { $0.name == "title" }.map(\.text)
      #expect(titles.contains(hostile))
    }
    #expect(MarkupText.escaped("a\u{2066}b\u{200F}") == "a&#x2066;b&#x200F;")
  }

  @Test func anEmptyNetworkDrawsAnEmptyMap() throws {
    let map = try TrustAnalyzer(try TrustNetworkBuilder().build()).map()
    #expect(map.discs.isEmpty && map.lines.isEmpty && map.labels.isEmpty)
    #expect(map.caption.hasPrefix("0 people, 0 strong ties"))
    #expect(parseXML(map.svg()).filter { $0.name == "circle" }.isEmpty)
  }

  @Test func settingsAreChecked() throws {
    let analyzer = try analyzer()
    #expect(throws: TrustQueryError.self) { try analyzer.map(MapOptions(maxPeople: 0)) }
    #expect(throws: TrustQueryError.self) { try analyzer.map(MapOptions(person: "zed")) }
    #expect(throws: TrustQueryError.self) {
      try analyzer.map(MapOptions(community: "lisbon", person: "dee"))
    }
    #expect(throws: TrustQueryError.self) { try analyzer.map(MapOptions(colorBy: "colour")) }
  }

  @Test func numbersAreWrittenWithFixedDecimals() {
    #expect(MapSVGWriter.fixed(12.04) == "12")
    #expect(MapSVGWriter.fixed(12.06) == "12.1")
    #expect(MapSVGWriter.fixed(-0.25, 2) == "-0.25")
    #expect(MapSVGWriter.fixed(3.5, 2) == "3.5")
    #expect(MapSVGWriter.fixed(0.04, 2) == "0.04")
    #expect(MapSVGWriter.fixed(.nan) == "0")
  }
}
