import Foundation
import Testing

@testable import TrustCore

@Suite("NetworkWriter: the entry point, parts, errors and streaming")
struct NetworkWriterTests {
  @Test func writesEveryFormatItClaimsAndRefusesTheOthers() throws {
    let network = try exampleOrganisation()
    for format in NetworkFormat.allCases {
      if format.canWrite {
        let writer = try NetworkWriter(format: format)
        for part in writer.parts(for: network) {
          let text = try written(network, format, part: part)
          #expect(!text.isEmpty, "\(format) \(part)")
          #expect(text.hasSuffix("\n"), "\(format) \(part)")
        }
      } else {
        #expect(throws: NetworkWriteError.self) { try NetworkWriter(format: format) }
      }
    }
    do {
      _ = try NetworkWriter(format: .vna)
      Issue.record("vna is not written")
    } catch {
      #expect(error.code == .unwritableFormat)
      #expect(error.message == "trustmap reads vna but does not write it")
    }
  }

  @Test func listsThePartsOfEachFormat() throws {
    let network = try exampleOrganisation()
    let none = try TrustNetwork(jsonString: #"{"trustmap": 1, "people": [{"id": "a"}]}"#)
    #expect(try NetworkWriter(format: .csv).parts(for: network) == [.main, .nodes, .communities])
    #expect(try NetworkWriter(format: .csv).parts(for: none) == [.main, .nodes])
    #expect(try NetworkWriter(format: .neo4j).parts(for: network) == [.main, .nodes])
    #expect(try NetworkWriter(format: .graphFrames).parts(for: network) == [.main, .nodes])
    #expect(try NetworkWriter(format: .graphml).parts(for: network) == [.main])
    do {
      try NetworkWriter(format: .graphml).write(network, part: .nodes) { _ in }
      Issue.record("graphml has no nodes file")
    } catch {
      #expect(error.code == .noSuchPart)
      #expect(error.message == "graphml writes no nodes file")
    }
  }

  @Test(arguments: [
    (NetworkFormat.csv, NetworkFilePart.nodes, "out/org.csv", "out/org-people.csv"),
    (.csv, .communities, "out/org.csv", "out/org-communities.csv"),
    (.csv, .main, "out/org.csv", "out/org.csv"),
    (.neo4j, .nodes, "rels.csv", "rels-nodes.csv"),
    (.graphFrames, .nodes, "/tmp/e.x.csv", "/tmp/e.x-vertices.csv"),
    (.neo4j, .nodes, "rels", "rels-nodes"),
    (.csv, .nodes, "dir.v2/ties", "dir.v2/ties-people"),
    (.csv, .nodes, ".hidden", ".hidden-people"),
  ])
  func namesEachPartBesideTheMainFile(
    format: NetworkFormat, part: NetworkFilePart, main: String, expected: String
  ) throws {
    #expect(try NetworkWriter(format: format).path(of: part, besides: main) == expected)
  }

  @Test(arguments: [
    ("a.json", NetworkFormat.json), ("a.GraphML", .graphml), ("x/a.xml", .graphml),
    ("a.gexf", .gexf), ("a.csv", .csv), ("a.net", .pajek), ("a.paj", .pajek),
    ("a.edgelist", .edgeList), ("a.txt", .edgeList), ("a.dot", .dot), ("a.gv", .dot),
  ])
  func choosesTheFormatByExtension(path: String, format: NetworkFormat) {
    #expect(NetworkFormat(writingExtensionOf: path) == format)
  }

  @Test(arguments: ["a.tsv", "a", "a.vna", ".json", "dir.json/a", "a.yaml"])
  func leavesOtherExtensionsToTheCaller(path: String) {
    #expect(NetworkFormat(writingExtensionOf: path) == nil)
  }

  @Test func refusesResultsOfAnotherNetwork() throws {
    let network = try exampleOrganisation()
    let results = NodeResults(
      personCount: 3, columns: [NodeResults.Column(name: "x", values: .integers([1, 2, 3]))])
    do {
      try NetworkWriter(format: .graphml).write(network, results: results) { _ in }
      Issue.record("results of 3 people for 16")
    } catch {
      #expect(error.code == .resultsMismatch)
      #expect(error.message == "results for 3 people given for a network of 16")
    }
    let short = NodeResults(
      personCount: 16, columns: [NodeResults.Column(name: "x", values: .texts(["a"]))])
    #expect(throws: NetworkWriteError.self) {
      try NetworkWriter(format: .gexf).write(network, results: short) { _ in }
    }
  }

