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
    var ordinal = 0
    while try lexer.nextRecord() {
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
