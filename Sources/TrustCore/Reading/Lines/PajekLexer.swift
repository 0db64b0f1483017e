/// A lexer for Pajek `.net` files, line by line: section lines (`*Vertices
/// n`, `*Arcs`, `*Edges`, `*Arcslist`, `*Edgeslist`, `*Matrix`, `*Network
/// name`; keywords in any case) and data lines, as tokens with offsets.
/// Labels may be double-quoted; a token starting with `%` begins a comment.
/// It checks the shape only: a known section, a vertex count that is a
/// whole number (with an optional second count for two-mode networks, not
/// larger), a data line inside a section, at least a vertex number on a
/// vertex line and two on an arc or edge line; the numbers themselves are
/// the reader's (``LineTokenizer/integer(_:)``).
///
/// ```swift
/// var lexer = PajekLexer(bytes: buffer)
/// while let line = try lexer.next() {
///   if line == .data && lexer.section == .arcs {
///     let from = lexer.lines.integer(lexer.lines.token(0))
///   }
/// }
/// ```
///
/// - Complexity: O(*n*) in the input size.
struct PajekLexer: ~Copyable {
  /// A section of a Pajek file.
  enum Section: Equatable, Sendable {
    /// `*Network name`: the network's name (the rest of the line).
    case network
    /// `*Vertices n`: one line per vertex, `number "label" x y z …`.
    case vertices
    /// `*Arcs`: directed ties, `from to [weight] …`.
    case arcs
    /// `*Edges`: undirected ties, `one two [weight] …`.
    case edges
    /// `*Arcslist`: `from to to to …`.
    case arcsList
    /// `*Edgeslist`: `one two two two …`.
    case edgesList
    /// `*Matrix`: an adjacency matrix, one row per line.
    case matrix
  }

  /// What a line of the file is.
  enum Line: Equatable, Sendable {
    /// A section line; ``section`` is now that section.
    case section(Section)
    /// A data line of the current section.
    case data
  }

  /// The lines and their tokens.
  var lines: LineTokenizer
  /// The section the last line belongs to.
  private(set) var section: Section?
  /// The count of the last `*Vertices` line.
  private(set) var vertexCount = 0
  /// The second count of a two-mode `*Vertices n m` line (the vertices of the first mode).
  private(set) var firstModeCount: Int?

  /// The name of the last `*Network` line: the rest of the line, as written
  /// (it may hold quotes and `%`).
  private(set) var networkName = 0..<0

  /// A lexer at the start of `bytes`; labels may hold backslash escapes
  /// (`"a \"b\""`), as networkx writes and reads them.
  init(bytes: UnsafeBufferPointer<UInt8>) {
    lines = LineTokenizer(bytes: bytes, comment: UInt8(ascii: "%"), escapes: true)
  }

  /// The next line, or `nil` at the end of the input.
  ///
  /// - Throws: ``LexFailure`` at the first problem; the lexer must not be used after.
  mutating func next() throws(LexFailure) -> Line? {
    if let name = try lines.restOfLine(afterKeyword: "*network") {
      networkName = name
      section = .network
      return .section(.network)
    }
    guard try lines.nextLine() else { return nil }
    let first = lines.token(0)
    if !first.isQuoted && lines.bytes[first.start] == UInt8(ascii: "*") {
      let kind = try sectionKind(first)
      section = kind
      if kind == .vertices { try readCounts() }
      return .section(kind)
    }
    guard let section, section != .network else {
      throw LexFailure(
        code: .syntax,
        message: "a data line before the first section; a Pajek file starts with '*Vertices n'",
        offset: first.writtenStart)
    }
    switch section {
    case .arcs, .edges, .arcsList, .edgesList:
      let least = section == .arcs || section == .edges ? 2 : 1
      if lines.tokenCount < least {
        throw LexFailure(
          code: .syntax,
          message: section == .arcs || section == .edges
            ? "a tie line needs two vertex numbers" : "a list line needs a vertex number",
          offset: first.writtenStart)
      }
    default: break
    }
    return .data
  }

  private func sectionKind(_ token: LineToken) throws(LexFailure) -> Section {
    let name = LineToken(start: token.start + 1, end: token.end, isQuoted: false)
    let known: [(StaticString, Section)] = [
      ("vertices", .vertices), ("arcs", .arcs), ("edges", .edges), ("arcslist", .arcsList),
      ("edgeslist", .edgesList), ("matrix", .matrix), ("network", .network),
    ]
    for (keyword, kind) in known where lines.isKeyword(name, keyword) { return kind }
    throw LexFailure(
      code: .syntax,
      message: "unknown Pajek section '\(lines.string(token))'; expected *Vertices, *Arcs, "
        + "*Edges, *Arcslist, *Edgeslist, *Matrix or *Network", offset: token.start)
  }

  private mutating func readCounts() throws(LexFailure) {
    let keyword = lines.token(0)
    guard lines.tokenCount >= 2, let count = lines.integer(lines.token(1)), count >= 0 else {
      throw LexFailure(
        code: .syntax, message: "expected the number of vertices after '*Vertices'",
        offset: lines.tokenCount >= 2 ? lines.token(1).writtenStart : keyword.end)
    }
    // Vertices may go unlisted (igraph writes only the count), but each
    // declared one is a person: a tiny file must not declare billions.
    let most = max(1 << 22, lines.bytes.count &* 64)
    guard count <= most else {
      throw LexFailure(
        code: .syntax,
        message: "'*Vertices \(count)' declares more vertices than trustmap reads from a file "
          + "of \(lines.bytes.count) bytes (at most \(most)); list the vertices, or give their count",
        offset: lines.token(1).writtenStart)
    }
    vertexCount = count
    firstModeCount = nil
    if lines.tokenCount >= 3 {
      guard let first = lines.integer(lines.token(2)), first >= 0, first <= count else {
        throw LexFailure(
          code: .syntax,
          message: "the two-mode count after '*Vertices \(count)' must be a whole number "
            + "from 0 to \(count)", offset: lines.token(2).writtenStart)
      }
      firstModeCount = first
    }
    if lines.tokenCount > 3 {
      throw LexFailure(
        code: .syntax, message: "unexpected '\(lines.string(lines.token(3)))' after the counts",
        offset: lines.token(3).writtenStart)
    }
  }
}
