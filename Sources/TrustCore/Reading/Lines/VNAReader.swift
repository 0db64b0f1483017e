/// Reads a NetDraw `.vna` file (``VNALexer``): `*node data` lists people
/// (the `id` column, else the first, is the id; `label` or `name` the
/// display name; every other column an attribute), `*tie data` lists ties
/// (`from`, `to`, else the first two columns; `strength` or `weight`, else
/// the third column, the weight). Without node data the people are the
/// ties' ends. Property sections (how NetDraw draws) are skipped.
///
/// ```swift
/// // *node data
/// // ID team
/// // ana design
/// // *tie data
/// // from to strength
/// // ana bo 0.9
/// ```
///
/// - Complexity: O(*n*) in the file size; the ends are ranges of the file.
struct VNAReader: ~Copyable {
  var assembler: NetworkAssembler
  var lexer: VNALexer
  /// The columns of the current section, by token index.
  var idColumn = 0
  var nameColumn: Int?
  var toColumn = 1
  var weightColumn: Int?
  var attributes: [(index: Int, key: Int)] = []
  var personOrdinal = 0
  var tieOrdinal = 0
  /// Whether a `*node data` section came before the ties (else the people are the ends).
  var sawNodeData = false

  static func read(_ input: FormatInput) -> Result<TrustNetwork, NetworkLoadError> {
    var reader = VNAReader(assembler: input.makeAssembler(), lexer: VNALexer(bytes: input.bytes))
    do throws(LexFailure) {
      while let line = try reader.lexer.next() {
        switch line {
        case .section(let section): if section == .nodeData { reader.sawNodeData = true }
        case .header: reader.header()
        case .data:
          if reader.lexer.section == .nodeData { reader.person() }
          if reader.lexer.section == .tieData { reader.tie() }
        }
      }
    } catch {
      return .failure(reader.assembler.failure(error, in: 0, source: input.source))
    }
    return reader.assembler.finish(source: input.source)
  }

  /// The column that one of `names` (lowercase) heads, if any.
  private func column(_ names: [StaticString]) -> Int? {
    for index in 0..<lexer.lines.tokenCount {
      for name in names where lexer.lines.isKeyword(lexer.lines.token(index), name) { return index }
    }
    return nil
  }

  private mutating func header() {
    attributes = []
    switch lexer.section {
    case .nodeData:
      idColumn = column(["id"]) ?? 0
      nameColumn = column(["label", "name"]).flatMap { $0 == idColumn ? nil : $0 }
      for index in 0..<lexer.lines.tokenCount where index != idColumn && index != nameColumn {
        let key = lexer.lines.withText(lexer.lines.token(index)) {
          assembler.personAttributeKey($0).key
        }
        attributes.append((index, key))
      }
    case .tieData:
      idColumn = column(["from", "source", "ego"]) ?? 0
      toColumn = column(["to", "target", "alter"]) ?? 1
      weightColumn =
        column(["strength", "weight"])
        ?? (lexer.lines.tokenCount > 2 && idColumn < 2 && toColumn < 2 ? 2 : nil)
    default: break
    }
  }

  private mutating func person() {
    assembler.beginPerson(ordinal: personOrdinal)
    personOrdinal += 1
    let lines = lexer.lines.tokenCount
    if idColumn < lines {
      let token = lexer.lines.token(idColumn)
      let place = SourcePlace(source: 0, offset: token.writtenStart)
      _ = assembler.personID(lexer.lines.tokenBytes(token), at: place)
    } else {
      assembler.formatProblem(
        .missingKey, in: 0, at: lexer.lines.lineStart, path: .person(personOrdinal - 1),
        "this line has no id in column \(idColumn + 1)")
    }
    if let nameColumn, nameColumn < lines {
      assembler.personName(lexer.lines.string(lexer.lines.token(nameColumn)))
    }
    for (index, key) in attributes where index < lines {
      let token = lexer.lines.token(index)
      if token.end > token.start {
        assembler.personAttribute(key: key, value: lexer.lines.tokenBytes(token))
      }
    }
    assembler.finishPerson()
  }

  private mutating func tie() {
    let tie = tieOrdinal
    tieOrdinal += 1
    let lines = lexer.lines.tokenCount
    guard idColumn < lines, toColumn < lines else {
      assembler.formatProblem(
        .missingKey, in: 0, at: lexer.lines.lineStart, path: .tie(tie),
        "a tie line needs a from and a to column")
      assembler.dropTie()
      return
    }
    var strength = 1.0
    if let weightColumn, weightColumn < lines {
      let token = lexer.lines.token(weightColumn)
      let place = SourcePlace(source: 0, offset: token.writtenStart)
      switch assembler.weight(parsing: lexer.lines.tokenBytes(token), at: place, ordinal: tie) {
      case .keep(let value): strength = value
      case .drop:
        assembler.dropTie()
        return
      }
    }
    let implicit = !sawNodeData
    let from = assembler.tieEnd(
      lexer.lines.token(idColumn), side: .from, in: &lexer.lines, implicit: implicit)
    let to = assembler.tieEnd(
      lexer.lines.token(toColumn), side: .to, in: &lexer.lines, implicit: implicit)
    assembler.addTie(ordinal: tie, from: from, to: to, strength: strength, mutual: false)
  }
}
