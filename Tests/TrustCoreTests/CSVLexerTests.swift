import Testing

@testable import TrustCore

/// The CSV lexer: RFC 4180 records, every error's place and message, the
/// header helper, Kumu's cells, and random tables against a reference.
@Suite("CSV lexer")
struct CSVLexerTests {
  @Test func recordsAreReadAsRFC4180Says() {
    #expect(csvRecords("a,b,c\n1,2,3\n").records == [["a", "b", "c"], ["1", "2", "3"]])
    #expect(csvRecords("a,b\r\n1,2").records == [["a", "b"], ["1", "2"]])
    #expect(
      csvRecords("a,\"b,c\",\"d \"\"e\"\"\"\n\"x\ny\",,\"\"\n").records == [
        ["a", "b,c", "d \"e\""], ["x\ny", "", ""],
      ])
    #expect(csvRecords("a,\n,b\n,\n\"q\",").records == [["a", ""], ["", "b"], ["", ""], ["q", ""]])
    #expect(csvRecords("\n\na\r\n\r\n\nb\n\n").records == [["a"], ["b"]])
    #expect(csvRecords(bytes: [0xEF, 0xBB, 0xBF] + Array("id\nana".utf8)).records == [["id"], ["ana"]])
    #expect(csvRecords("").records.isEmpty)
    #expect(csvRecords(bytes: [0xEF, 0xBB, 0xBF]).records.isEmpty)
    #expect(csvRecords("é,日本\n😀,\"ü\"").records == [["é", "日本"], ["😀", "ü"]])
    #expect(csvRecords("a, b ,c\t").records == [["a", " b ", "c\t"]])
  }

  @Test(arguments: [
    ("from,to,strength\n", UInt8(ascii: ",")),
    ("from;to;strength\n", UInt8(ascii: ";")),
    ("from\tto\tstrength\n", 0x09),
    ("\"a,b\";c\n", UInt8(ascii: ";")),
    ("name;\"x\ty\tz\"\tw\n", UInt8(ascii: ";")),
    ("id\n", UInt8(ascii: ",")),
    ("a,b;c\n", UInt8(ascii: ",")),
    ("a;b\tc\n", UInt8(ascii: ";")),
    ("a\tb,c\n", UInt8(ascii: ",")),
    ("a\tb\tc,d;e\n1,2", 0x09),
  ])
  func theDelimiterIsTheHeadersMostFrequent(header: String, delimiter: UInt8) {
    Array(header.utf8).withUnsafeBufferPointer { buffer in
      #expect(CSVLexer(bytes: buffer).delimiter == delimiter)
    }
  }

  /// Inside quotes a control character is text (trustmap's writer quotes any
  /// field holding one); outside quotes it is taken for binary data. The
  /// csv fuzz target's reference had it an error everywhere (found by its
  /// 30-minute run; Fuzz/Corpus-csv/nul-in-quotes.csv).
  @Test func controlCharactersAreTextOnlyInsideQuotes() {
    let quoted = csvRecords("a;b\r\n\"x\";\"y\u{0}\u{1}z\"\r\n")
    #expect(quoted.failure == nil)
    #expect(quoted.records == [["a", "b"], ["x", "y\u{0}\u{1}z"]])
    let bare = csvRecords("a;b\r\nx;y\u{0}\r\n")
    #expect(bare.failure?.offset == 8)
    #expect(bare.failure?.message == "control character U+0000 in a field (binary data?)")
  }

  @Test func aSemicolonFileKeepsDecimalCommas() {
    #expect(csvRecords("from;to;weight\na;b;0,5\n").records == [["from", "to", "weight"], ["a", "b", "0,5"]])
    #expect(csvRecords("a\tb\n1,5\t\"x\ty\"").records == [["a", "b"], ["1,5", "x\ty"]])
  }

  @Test(arguments: [
    ("a,\"b\nc", 2, "syntax", "unclosed quote: the field runs to the end of the file"),
    ("\"", 0, "syntax", "unclosed quote: the field runs to the end of the file"),
    (
      "ab\"c\",d", 2, "syntax",
      "a quote inside an unquoted field; quote the whole field and double the quote (\"a \"\"b\"\"\")"
    ),
    (
      "a,b\"", 3, "syntax",
      "a quote inside an unquoted field; quote the whole field and double the quote (\"a \"\"b\"\"\")"
    ),
    (
      "\"a\"b,c", 3, "syntax",
      "unexpected 'b' after a quoted field; expected the delimiter ',' or the end of the line"
    ),
    (
      "\"a\" ,c", 3, "syntax",
      "unexpected space after a quoted field; expected the delimiter ',' or the end of the line"
    ),
    (
      "x;\"a\",c;d", 5, "syntax",
      "unexpected ',' after a quoted field; expected the delimiter ';' or the end of the line"
    ),
    (
      "\"a\"\rb", 3, "syntax",
      "unexpected carriage return after a quoted field; expected the delimiter ',' or the end of the line"
    ),
    ("a\rb", 1, "syntax", "a carriage return not followed by a line feed"),
    ("a,b\r", 3, "syntax", "a carriage return not followed by a line feed"),
    ("a\u{0}b", 1, "invalid-utf8", "control character U+0000 in a field (binary data?)"),
    ("a,\u{7F}", 2, "invalid-utf8", "control character U+007F in a field (binary data?)"),
    ("a\u{1B}", 1, "invalid-utf8", "control character U+001B in a field (binary data?)"),
    ("a,b\n1,2,3\n", 7, "syntax", "this record has 3 fields, 1 more than the header's 2"),
    ("a,b\n1,2,\"3\",4,,\n", 7, "syntax", "this record has 6 fields, 4 more than the header's 2"),
    ("a\n1,\n", 3, "syntax", "this record has 2 fields, 1 more than the header's 1"),
  ])
  func errorsHaveTheirPlaceAndMessage(text: String, offset: Int, code: String, message: String) {
    let failure = csvRecords(text, header: true).failure
    #expect(failure?.message == message)
    #expect(failure?.offset == offset)
    #expect(failure?.code.description == code)
  }

  @Test func invalidUTF8IsAnErrorInAnyField() {
    let cases: [([UInt8], Int)] = [
      (Array("a,".utf8) + [0xFF] + Array(",c".utf8), 2),
      (Array("\"a".utf8) + [0xC3, 0x28] + Array("\"".utf8), 2),
      (Array("a\nb".utf8) + [0xED, 0xA0, 0x80], 3),
      (Array("x,".utf8) + [0xE2, 0x82], 2),
      ([0xF5, 0x80, 0x80, 0x80], 0),
    ]
    for (bytes, offset) in cases {
      let failure = csvRecords(bytes: bytes).failure
      #expect(failure?.code == .invalidUTF8, "\(bytes)")
      #expect(failure?.offset == offset, "\(bytes)")
      #expect(failure?.message == "invalid UTF-8 byte \(lexHex(bytes[offset]))")
    }
  }

  @Test func aSpecialByteIsFoundAtEveryPlaceOfALongField() {
    for place in 0..<20 {
      let before = String(repeating: "x", count: place)
      let after = String(repeating: "y", count: 19 - place)
      #expect(csvRecords("\(before),\(after)\n").records == [[before, after]], "comma at \(place)")
      let lines = [[before], [after]].filter { !$0[0].isEmpty }
      #expect(csvRecords("\(before)\n\(after)").records == lines)
      #expect(csvRecords("\(before)\r\n\(after)").records == lines)
      #expect(csvRecords("\(before)é\t\(after),z").records == [["\(before)é\t\(after)", "z"]])
      #expect(csvRecords("\(before)\"\(after)").failure?.offset == place)
      #expect(csvRecords("\(before)\u{1}\(after)").failure?.offset == place)
      #expect(csvRecords("\(before)\u{7F}\(after)").failure?.offset == place)
      #expect(csvRecords("\(before)\r\(after)").failure?.offset == place)
      #expect(csvRecords(bytes: Array(before.utf8) + [0xFF] + Array(after.utf8)).failure?.offset == place)
    }
  }

  @Test func fewerFieldsThanTheHeaderAreTheReadersToJudge() {
    #expect(csvRecords("a,b,c\n1\n2,3\n", header: true).records == [["a", "b", "c"], ["1"], ["2", "3"]])
  }

  @Test func fieldsAreRangesWithTheirPlaces() throws {
    let bytes = Array("id,\"na\"\"me\"\r\nana,\"Ana\"\n".utf8)
    var fields: [CSVField] = []
    var starts: [Int] = []
    var counts: [Int] = []
    try bytes.withUnsafeBufferPointer { buffer in
      var lexer = CSVLexer(bytes: buffer)
      while try lexer.nextRecord() {
        starts.append(lexer.recordStart)
        counts.append(lexer.recordCount)
        for index in 0..<lexer.fieldCount { fields.append(lexer.field(index)) }
      }
      #expect(lexer.withText(fields[1]) { Array($0) } == Array("na\"me".utf8))
    }
    #expect(starts == [0, 13])
    #expect(counts == [1, 2])
    #expect(
      fields == [
        CSVField(start: 0, end: 2, isQuoted: false, needsUnquoting: false),
        CSVField(start: 4, end: 10, isQuoted: true, needsUnquoting: true),
        CSVField(start: 13, end: 16, isQuoted: false, needsUnquoting: false),
        CSVField(start: 18, end: 21, isQuoted: true, needsUnquoting: false),
      ])
    #expect(fields[1].writtenStart == 3)
  }

  @Test func theHeaderMatchesAliasesAndKeepsUnknownColumns() throws {
    let text = "\u{FEFF} Source ;TARGET;Weight;Type;team;\"Favourite Food\"\na;b;1;Undirected;x;y\n"
    let header = try csvHeader(
      text,
      columns: [
        ["from", "source", "ego"], ["to", "target", "alter"], ["strength", "weight"],
        ["mutual"], ["context", "contexts", "type"], ["reportsTo", "manager"],
      ])
    #expect(header.columns == [0, 1, 2, nil, 3, nil])
    #expect(header.unknown.map(\.index) == [4, 5])
    #expect(header.unknown.map(\.name) == ["team", "Favourite Food"])
    #expect(header.names == ["Source", "TARGET", "Weight", "Type", "team", "Favourite Food"])
    let manager = try csvHeader("id,Manager,reportsto\n", columns: [["id"], ["reportsTo"]])
    #expect(manager.columns == [0, 2])
  }

  @Test func aColumnNamedTwiceIsADuplicateKey() {
    #expect(
      throws: LexFailure(
        code: .duplicateKey, message: "the header names the column 'from' twice: 'from' and 'Source'",
        offset: 8)
    ) {
      try csvHeader("from,to,Source\n", columns: [["from", "source"], ["to"]])
    }
    #expect(
      throws: LexFailure(
        code: .duplicateKey, message: "the header has the column 'Team' more than once", offset: 13)
    ) {
      try csvHeader("id,team,site,Team\n", columns: [["id"]])
    }
  }

  @Test func kumuCellsSplitOnBars() {
    func parts(_ text: String) -> [String] {
      let bytes = Array(text.utf8)
      return bytes.withUnsafeBufferPointer { buffer in
        var iterator = CSVCellParts(buffer)
        var found: [String] = []
        while let part = iterator.next() {
          found.append(String(decoding: buffer[part], as: UTF8.self))
        }
        return found
      }
    }
    #expect(parts("design|research") == ["design", "research"])
    #expect(parts(" a | b||c |") == ["a", "b", "c"])
    #expect(parts("") == [])
    #expect(parts("|||") == [])
    #expect(parts("solo") == ["solo"])
    #expect(parts("é|日本") == ["é", "日本"])
  }

  @Test func randomTablesReadBackExactly() {
    var random = SeededGenerator(seed: 4180)
    let pieces = ["a", "p17", "0.5", " ", "x y", ",", ";", "\t", "\"", "\"\"", "\n", "\r\n", "é", "|", ""]
    for round in 0..<500 {
      let delimiter = [",", ";", "\t"][round % 3]
      let columns = Int.random(in: 1...5, using: &random)
      var table: [[String]] = []
      for _ in 0..<Int.random(in: 1...8, using: &random) {
        table.append(
          (0..<columns).map { _ in
            (0..<Int.random(in: 0...3, using: &random)).map { _ in
              pieces.randomElement(using: &random) ?? ""
            }.joined()
          })
      }
      // The header must show the delimiter most often: plain names, at least two columns.
      table[0] = (0..<max(2, columns)).map { "c\($0)" }
      for row in table.indices.dropFirst() where table[row].count < table[0].count {
        table[row] += Array(repeating: "v", count: table[0].count - table[row].count)
      }
      let lineEnd = Bool.random(using: &random) ? "\r\n" : "\n"
      var text = Bool.random(using: &random) ? "\u{FEFF}" : ""
      for (number, row) in table.enumerated() {
        if number > 0 { text += lineEnd }
        text += row.map { field in
          let special = field.utf8.contains(where: { Array("\"\n\r,;\t".utf8).contains($0) })
          guard special || Int.random(in: 0..<4, using: &random) == 0 else { return field }
          return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: delimiter)
      }
      if Bool.random(using: &random) { text += lineEnd }
      let read = csvRecords(text, header: true)
      #expect(read.failure == nil, "round \(round): \(text.debugDescription)")
      #expect(read.records == table, "round \(round): \(text.debugDescription)")
      #expect(read.records == referenceCSVRecords(text).records, "round \(round)")
    }
  }

  @Test func mutatedTablesAgreeWithTheReferenceSplitter() {
    var random = SeededGenerator(seed: 7)
    let inserts = Array(",;\t\"\n\r x".utf8)
    var failures = 0
    for round in 0..<2000 {
      var bytes = Array("from,to,w\n\"a b\",\"c\"\"d\",1\r\np,\"q\nr\",\n".utf8)
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        let at = Int.random(in: 0..<bytes.count, using: &random)
        if Bool.random(using: &random) {
          bytes.insert(inserts.randomElement(using: &random) ?? 0x22, at: at)
        } else {
          bytes.remove(at: at)
        }
      }
      let text = String(decoding: bytes, as: UTF8.self)
      let ours = csvRecords(bytes: bytes, header: true)
      let reference = referenceCSVRecords(text)
      #expect((ours.failure == nil) == reference.ok, "round \(round): \(text.debugDescription)")
      if ours.failure == nil { #expect(ours.records == reference.records, "round \(round)") }
      if ours.failure != nil { failures += 1 }
    }
    #expect(failures > 200 && failures < 1800, "\(failures) of 2000 failed")
  }
}

