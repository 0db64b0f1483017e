import Testing

@testable import TrustCore

/// The line lexers: Pajek `.net`, NetDraw `.vna` and plain edge lists, with
/// their tokens, places and every error.
@Suite("Line lexers")
struct LineLexerTests {
  @Test func pajekLinesAreSectionsAndTokens() throws {
    let text = """
      % exported by a tool
      *Network trust
      *Vertices 3
      1 "Ana Lima" 0.1 0.2 0.5
      2 "b" ic Red
      3 c
      *Arcs
      1 2 1.0
      *edges % undirected
      1 3
      *ArcsList
      1 2 3
      *Edgeslist\r
      2 3\r

      """
    #expect(
      try pajekTrace(text) == [
        "*network", "*vertices 3", "data 1|Ana Lima'|0.1|0.2|0.5", "data 2|b'|ic|Red", "data 3|c",
        "*arcs", "data 1|2|1.0", "*edges", "data 1|3", "*arcsList", "data 1|2|3", "*edgesList",
        "data 2|3",
      ])
    #expect(try pajekTrace("*Vertices 5 2\n") == ["*vertices 5 (2)"])
    #expect(try pajekTrace("*Matrix\n0 1\n1 0\n") == ["*matrix", "data 0|1", "data 1|0"])
  }

  @Test(arguments: [
    ("1 2\n", 0, "a data line before the first section; a Pajek file starts with '*Vertices n'"),
    (
      "*Network x\n1 2\n", 11,
      "a data line before the first section; a Pajek file starts with '*Vertices n'"
    ),
    ("*Vertices\n", 9, "expected the number of vertices after '*Vertices'"),
    ("*Vertices x\n", 10, "expected the number of vertices after '*Vertices'"),
    ("*Vertices -1\n", 10, "expected the number of vertices after '*Vertices'"),
    ("*Vertices 99999999999999999999\n", 10, "expected the number of vertices after '*Vertices'"),
    // Found by the formats fuzz target: a declared count allocated before any vertex was read.
    (
      "*Vertices 37777777777777772\n", 10,
      "'*Vertices 37777777777777772' declares more vertices than trustmap reads from a file of "
        + "28 bytes (at most 4194304); list the vertices, or give their count"
    ),
    ("*Vertices 2 3\n", 12, "the two-mode count after '*Vertices 2' must be a whole number from 0 to 2"),
    ("*Vertices 2 1 x\n", 14, "unexpected 'x' after the counts"),
    (
      "*Vertices 1\n*Partition\n", 12,
      "unknown Pajek section '*Partition'; expected *Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist, *Matrix or *Network"
    ),
    ("*Vertices 1\n*Arcs\n1\n", 18, "a tie line needs two vertex numbers"),
    ("*Vertices 1\n1 \"Ana\n", 14, "unclosed quote: the token runs to the end of the line"),
    ("*Vertices 1\n1 \"a\"b\n", 17, "unexpected 'b' after a closing quote; expected a space or the end of the line"),
    ("*Vertices 1\n1 a\"b\"\n", 15, "a quote inside an unquoted token; quote the whole token (\"a b\")"),
    ("*Vertices 1\r1 a\n", 11, "a carriage return not followed by a line feed"),
    ("*Vertices 1\n1 \u{7}\n", 14, "control character U+0007 (binary data?)"),
  ])
  func pajekErrorsHaveTheirPlaceAndMessage(text: String, offset: Int, message: String) {
    #expect(throws: LexFailure(code: message.hasPrefix("control") ? .invalidUTF8 : .syntax, message: message, offset: offset)) {
      _ = try pajekTrace(text)
    }
  }

  @Test func invalidUTF8IsAnErrorInEveryLineFormat() {
    let bytes = Array("*Vertices 1\n1 \"".utf8) + [0xC3, 0x28] + Array("\"\n".utf8)
    #expect(throws: LexFailure(code: .invalidUTF8, message: "invalid UTF-8 byte 0xC3", offset: 15)) {
      _ = try bytes.withUnsafeBufferPointer { buffer throws(LexFailure) in
        var lexer = PajekLexer(bytes: buffer)
        while try lexer.next() != nil {}
      }
    }
    let edges = Array("a b\nc ".utf8) + [0xFF]
    #expect(throws: LexFailure(code: .invalidUTF8, message: "invalid UTF-8 byte 0xFF", offset: 6)) {
      _ = try edges.withUnsafeBufferPointer { buffer throws(LexFailure) in
        var lexer = EdgeListLexer(bytes: buffer)
        while try lexer.next() {}
      }
    }
  }

  @Test func vnaSectionsHaveHeadersAndData() throws {
    let text = """
      *node data
      ID name "team name"
      1 "Ana Lima" design
      2 Bo
      *Tie Data
      from to strength
      1 2 0.5\r
      *node properties
      ID color
      1 255
      """
    #expect(
      try vnaTrace(text) == [
        "*nodeData", "header ID|name|team name'", "data 1|Ana Lima'|design", "data 2|Bo",
        "*tieData", "header from|to|strength", "data 1|2|0.5", "*nodeProperties", "header ID|color",
        "data 1|255",
      ])
  }

  @Test(arguments: [
    ("1 2\n", 0, "a data line before the first section; a VNA file starts with '*node data' or '*tie data'"),
    ("*node data\nid\n1 2\n", 16, "this line has 2 fields, 1 more than the header's 1"),
    (
      "*edge data\n", 0,
      "unknown VNA section '*edge data'; expected *node data, *tie data, *node properties or *tie properties"
    ),
    (
      "*node\n", 0,
      "unknown VNA section '*node'; expected *node data, *tie data, *node properties or *tie properties"
    ),
    ("*tie data\nfrom to\n\"a b\" \"c\n", 24, "unclosed quote: the token runs to the end of the line"),
  ])
  func vnaErrorsHaveTheirPlaceAndMessage(text: String, offset: Int, message: String) {
    #expect(throws: LexFailure(code: .syntax, message: message, offset: offset)) {
      _ = try vnaTrace(text)
    }
  }

  @Test func edgeListsHaveTwoOrThreeColumns() throws {
    let text = "# a comment\n\na b\nb\tc 0.5   \n  c d # trailing\r\n#\n\"d q\" e\n"
    #expect(try edgeTrace(text) == ["a b -", "b c 0.5", "c d -", "d q e -"])
  }

  @Test(arguments: [
    ("a\n", 1, "an edge-list line has 2 or 3 columns (from, to, weight), not 1"),
    ("a b\nc d 1 {'weight': 2}\n", 10, "an edge-list line has 2 or 3 columns (from, to, weight), not 5"),
    ("a b\r\nc\td\re", 8, "a carriage return not followed by a line feed"),
  ])
  func edgeListErrorsHaveTheirPlaceAndMessage(text: String, offset: Int, message: String) {
    #expect(throws: LexFailure(code: .syntax, message: message, offset: offset)) {
      _ = try edgeTrace(text)
    }
  }

  @Test func tokensCarryTheirOffsets() throws {
    let bytes = Array("\u{FEFF}*Vertices 2\n 1  \"Ana\"\t0.5\n".utf8)
    var tokens: [LineToken] = []
    var starts: [Int] = []
    try bytes.withUnsafeBufferPointer { buffer throws(LexFailure) in
      var lexer = PajekLexer(bytes: buffer)
      while try lexer.next() != nil {
        starts.append(lexer.lines.lineStart)
        for index in 0..<lexer.lines.tokenCount { tokens.append(lexer.lines.token(index)) }
      }
    }
    #expect(starts == [3, 15])
    #expect(
      tokens == [
        LineToken(start: 3, end: 12, isQuoted: false), LineToken(start: 13, end: 14, isQuoted: false),
        LineToken(start: 16, end: 17, isQuoted: false), LineToken(start: 20, end: 23, isQuoted: true),
        LineToken(start: 25, end: 28, isQuoted: false),
      ])
    #expect(tokens[3].writtenStart == 19)
  }

  @Test func integersAreReadWithoutOverflow() {
    let bytes = Array("12 -7 +3 x 1.5 9223372036854775807 9223372036854775808 - \"\"".utf8)
    bytes.withUnsafeBufferPointer { buffer in
      var lines = LineTokenizer(bytes: buffer, comment: nil)
      #expect((try? lines.nextLine()) == true)
      let values = (0..<lines.tokenCount).map { lines.integer(lines.token($0)) }
      #expect(values == [12, -7, 3, nil, nil, Int.max, nil, nil, nil])
    }
  }
}

