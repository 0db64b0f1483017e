/// Reading a CSV ties file: a record per tie, its ends as ranges of the
/// file, its weight through the assembler's weight rules, `mutual` from a
/// `mutual` cell or Gephi's `Type` of `Undirected`, contexts from a
/// `contexts` cell (`;` or Kumu's `|` between them) and from a `Type` that
/// is neither `Directed` nor `Undirected` (Kumu's connection type).
extension CSVNetworkReader {
  /// The columns of a ties file that were found, by field index.
  struct TieLayout {
    var from: Int
    var to: Int
    var strength: Int?
    var mutual: Int?
    var type: Int?
    var contexts: Int?
    /// Viva's collaborator attributes: field, key text, and which end (from: true).
    var attributes: [(field: Int, key: String, from: Bool)] = []
    /// Each attribute's key number, once first used.
    var keys: [Int?] = []
  }

  /// What a ties file's header settles for reading its records, in one
  /// pass or in parts.
  struct TieHeader {
    var layout: TieLayout
    var delimiter: UInt8
    /// The most fields a record may have (the header's count).
    var fieldLimit: Int
    /// The offset after the header, where the records start.
    var recordsStart: Int
    /// The fields a record needs to hold both ends.
    var needed: Int
  }

  /// Reads the ties file, the network's own source: in one pass, or with
  /// its first part read on another thread (`firstPart`, started by
  /// ``startTiesEarly(_:peopleBytes:)``).
  ///
  /// - Complexity: O(*b*) in the file's bytes.
  mutating func readTies(_ bytes: UnsafeBufferPointer<UInt8>, firstPart: TiesFirstPart? = nil)
    throws(LexFailure)
  {
    let header: TieHeader?
    do throws(LexFailure) {
      header = try readTieHeader(bytes)
    } catch {
      _ = firstPart?.finish()
      throw error
    }
    guard let header else {
      _ = firstPart?.finish()
      return
    }
    if let firstPart {
      try readTiesInTwo(bytes, header, firstPart: firstPart)
    } else {
      _ = try readTieRecords(bytes, header, from: header.recordsStart, stop: nil)
    }
  }

  /// Reads the ties file's header: the columns found, with a warning for
  /// each that is not read; `nil` (reported) when the file is empty or has
  /// no column for either end.
  mutating func readTieHeader(_ bytes: UnsafeBufferPointer<UInt8>) throws(LexFailure)
    -> TieHeader?
  {
    var lexer = CSVLexer(bytes: bytes)
    guard
      let header = try header(
        &lexer, columns: CSVColumns.ties, file: "ties file", example: "from,to,strength",
        source: tieSource)
    else { return nil }
    assembler.networkPlace = Self.place(tieSource, lexer.dataStart)
    guard let from = header.columns[CSVColumns.from], let to = header.columns[CSVColumns.to] else {
      let missing = header.columns[CSVColumns.from] == nil ? CSVColumns.from : CSVColumns.to
      missingColumn(
        CSVColumns.ties[missing], file: "ties file", header: header, source: tieSource,
        at: lexer.dataStart)
      return nil
    }
    var layout = TieLayout(
      from: from, to: to, strength: header.columns[CSVColumns.strength],
      mutual: header.columns[CSVColumns.mutual], type: header.columns[CSVColumns.type],
      contexts: header.columns[CSVColumns.contexts])
    for (field, name) in header.unknown {
      let lower = asciiLowercased(name)
      if lower.hasPrefix(CSVColumns.primaryPrefix) || lower.hasPrefix(CSVColumns.secondaryPrefix) {
        let isFrom = lower.hasPrefix(CSVColumns.primaryPrefix)
        let prefix = isFrom ? CSVColumns.primaryPrefix : CSVColumns.secondaryPrefix
        if implicitPeople {
          layout.attributes.append((field, String(name.dropFirst(prefix.count)), isFrom))
        }
      } else if !CSVColumns.ignoredTieNames.contains(lower) {
        assembler.formatProblem(
          .invalidValue, in: tieSource, at: lexer.field(field).writtenStart, severity: .warning,
          "the column '\(name)' is not read; a ties file's columns are from, to, strength, "
            + "mutual, type and contexts")
      }
    }
    layout.keys = Array(repeating: nil, count: layout.attributes.count)
    return TieHeader(
      layout: layout, delimiter: lexer.delimiter, fieldLimit: lexer.expectedFieldCount,
      recordsStart: lexer.position, needed: max(from, to) + 1)
  }

