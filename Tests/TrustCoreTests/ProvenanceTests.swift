import Foundation
import Testing

@testable import TrustCore

@Suite("Provenance: digests and the settings a session used")
struct ProvenanceRecordTests {
  @Test func aFilesDigestIsItsBytesSHA256WhetherHashedNowOrInTheBackground() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prov-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // Large enough (3 MB) to be hashed on another thread while the network is read.
    var text = #"{"trustmap": 1, "people": ["#
    text += (0..<200_000).map { #"{"id": "p\#($0)"}"# }.joined(separator: ", ")
    text += #"], "ties": []}"#
    let path = folder.appendingPathComponent("big.json").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let expected = SHA256.hash(Array(text.utf8)).hexadecimal
    let background = try NetworkFile(path: path, digestingInBackground: true)
    #expect(try background.network().people.count == 200_000)
    #expect(background.digest() == InputDigest(file: path, sha256: expected, bytes: text.utf8.count))
    #expect(background.digest() == background.digest())  // asked twice, waits once
    let later = try NetworkFile(path: path)
    #expect(later.digest().sha256 == expected)
    #expect(try InputDigest(contentsOfFile: path).sha256 == expected)
  }

  @Test func anEmptyFileHasTheEmptyDigest() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID())").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let digest = try NetworkFile(path: path).digest()
    #expect(digest.sha256 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(digest.bytes == 0)
  }

  @Test func anUnreadableFileThrowsWithItsReason() {
    #expect(throws: NetworkLoadError.self) { try NetworkFile(path: "/no/such/file.json") }
  }

  @Test func theLogKeepsFirstUseOrderAndEveryDistinctValue() {
    var log = SettingsLog()
    log.record("seed", .unsigned(1))
    log.record("threshold", .number(0.5))
    log.record("seed", .unsigned(1))
    log.record("seed", .unsigned(7))
    log.record("seed", .unsigned(1))
    log.record("seed", .unsigned(9))
    #expect(log.list.keys == ["seed", "threshold"])
    #expect(log.value(of: "seed") == .several([.unsigned(1), .unsigned(7), .unsigned(9)]))
    #expect(log.list.jsonText == #"{"seed":[1,7,9],"threshold":0.5}"#)
  }

  @Test func aSessionRecordsTheGraphsSettingsThenEachQuestions() throws {
    let network = try TrustNetwork(jsonString: randomNetworkJSON(people: 40, ties: 120, seed: 3))
    let analyzer = try TrustAnalyzer(
      network, settings: StrongTieSettings(threshold: 0.7, reciprocity: .mutual))
    _ = try analyzer.reach(of: network.people[0].id)
    _ = try analyzer.tribes(TribeSettings(resolution: 0.5, seed: 12))
    let made = analyzer.provenance(input: nil)
    #expect(
      made.settings.keys
        == [
          "strongTieThreshold", "reciprocity", "contexts", "introducersNeeded", "communities",
          "resolution", "quality", "unweighted", "restarts", "seed",
        ])
    #expect(made.settings["strongTieThreshold"] == .number(0.7))
    #expect(made.settings["reciprocity"] == .text("mutual"))
    #expect(made.settings["resolution"] == .number(0.5))
    #expect(made.seed == 12)
    #expect(made.input == nil)
    #expect(made.jsonText.hasPrefix(#"{"version":"\#(TrustmapVersion.current)","input":null,"settings":{"#))
    #expect(made.jsonText.hasSuffix(#""seed":12},"seed":12}"#))
  }

  @Test func standardInputIsNamedAsSuch() {
    let digest = InputDigest(file: nil, sha256: "ab", bytes: 2)
    #expect(digest.jsonText == #"{"stdin":true,"sha256":"ab","bytes":2}"#)
    var made = Provenance(input: digest, settings: KeyedList(keys: [], values: []), seed: nil)
    made.previousInput = InputDigest(file: "old.json", sha256: "cd", bytes: 3)
    #expect(
      made.adding("minimumGroupSize", .integer(5)).jsonText
        == #"{"version":"\#(TrustmapVersion.current)","input":{"stdin":true,"sha256":"ab","bytes":2},"#
        + #""previousInput":{"file":"old.json","sha256":"cd","bytes":3},"#
        + #""settings":{"minimumGroupSize":5},"seed":null}"#)
  }
}
