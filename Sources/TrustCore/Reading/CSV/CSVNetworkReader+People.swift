/// Reading a CSV people file: a record per person. The id is the `id`
/// column, or, without one, the name column (Kumu's `Label`, Polinode's
/// `Name` name each element by it); `label` or `name` is the display name;
/// `reportsTo` or `manager` the manager's id; every other column an
/// attribute under its header name, an empty cell giving none.
extension CSVNetworkReader {
  /// Reads the people file registered as `source`; `false` when its header
  /// names no id column (reported), so the ties are not checked against it.
  ///
  /// ```swift
  /// // id,name,team        → ana: name "Ana", attributes ["team": "design"]
  /// // ana,Ana,design
  /// ```
  ///
  /// - Complexity: O(*b*) in the file's bytes.
  mutating func readPeople(_ bytes: UnsafeBufferPointer<UInt8>, source: Int) throws(LexFailure)
    -> Bool
  {
    var lexer = CSVLexer(bytes: bytes)
    guard
      let header = try header(
        &lexer, columns: CSVColumns.people, file: "people file", example: "id,name,reportsTo",
        source: source)
    else { return false }
    guard
      let idColumn = header.columns[CSVColumns.personID] ?? header.columns[CSVColumns.personName]
    else {
      missingColumn(
        CSVColumns.people[CSVColumns.personID] + ["label", "name"], file: "people file",
        header: header, source: source, at: lexer.dataStart)
      return false
    }
    let nameColumn = header.columns[CSVColumns.personName].flatMap { $0 == idColumn ? nil : $0 }
    let reportsTo = header.columns[CSVColumns.reportsTo]
    let attributes = header.unknown
    var keys = [Int?](repeating: nil, count: attributes.count)
    assembler.people.ids.reserveCapacity(
      assembler.people.count + Self.estimatedRecords(in: bytes, from: lexer.position))
    var ahead = WarmedIDs()
    var ordinal = 0
    while try lexer.nextRecord() {
      if idColumn == 0 && ordinal % WarmedIDs.batch == 0 {
        ahead.warm(&assembler.people.ids, bytes, from: lexer.position, delimiter: lexer.delimiter)
      }
      assembler.beginPerson(ordinal: ordinal)
      defer {
        assembler.finishPerson()
        ordinal += 1
      }
      guard lexer.fieldCount > idColumn else {
        shortRecord(lexer, needed: idColumn + 1, source: source, path: .person(ordinal))
        continue
      }
      let idField = lexer.field(idColumn)
      let idPlace = Self.place(source, idField.writtenStart)
      lexer.withText(idField) { _ = assembler.personID($0, at: idPlace) }
      if let nameColumn, nameColumn < lexer.fieldCount, !lexer.field(nameColumn).isEmpty {
        assembler.personName(lexer.string(lexer.field(nameColumn)))
      }
      if let reportsTo, reportsTo < lexer.fieldCount, !lexer.field(reportsTo).isEmpty {
        let field = lexer.field(reportsTo)
        let place = Self.place(source, field.writtenStart)
        lexer.withText(field) { assembler.personReportsTo($0, at: place) }
      }
      for (position, column) in attributes.enumerated() where column.index < lexer.fieldCount {
        let cell = lexer.field(column.index)
        guard !cell.isEmpty else { continue }
        let key =
          keys[position]
          ?? Array(column.name.utf8).withUnsafeBufferPointer {
            assembler.personAttributeKey($0).key
          }
        keys[position] = key
        lexer.withText(cell) { assembler.personAttribute(key: key, value: $0) }
      }
    }
    return true
  }
}

/// The id table's slots for the next people's ids, loaded a batch at a
/// time before they are inserted (``StringInterner/touchSlots(count:key:)``):
/// on L's people file of 1,000,000 ids, inserting each waited for its slot
/// in turn. The ids are guessed cheaply, each line's bytes up to its first
/// delimiter (a quoted one is left out); a wrong guess only warms a slot
/// for nothing.
struct WarmedIDs {
  static let batch = 16
  /// What the loads saw, kept so that they are not optimised away.
  private(set) var seen: UInt32 = 0
  private var cells = [Range<Int>](repeating: 0..<0, count: batch)

  /// Warms the slots of the ids of up to ``batch`` lines from `start`.
  ///
  /// - Complexity: O(*b*) for the *b* bytes of those lines.
  mutating func warm(
    _ ids: inout StringInterner, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
    delimiter: UInt8
  ) {
    var found = 0
    var index = start
    let count = bytes.count
    while found < Self.batch && index < count {
      let first = index
      while index < count && bytes[index] != delimiter && bytes[index] != 0x0A
        && bytes[index] != 0x0D
      {
        index += 1
      }
      if index > first && bytes[first] != UInt8(ascii: "\"") {
        cells[found] = first..<index
        found += 1
      }
      while index < count && bytes[index] != 0x0A { index += 1 }
      index += 1
    }
    let cells = self.cells
    seen ^= ids.touchSlots(count: found) { UnsafeBufferPointer(rebasing: bytes[cells[$0]]) }
  }
}