private func csvHeader(_ text: String, columns: [[String]]) throws(LexFailure) -> CSVHeader {
  let bytes = Array(text.utf8)
  let result: Result<CSVHeader, LexFailure> = bytes.withUnsafeBufferPointer { buffer in
    var lexer = CSVLexer(bytes: buffer)
    do throws(LexFailure) {
      _ = try lexer.nextRecord()
      return .success(try CSVHeader(lexer, columns: columns))
    } catch {
      return .failure(error)
    }
  }
  return try result.get()
}

/// RFC 4180 written as plainly as possible, with the lexer's choices (empty
/// lines skipped, no record longer than the header), for ASCII tables.
func referenceCSVRecords(_ text: String) -> (records: [[String]], ok: Bool) {
  var bytes = Array(text.utf8)
  if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
  let delimiter: UInt8 = {
    var counts: [UInt8: Int] = [:]
    var quoted = false
    for byte in bytes {
      if byte == 0x22 { quoted.toggle() }
      if !quoted && (byte == 0x0A || byte == 0x0D) { break }
      if !quoted { counts[byte, default: 0] += 1 }
    }
    let comma = counts[0x2C] ?? 0
    let semicolon = counts[0x3B] ?? 0
    let tab = counts[0x09] ?? 0
    if semicolon > comma && semicolon >= tab { return 0x3B }
    return tab > comma && tab > semicolon ? 0x09 : 0x2C
  }()
  var records: [[String]] = []
  var index = 0
  func at(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }
  while index < bytes.count {
    if at(index) == 0x0A {
      index += 1
      continue
    }
    if at(index) == 0x0D && at(index + 1) == 0x0A {
      index += 2
      continue
    }
    var record: [String] = []
    while true {
      var field: [UInt8] = []
      if at(index) == 0x22 {
        index += 1
        while true {
          guard let byte = at(index) else { return (records, false) }
          if byte == 0x22 {
            if at(index + 1) == 0x22 {
              field.append(0x22)
              index += 2
              continue
            }
            index += 1
            break
          }
          field.append(byte)
          index += 1
        }
      } else {
        while let byte = at(index), byte != delimiter, byte != 0x0A, byte != 0x0D, byte != 0x22 {
          field.append(byte)
          index += 1
        }
      }
      record.append(String(decoding: field, as: UTF8.self))
      guard let byte = at(index) else { break }
      if byte == delimiter {
        index += 1
        if index == bytes.count {
          record.append("")
          break
        }
        continue
      }
      if byte == 0x0A {
        index += 1
        break
      }
      if byte == 0x0D && at(index + 1) == 0x0A {
        index += 2
        break
      }
      return (records, false)
    }
    if let header = records.first, record.count > header.count { return (records, false) }
    records.append(record)
  }
  return (records, true)
}