  /// Reads tie records from `start` (a record's first byte), numbering
  /// them from 0, to the end of the file or, with `stop`, until a record
  /// ends at or past `stop`; returns the offset after the last record read
  /// and how many were read.
  ///
  /// - Complexity: O(*b*) in the bytes read.
  mutating func readTieRecords(
    _ bytes: UnsafeBufferPointer<UInt8>, _ header: TieHeader, from start: Int, stop: Int?
  ) throws(LexFailure) -> (end: Int, records: Int) {
    var lexer = CSVLexer(
      continuing: bytes, delimiter: header.delimiter, fieldLimit: header.fieldLimit, at: start)
    var layout = header.layout
    let needed = header.needed
    let stop = stop ?? Int.max
    var ordinal = 0
    while try lexer.nextRecord() {
      let record = ordinal
      ordinal += 1
      if lexer.fieldCount >= needed {
        readTie(record, &lexer, &layout)
      } else {
        shortRecord(lexer, needed: needed, source: tieSource, path: .tie(record))
        assembler.dropTie()
      }
      if lexer.position >= stop { break }
    }
    return (lexer.position, ordinal)
  }

  /// Reads the tie in the lexer's current record.
  @inline(__always)
  private mutating func readTie(_ ordinal: Int, _ lexer: inout CSVLexer, _ layout: inout TieLayout)
  {
    let fromField = lexer.field(layout.from)
    let toField = lexer.field(layout.to)
    if implicitPeople {
      addEndPerson(fromField, isFrom: true, &lexer, &layout)
      addEndPerson(toField, isFrom: false, &lexer, &layout)
    }
    let from = end(fromField, side: .from, ordinal: ordinal, &lexer)
    let to = end(toField, side: .to, ordinal: ordinal, &lexer)
    var strength = 1.0
    if let column = layout.strength, column < lexer.fieldCount {
      let cell = lexer.field(column)
      let place = Self.place(tieSource, cell.writtenStart)
      switch lexer.withText(cell, { assembler.weight(parsing: $0, at: place, ordinal: ordinal) }) {
      case .keep(let value): strength = value
      case .drop:
        assembler.dropTie()
        return
      }
    }
    var mutual = false
    if let column = layout.mutual, column < lexer.fieldCount {
      mutual = self.mutual(lexer.field(column), ordinal: ordinal, &lexer)
    }
    if let column = layout.type, column < lexer.fieldCount {
      let cell = lexer.field(column)
      lexer.withText(cell) { text in
        var parts = CSVCellParts(text)
        while let part = parts.next() {
          let value = UnsafeBufferPointer(rebasing: text[part])
          if asciiEqualsIgnoringCase(value, "undirected")
            || asciiEqualsIgnoringCase(value, "mutual")
          {
            mutual = true
          } else if !asciiEqualsIgnoringCase(value, "directed") {
            assembler.addTieContext(value)
          }
        }
      }
    }
    if let column = layout.contexts, column < lexer.fieldCount {
      lexer.withText(lexer.field(column)) { text in
        var parts = CSVCellParts(text, separator: UInt8(ascii: ";"), alternate: UInt8(ascii: "|"))
        while let part = parts.next() {
          assembler.addTieContext(UnsafeBufferPointer(rebasing: text[part]))
        }
      }
    }
    guard let from, let to else {
      assembler.dropTie()
      return
    }
    assembler.addTie(ordinal: ordinal, from: from, to: to, strength: strength, mutual: mutual)
  }