/// `*section [count]` lines and `data` lines with tokens joined by `|`, quoted ones marked `'`.
private func pajekTrace(_ text: String) throws(LexFailure) -> [String] {
  let bytes = Array(text.utf8)
  return try bytes.withUnsafeBufferPointer { buffer throws(LexFailure) in
    var lexer = PajekLexer(bytes: buffer)
    var lines: [String] = []
    while let line = try lexer.next() {
      switch line {
      case .section(let section):
        var entry = "*\(section)"
        if section == .vertices { entry += " \(lexer.vertexCount)" }
        if let first = lexer.firstModeCount { entry += " (\(first))" }
        lines.append(entry)
      case .data:
        lines.append("data " + joined(lexer.lines))
      }
    }
    return lines
  }
}

private func vnaTrace(_ text: String) throws(LexFailure) -> [String] {
  let bytes = Array(text.utf8)
  return try bytes.withUnsafeBufferPointer { buffer throws(LexFailure) in
    var lexer = VNALexer(bytes: buffer)
    var lines: [String] = []
    while let line = try lexer.next() {
      switch line {
      case .section(let section): lines.append("*\(section)")
      case .header: lines.append("header " + joined(lexer.lines))
      case .data: lines.append("data " + joined(lexer.lines))
      }
    }
    return lines
  }
}

private func edgeTrace(_ text: String) throws(LexFailure) -> [String] {
  let bytes = Array(text.utf8)
  return try bytes.withUnsafeBufferPointer { buffer throws(LexFailure) in
    var lexer = EdgeListLexer(bytes: buffer)
    var lines: [String] = []
    while try lexer.next() {
      let weight = lexer.weight.map { lexer.lines.string($0) } ?? "-"
      lines.append("\(lexer.lines.string(lexer.from)) \(lexer.lines.string(lexer.to)) \(weight)")
    }
    return lines
  }
}

private func joined(_ lines: borrowing LineTokenizer) -> String {
  (0..<lines.tokenCount).map { index in
    let token = lines.token(index)
    return lines.string(token) + (token.isQuoted ? "'" : "")
  }.joined(separator: "|")
}
