/// Reads a Pajek `.net` file (``PajekLexer``): `*Network` names the network,
/// `*Vertices n` numbers the people 1 to n (each vertex line's label is the
/// id; a vertex without a line, or without a label, is known by its number),
/// `*Arcs` and `*Arcslist` give ties, `*Edges` and `*Edgeslist` mutual ones,
/// `*Matrix` a row of weights per vertex (a nonzero weight is a tie). Every
/// vertex number is checked against n.
///
/// ```swift
/// // *Vertices 2
/// // 1 "ana"
/// // 2 "bo"
/// // *Edges
/// // 1 2 0.9
/// let network = try PajekReader.read(input).get()  // ana ↔ bo, strength 0.9
/// ```
///
/// - Complexity: O(*n*) in the file size, plus O(*k*) per tie to stage
///   its ends' ids (*k* their length).
struct PajekReader: ~Copyable {
  var assembler: NetworkAssembler
  var lexer: PajekLexer
  /// Each vertex's id bytes, once the vertices are added: vertex k's are
  /// `idBytes[idStart[k - 1] ..< idStart[k]]`.
  var idStart: [Int] = []
  var idBytes: [UInt8] = []
  /// While the vertices are read: each one's label place (-1: no line yet),
  /// and its label's bytes in `parked` (length -1: no label).
  var labelPlace: [Int] = []
  var labelStart: [Int] = []
  var labelLength: [Int] = []
  var parked: [UInt8] = []
  /// The vertex count of the `*Vertices` line.
  var vertexCount = 0
  /// Whether the people of the last `*Vertices` section have been added.
  var verticesAdded = true
  var verticesOffset = 0
  var ordinal = 0
  /// The next row of a `*Matrix`.
  var matrixRow = 0

  static func read(_ input: FormatInput) -> Result<TrustNetwork, NetworkLoadError> {
    var reader = PajekReader(
      assembler: input.makeAssembler(), lexer: PajekLexer(bytes: input.bytes))
    do throws(LexFailure) {
      while let line = try reader.lexer.next() {
        try reader.take(line)
      }
      reader.addVertices()
    } catch {
      return .failure(reader.assembler.failure(error, in: 0, source: input.source))
    }
    return reader.assembler.finish(source: input.source)
  }

  private mutating func take(_ line: PajekLexer.Line) throws(LexFailure) {
    switch line {
    case .section(let section):
      if section != .vertices { addVertices() }
      switch section {
      case .network:
        let name = lexer.networkName
        assembler.name =
          name.isEmpty
          ? nil
          : lexer.lines.string(
            LineToken(start: name.lowerBound, end: name.upperBound, isQuoted: false))
      case .vertices:
        addVertices()
        let count = lexer.vertexCount
        guard vertexCount == 0 && idStart.isEmpty else {
          throw LexFailure(
            code: .syntax, message: "a second '*Vertices' section; trustmap reads one network",
            offset: lexer.lines.token(0).start)
        }
        verticesOffset = lexer.lines.token(0).start
        vertexCount = count
        labelPlace = Array(repeating: -1, count: count)
        labelStart = Array(repeating: 0, count: count)
        labelLength = Array(repeating: -1, count: count)
        verticesAdded = false
      case .matrix: matrixRow = 0
      default: break
      }
    case .data:
      switch lexer.section {
      case .vertices: try vertexLine()
      case .arcs, .edges: tieLine(mutual: lexer.section == .edges)
      case .arcsList, .edgesList: listLine(mutual: lexer.section == .edgesList)
      case .matrix: matrixLine()
      default: break
      }
    }
  }

  /// `number ["label"] …`: the vertex's label, checked against the count.
  private mutating func vertexLine() throws(LexFailure) {
    let number = lexer.lines.token(0)
    guard let vertex = checkedVertex(number) else { return }
    guard labelPlace[vertex - 1] < 0 else {
      assembler.formatProblem(
        .duplicateId, in: 0, at: number.start, "vertex \(vertex) is listed twice")
      return
    }
    if lexer.lines.tokenCount >= 2 {
      let label = lexer.lines.token(1)
      labelPlace[vertex - 1] = label.writtenStart
      // People are added in vertex order once all lines are read: park the label till then.
      labelStart[vertex - 1] = parked.count
      lexer.lines.withText(label) { parked.append(contentsOf: $0) }
      labelLength[vertex - 1] = parked.count - labelStart[vertex - 1]
    } else {
      labelPlace[vertex - 1] = number.start
    }
  }

  /// The vertex a token numbers, or `nil` (reported) when it is not from 1 to n.
  private mutating func checkedVertex(_ token: LineToken) -> Int? {
    let count = vertexCount
    if let vertex = lexer.lines.integer(token), vertex >= 1, vertex <= count { return vertex }
    assembler.formatProblem(
      .unknownPerson, in: 0, at: token.writtenStart,
      "'\(lexer.lines.string(token))' is not a vertex number from 1 to \(count) "
        + "('*Vertices \(count)')")
    return nil
  }

