/// Reads a network from CSV: a ties file, and optionally a people file and
/// a communities file (``ReadOptions``), each lexed by ``CSVLexer`` and fed
/// to one ``NetworkAssembler``, so every check and message is the JSON
/// reader's, at each file's own line and column (docs/design.md, 'Other
/// formats: reading').
///
/// The header names the columns (``CSVColumns``). Without a people file the
/// people are the ties' ends, in order of first appearance, with Viva's
/// `PrimaryCollaborator_<Attr>` and `SecondaryCollaborator_<Attr>` cells as
/// their attributes; with one, every end must be one of its people.
///
/// ```swift
/// let input = FormatInput(bytes: ties, source: "ties.csv", options: ReadOptions(),
///                         people: .init(name: "people.csv", bytes: people))
/// let network = try CSVNetworkReader.read(input).get()
/// ```
///
/// - Complexity: O(*n*) in the files' sizes; a tie's ends are ranges of the
///   ties file, resolved in the assembler's batched pass, with no string per tie.
struct CSVNetworkReader {
  var assembler: NetworkAssembler
  /// The files' sources: the ties file is 0.
  let tieSource = 0
  /// Whether the people are the ties' ends (no people file).
  let implicitPeople: Bool
  /// The smallest ties file read in two parts on two cores (tests lower it).
  var parallelMinimumBytes = 1 << 23

  /// Reads the files of `input` into a network, or every problem found; a
  /// syntax error stops the read at the file it is in.
  static func read(_ input: FormatInput) -> Result<TrustNetwork, NetworkLoadError> {
    var reader = CSVNetworkReader(
      assembler: input.makeAssembler(), implicitPeople: input.people == nil,
      parallelMinimumBytes: input.parallelMinimumBytes)
    let peopleSource = input.people.map {
      reader.assembler.addSource(name: $0.name, bytes: $0.bytes)
    }
    let communitySource = input.communities.map {
      reader.assembler.addSource(name: $0.name, bytes: $0.bytes)
    }
    guard input.bytes.count < Int(UInt32.max) else {
      reader.assembler.formatProblem(
        .tooLarge, in: 0, at: 0, "the file is over 4 GiB, the largest ties file trustmap reads")
      return .failure(reader.assembler.failure(source: input.source))
    }
    var current = 0
    // The ties' first part is read on another core while the people are read here.
    var firstPart = reader.startTiesEarly(
      input.bytes, peopleBytes: input.people?.bytes.count ?? 0)
    defer { _ = firstPart?.finish() }
    do throws(LexFailure) {
      if let peopleSource, let people = input.people {
        current = peopleSource
        // Without the people's ids every tie's end would be unknown: one error says it.
        guard try reader.readPeople(people.bytes, source: peopleSource) else {
          return .failure(reader.assembler.failure(source: input.source))
        }
      }
      current = 0
      let started = firstPart
      firstPart = nil  // finished by the ties' read
      try reader.readTies(input.bytes, firstPart: started)
      if let communitySource, let communities = input.communities {
        current = communitySource
        try reader.readCommunities(communities.bytes, source: communitySource)
      }
    } catch {
      return .failure(reader.assembler.failure(error, in: current, source: input.source))
    }
    return reader.assembler.finish(source: input.source)
  }

  /// The place of byte `offset` of source `source`.
  @inline(__always)
  static func place(_ source: Int, _ offset: Int) -> SourcePlace {
    SourcePlace(source: source, offset: offset)
  }

  /// About how many records `bytes` hold from `start`, for reserving the
  /// columns of ties or the table of people: from the length of the
  /// non-empty lines in the first 64 KB, with an eighth more as a margin;
  /// never more than a record per 4 bytes (`a,b` and its line feed), so a
  /// file that opens with empty lines reserves no more than its bytes could
  /// hold.
  ///
  /// - Complexity: O(1): at most 64 KB are looked at.
  static func estimatedRecords(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    let sample = min(bytes.count, start + (1 << 16))
    var lines = 0
    var lineBytes = 0
    var lineStart = start
    for index in start..<sample where bytes[index] == 0x0A {
      if index > lineStart && !(index == lineStart + 1 && bytes[lineStart] == 0x0D) {
        lines += 1
        lineBytes += index + 1 - lineStart
      }
      lineStart = index + 1
    }
    guard lines > 0 else { return 1 }
    let records = (bytes.count - start) / max(4, lineBytes / lines)
    return records + records / 8 + 64
  }