  /// A tie end from its cell: a range of the file, or a staged copy when
  /// the cell holds doubled quotes; `nil` (reported) when it is empty.
  @inline(__always)
  private mutating func end(
    _ field: CSVField, side: TieSide, ordinal: Int, _ lexer: inout CSVLexer
  ) -> TieEnd? {
    if field.isEmpty {
      assembler.diagnostics.add(
        .error, .invalidValue, at: Self.place(tieSource, field.writtenStart),
        path: .tie(ordinal, side == .from ? .from : .to),
        side == .from ? "the cell of who trusts is empty" : "the cell of whom they trust is empty")
      return nil
    }
    if !field.needsUnquoting {
      return TieEnd(start: field.start, length: field.end - field.start, quoted: field.isQuoted)
    }
    let place = Self.place(tieSource, field.writtenStart)
    return lexer.withText(field) { assembler.stageTieEnd(id: $0, at: place, side: side) }
  }

  /// Adds the person a tie end names if they are new, with their Viva
  /// attributes from this record.
  private mutating func addEndPerson(
    _ field: CSVField, isFrom: Bool, _ lexer: inout CSVLexer, _ layout: inout TieLayout
  ) {
    guard !field.isEmpty else { return }
    let place = Self.place(tieSource, field.writtenStart)
    let isNew = lexer.withText(field) { id -> Bool in
      guard assembler.people.ids.index(of: id) == nil else { return false }
      assembler.beginPerson(ordinal: assembler.people.count)
      return assembler.personID(id, at: place)
    }
    guard isNew else { return }
    for (position, attribute) in layout.attributes.enumerated()
    where attribute.from == isFrom && attribute.field < lexer.fieldCount {
      let cell = lexer.field(attribute.field)
      guard !cell.isEmpty else { continue }
      let key =
        layout.keys[position]
        ?? Array(attribute.key.utf8).withUnsafeBufferPointer {
          assembler.personAttributeKey($0).key
        }
      layout.keys[position] = key
      lexer.withText(cell) { assembler.personAttribute(key: key, value: $0) }
    }
    assembler.finishPerson()
  }

  /// A `mutual` cell: `true`, `yes`, `1` or `false`, `no`, `0`, in any
  /// case; empty is false; anything else is reported.
  private mutating func mutual(_ field: CSVField, ordinal: Int, _ lexer: inout CSVLexer) -> Bool {
    let place = Self.place(tieSource, field.writtenStart)
    return lexer.withText(field) { text -> Bool in
      if text.isEmpty { return false }
      let yes: [StaticString] = ["true", "yes", "1", "y"]
      let no: [StaticString] = ["false", "no", "0", "n"]
      if yes.contains(where: { asciiEqualsIgnoringCase(text, $0) }) { return true }
      if no.contains(where: { asciiEqualsIgnoringCase(text, $0) }) { return false }
      assembler.diagnostics.add(
        .error, .wrongType, at: place, path: .tie(ordinal, .mutual),
        "expected true or false, found '\(NetworkAssembler.shortText(text))'")
      return false
    }
  }
}

/// Whether `bytes` are the ASCII text `literal`, ignoring ASCII case;
/// `literal` is lowercase.
///
/// ```swift
/// asciiEqualsIgnoringCase(cell, "undirected")  // true for "Undirected"
/// ```
///
/// A `StaticString`, not a `String`: a ties file asks this of every record's
/// `Type` cell, and walking a `String`'s UTF-8 view was a third of reading
/// one (a CSV of 10,000,000 ties spent 1.1 s in it).
///
/// - Complexity: O(*k*) for *k* bytes.
@inline(__always)
func asciiEqualsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
  literal.withUTF8Buffer { expected in
    guard bytes.count == expected.count else { return false }
    for index in 0..<expected.count {
      let byte = bytes[index]
      let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
      if lower != expected[index] { return false }
    }
    return true
  }
}