  /// Adds the people of the vertices section once it has been read: vertex
  /// k is person k − 1, known by their label or their number.
  private mutating func addVertices() {
    guard !verticesAdded else { return }
    verticesAdded = true
    let count = vertexCount
    var starts = [Int](repeating: 0, count: count + 1)
    for vertex in 0..<count {
      starts[vertex] = idBytes.count
      if labelLength[vertex] >= 0 {
        idBytes.append(
          contentsOf: parked[labelStart[vertex]..<labelStart[vertex] + labelLength[vertex]])
      } else {
        idBytes.append(contentsOf: String(vertex + 1).utf8)
      }
    }
    starts[count] = idBytes.count
    idStart = starts
    parked = []
    labelStart = []
    labelLength = []
    for vertex in 0..<count {
      let place = labelPlace[vertex] >= 0 ? labelPlace[vertex] : verticesOffset
      assembler.beginPerson(ordinal: vertex)
      idBytes.withUnsafeBufferPointer { bytes in
        _ = assembler.personID(
          UnsafeBufferPointer(rebasing: bytes[starts[vertex]..<starts[vertex + 1]]),
          at: SourcePlace(source: 0, offset: place))
      }
      assembler.finishPerson()
    }
    labelPlace = []
  }

  /// The end of a tie at vertex `vertex`, staged by the vertex's id.
  private mutating func end(_ vertex: Int, side: TieSide, at offset: Int) -> TieEnd {
    addVertices()
    let range = idStart[vertex - 1]..<idStart[vertex]
    return idBytes.withUnsafeBufferPointer { bytes in
      assembler.stageTieEnd(
        id: UnsafeBufferPointer(rebasing: bytes[range]), at: SourcePlace(source: 0, offset: offset),
        side: side)
    }
  }

  /// Adds a tie between two vertex tokens with weight text `weight` (1 when absent).
  private mutating func addTie(
    _ fromToken: LineToken, _ toToken: LineToken, weight: LineToken?, mutual: Bool
  ) {
    let tie = ordinal
    ordinal += 1
    guard let from = checkedVertex(fromToken), let to = checkedVertex(toToken) else {
      assembler.dropTie()
      return
    }
    var strength = 1.0
    if let weight {
      let place = SourcePlace(source: 0, offset: weight.writtenStart)
      switch assembler.weight(parsing: lexer.lines.tokenBytes(weight), at: place, ordinal: tie) {
      case .keep(let value): strength = value
      case .drop:
        assembler.dropTie()
        return
      }
    }
    let fromEnd = end(from, side: .from, at: fromToken.start)
    let toEnd = end(to, side: .to, at: toToken.start)
    assembler.addTie(ordinal: tie, from: fromEnd, to: toEnd, strength: strength, mutual: mutual)
  }

  /// `from to [weight] …`.
  private mutating func tieLine(mutual: Bool) {
    let lines = lexer.lines.tokenCount
    addTie(
      lexer.lines.token(0), lexer.lines.token(1), weight: lines >= 3 ? lexer.lines.token(2) : nil,
      mutual: mutual)
  }

  /// `from to to to …`: a tie of strength 1 to each.
  private mutating func listLine(mutual: Bool) {
    let from = lexer.lines.token(0)
    for index in 1..<max(1, lexer.lines.tokenCount) {
      addTie(from, lexer.lines.token(index), weight: nil, mutual: mutual)
    }
  }

  /// A row of the adjacency matrix: a tie to each column with a nonzero weight.
  private mutating func matrixLine() {
    matrixRow += 1
    let count = vertexCount
    guard matrixRow <= count else {
      assembler.formatProblem(
        .invalidValue, in: 0, at: lexer.lines.token(0).start,
        "the matrix has more rows than the \(count) vertices")
      return
    }
    for column in 0..<min(count, lexer.lines.tokenCount) {
      let token = lexer.lines.token(column)
      guard let value = parseDecimal(lexer.lines.tokenBytes(token)), value != 0 else { continue }
      let tie = ordinal
      ordinal += 1
      let place = SourcePlace(source: 0, offset: token.start)
      switch assembler.weight(value, text: lexer.lines.string(token), at: place, ordinal: tie) {
      case .keep(let strength):
        let from = end(matrixRow, side: .from, at: token.start)
        let to = end(column + 1, side: .to, at: token.start)
        assembler.addTie(ordinal: tie, from: from, to: to, strength: strength, mutual: false)
      case .drop:
        assembler.dropTie()
      }
    }
  }
}
