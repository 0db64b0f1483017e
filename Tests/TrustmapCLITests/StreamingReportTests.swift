import Foundation
import Testing

@testable import TrustmapCLI

/// A stream that keeps only how much was written, in how many pieces, and its start.
private struct MeasuringStream: TextOutputStream {
  var writes = 0
  var largest = 0
  var total = 0
  var lines = 0
  var start = ""

  mutating func write(_ string: String) {
    writes += 1
    largest = max(largest, string.utf8.count)
    total += string.utf8.count
    lines += string.utf8.count { $0 == 0x0A }
    if start.utf8.count < 200 { start += string.prefix(200) }
  }
}

@Suite("Reports of people × communities are written as computed")
struct StreamingReportTests {
  /// 400 people in a ring, 300 communities of 40: 108,000 rows of joins.
  private func manyCommunities() -> String {
    let people = 400
    let persons = (0..<people).map { "{\"id\":\"p\($0)\"}" }.joined(separator: ",")
    let ties = (0..<people).map {
      "{\"from\":\"p\($0)\",\"to\":\"p\(($0 + 1) % people)\",\"strength\":0.9}"
    }.joined(separator: ",")
    let groups = (0..<300).map { community in
      let members = (0..<40).map { "\"p\((community + $0) % people)\"" }.joined(separator: ",")
      return "{\"id\":\"c\(community)\",\"members\":[\(members)]}"
    }.joined(separator: ",")
    return "{\"trustmap\":1,\"people\":[\(persons)],\"ties\":[\(ties)],\"communities\":[\(groups)]}"
  }

  @Test func joinsCSVComesInPieces() throws {
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("many.json")
      try manyCommunities().write(to: file, atomically: true, encoding: .utf8)
      var out = MeasuringStream()
      var err = ""
      let status = run(
        arguments: ["trustmap", "joins", file.path, "--format", "csv"], stdout: &out, stderr: &err)
      #expect(status == 0, "\(err)")
      #expect(
        out.start.hasPrefix(
          "person,community,warmth,trustedMembers,introducers,pathToWarmth\n"
            + "p40,c0,direct,p39,,\np41,c0,introduced,,p40,\n"))
      // Pieces of about 64 KiB, never the whole report at once.
      #expect(out.total > 3_000_000)
      #expect(out.writes > 40)
      #expect(out.largest < 70_000)
      // Every non-member of every community: 300 × 360 rows and the header.
      #expect(out.lines == 300 * 360 + 1)
    }
  }
}