  /// Reports a header without a column the file needs.
  mutating func missingColumn(
    _ aliases: [String], file: String, header: CSVHeader, source: Int, at offset: Int
  ) {
    let names = header.names.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
    assembler.formatProblem(
      .missingKey, in: source, at: offset,
      "the \(file) has no \(CSVColumns.describe(aliases)) column; its header is \(names)")
  }

  /// Reads a header row, or reports the file empty; `nil` when there is none.
  mutating func header(
    _ lexer: inout CSVLexer, columns: [[String]], file: String, example: String, source: Int
  ) throws(LexFailure) -> CSVHeader? {
    guard try lexer.nextRecord() else {
      assembler.formatProblem(
        .emptyInput, in: source, at: lexer.dataStart,
        "the \(file) is empty; expected a header row such as \(example)")
      return nil
    }
    let header = try CSVHeader(lexer, columns: columns)
    lexer.expectedFieldCount = lexer.fieldCount
    return header
  }

  /// Reports a record without the cells it needs (fewer fields than `needed`).
  mutating func shortRecord(
    _ lexer: borrowing CSVLexer, needed: Int, source: Int, path: DiagnosticPath
  ) {
    assembler.diagnostics.add(
      .error, .missingKey, at: Self.place(source, lexer.recordStart), path: path,
      "this record has \(lexer.fieldCount) field\(lexer.fieldCount == 1 ? "" : "s"); "
        + "it needs at least \(needed)")
  }

  // MARK: - Communities

  /// Reads a communities file: a row per membership (`community`, `name`,
  /// `member`), communities in order of first appearance, each row's member
  /// checked like a JSON community's.
  ///
  /// - Complexity: O(*b*) in the file's bytes, plus O(*r*) for *r* rows.
  mutating func readCommunities(_ bytes: UnsafeBufferPointer<UInt8>, source: Int)
    throws(LexFailure)
  {
    var lexer = CSVLexer(bytes: bytes)
    guard
      let header = try header(
        &lexer, columns: CSVColumns.communities, file: "communities file",
        example: "Community,Name,Member", source: source)
    else { return }
    guard let idColumn = header.columns[CSVColumns.community] else {
      missingColumn(
        CSVColumns.communities[CSVColumns.community], file: "communities file", header: header,
        source: source, at: lexer.dataStart)
      return
    }
    guard let memberColumn = header.columns[CSVColumns.member] else {
      missingColumn(
        CSVColumns.communities[CSVColumns.member], file: "communities file", header: header,
        source: source, at: lexer.dataStart)
      return
    }
    let nameColumn = header.columns[CSVColumns.communityName]
    var index: [String: Int] = [:]
    var ids: [(id: String, offset: Int)] = []
    var names: [String?] = []
    var members: [[CSVField]] = []
    while try lexer.nextRecord() {
      guard lexer.fieldCount > idColumn else {
        shortRecord(lexer, needed: idColumn + 1, source: source, path: .document)
        continue
      }
      let idField = lexer.field(idColumn)
      let id = csvTrimmed(lexer.string(idField))
      let community: Int
      if let known = index[id] {
        community = known
      } else {
        community = ids.count
        index[id] = community
        ids.append((id, idField.writtenStart))
        names.append(nil)
        members.append([])
      }
      if let nameColumn, nameColumn < lexer.fieldCount, names[community] == nil {
        let name = lexer.field(nameColumn)
        if !name.isEmpty { names[community] = lexer.string(name) }
      }
      if memberColumn < lexer.fieldCount, !lexer.field(memberColumn).isEmpty {
        members[community].append(lexer.field(memberColumn))
      }
    }
    for community in ids.indices {
      assembler.beginCommunity(ordinal: community)
      assembler.communityID(ids[community].id, at: Self.place(source, ids[community].offset))
      assembler.communityName(names[community])
      for field in members[community] {
        lexer.withText(field) {
          assembler.addMember($0, at: Self.place(source, field.writtenStart))
        }
      }
      assembler.finishCommunity()
    }
  }
}
