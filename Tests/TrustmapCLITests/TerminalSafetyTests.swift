import Foundation
import Testing

@testable import TrustmapCLI

/// A name that clears the screen, reverses the rest of its line, and breaks
/// the line: what a crafted survey answer could hold.
private let craftedName = "Bob\u{1B}[2J\u{202E}evil\nsecond line"

@Suite("Terminal safety: a crafted name cannot rewrite the screen")
struct TerminalSafetyTests {
  @Test func controlAndBidirectionalCharactersAreShownEscaped() {
    #expect(TerminalText.escaped("plain name, é and 名前") == "plain name, é and 名前")
    #expect(TerminalText.escaped(craftedName) == "Bob\\u{1B}[2J\\u{202E}evil\\u{A}second line")
    #expect(TerminalText.escaped("a\tb\rc\u{7F}d\u{9B}e") == "a\\u{9}b\\u{D}c\\u{7F}d\\u{9B}e")
    #expect(
      TerminalText.escaped("\u{2066}\u{2067}\u{2068}\u{2069}\u{202A}\u{202B}\u{202C}\u{202D}\u{200E}\u{200F}\u{061C}")
        == "\\u{2066}\\u{2067}\\u{2068}\\u{2069}\\u{202A}\\u{202B}\\u{202C}\\u{202D}\\u{200E}\\u{200F}\\u{61C}")
    // Escaping twice changes nothing more: escaped text has no control left.
    #expect(TerminalText.escaped(TerminalText.escaped(craftedName)) == TerminalText.escaped(craftedName))
    #expect(TerminalText.escapedLines("one\u{1B}\ntwo\n") == "one\\u{1B}\ntwo\n")
  }

  @Test func textReportsEscapeNamesButJSONAndCSVKeepThemExactly() throws {
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("crafted.json")
      let network: [String: Any] = [
        "trustmap": 1, "name": "Team\u{1B}]0;owned\u{7}",
        "people": [
          ["id": "bob", "name": craftedName, "attributes": ["team": "t\u{202E}x"]], ["id": "ana"],
        ],
        "ties": [["from": "ana", "to": "bob", "strength": 0.9]],
        "communities": [["id": "c", "name": "Club\u{9B}2J", "members": ["ana", "bob"]]],
      ]
      try JSONSerialization.data(withJSONObject: network).write(to: file)
      for arguments in [
        ["reach", file.path, "--person", "ana"], ["analyse", file.path], ["tribes", file.path],
        ["groups", file.path, "--community", "c"],
      ] {
        let text = trustmap(arguments)
        #expect(text.status == 0, "\(arguments): \(text.errors)")
        let unsafe = text.output.unicodeScalars.filter { TerminalText.isUnsafe($0) && $0 != "\n" }
        #expect(unsafe.isEmpty, "\(arguments)")
        #expect(!text.output.contains("evil\nsecond line"))  // the name cannot break its line
      }
      let reach = trustmap("reach", file.path, "--person", "ana").output
      #expect(reach.contains("Bob\\u{1B}[2J\\u{202E}evil\\u{A}second line"))
      let json = try TrustmapCLITests.json(
        trustmap("convert", file.path, "-", "--to", "json").output)
      let people = try #require(json["people"] as? [[String: Any]])
      #expect(people[0]["name"] as? String == craftedName)
      let csv = trustmap("analyse", file.path, "--format", "csv").output
      #expect(csv.contains("\"\(craftedName)\""))  // quoted, exact
    }
  }

  @Test func standardErrorIsEscapedToo() throws {
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("crafted.json")
      try #"{"trustmap": 1, "people": [{"id": "x\u202Eyz"}], "ties": []}"#
        .write(to: file, atomically: true, encoding: .utf8)
      let result = trustmap("reach", file.path, "--person", "x")
      #expect(result.status == 64)
      #expect(result.errors.contains("x\\u{202E}yz"))
      #expect(!result.errors.unicodeScalars.contains("\u{202E}"))
    }
  }
}