  /// A large network comes in chunks of about a megabyte, the same bytes
  /// every time, and a sink that throws stops the writing at once.
  @Test func streamsInChunksAndStopsWhenTheSinkFails() throws {
    var generated = ""
    NetworkGenerator(people: 4000, ties: 40000, seed: 3).write { generated += $0 }
    let network = try TrustNetwork(jsonString: generated)
    for format in [NetworkFormat.json, .graphml, .gexf, .csv, .dot] {
      var chunks: [Int] = []
      var text = ""
      try NetworkWriter(format: format).write(network) { chunk in
        chunks.append(chunk.utf8.count)
        text += chunk
      }
      #expect(chunks.count >= 2, "\(format)")
      #expect(chunks.dropLast().allSatisfy { $0 >= 1 << 20 && $0 < (1 << 20) + 4096 }, "\(format)")
      #expect(try written(network, format) == text, "\(format): the same bytes again")
      var calls = 0
      struct Full: Error {}
      do {
        try NetworkWriter(format: format).write(network) { _ in
          calls += 1
          throw Full()
        }
        Issue.record("the sink's error must stop the writer")
      } catch {
        #expect(error.code == .output)
        #expect(error.underlying is Full)
      }
      #expect(calls == 1, "\(format)")
    }
  }

  @Test func writesAnEmptyNetwork() throws {
    let network = try TrustNetwork(jsonString: #"{"trustmap": 1, "people": []}"#)
    #expect(
      try written(network, .json)
        == "{\n  \"trustmap\": 1,\n  \"people\": [],\n  \"ties\": [],\n  \"communities\": []\n}\n")
    #expect(try written(network, .pajek) == "*Vertices 0\n*Arcs\n")
    #expect(try written(network, .csv) == "Source,Target,Type,Id,Weight,Contexts\n")
    #expect(try written(network, .csv, part: .nodes) == "Id,Label,ReportsTo\n")
    _ = parseXML(try written(network, .graphml))
    _ = parseXML(try written(network, .gexf))
    let nodeLink = try JSONSerialization.jsonObject(with: Data(try written(network, .nodeLink).utf8))
    #expect((nodeLink as? [String: Any])?["nodes"] as? [Any] != nil)
  }

  /// An attribute that would take a name the format uses itself is written
  /// under `attribute:KEY` instead.
  @Test func movesAttributesOffTheFormatsOwnNames() throws {
    var builder = TrustNetworkBuilder()
    builder.addPerson("a", name: "Ann", attributes: ["label": "L", "Name": "N", "id": "I", "": "E", "tribe": "T", "color": "red"])
    let network = try builder.build()
    let results = NodeResults(
      personCount: 1, columns: [NodeResults.Column(name: "tribe", values: .integers([1]))])
    let graphML = try written(network, .graphml, results: results)
    for name in ["attribute:", "Name", "color", "id", "attribute:label", "attribute:tribe"] {
      #expect(graphML.contains("attr.name=\"\(name)\""), "\(name)")
    }
    #expect(graphML.contains("attr.name=\"tribe\" attr.type=\"int\""))
    let people = try written(network, .csv, part: .nodes, results: results)
    #expect(people.hasPrefix("Id,Label,ReportsTo,attribute:,attribute:Name,color,attribute:id,attribute:label,attribute:tribe,tribe\n"))
    let dot = try written(network, .dot)
    #expect(dot.contains(#""attribute:color"="red""#))
    let neo4j = try written(network, .neo4j, part: .nodes, results: results)
    #expect(
      neo4j.hasPrefix("personId:ID(Person),name,reportsTo,communities:string[],attribute_,Name,color,id,label,attribute_tribe,tribe:int,:LABEL\n"))
  }
}
