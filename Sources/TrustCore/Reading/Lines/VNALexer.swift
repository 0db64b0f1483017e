/// A lexer for NetDraw `.vna` files, line by line: section lines (`*node
/// data`, `*tie data`, `*node properties`, `*tie properties`, in any case),
/// each followed by a header line of column names, then data lines; fields
/// separated by spaces or tabs, double-quoted to hold spaces. It checks that
/// data comes inside a section, that the section is known, and that no data
/// line has more fields than its header; the values are the reader's.
///
/// ```swift
/// var lexer = VNALexer(bytes: buffer)
/// while let line = try lexer.next() {
///   if line == .data && lexer.section == .tieData {
///     let from = lexer.lines.string(lexer.lines.token(0))
///   }
/// }
/// ```
///
/// - Complexity: O(*n*) in the input size.
struct VNALexer: ~Copyable {
  /// A section of a VNA file.
  enum Section: Equatable, Sendable {
    /// `*node data`: `ID` and attribute columns.
    case nodeData
    /// `*tie data`: `from`, `to` and value columns.
    case tieData
    /// `*node properties`: how NetDraw draws nodes.
    case nodeProperties
    /// `*tie properties`: how NetDraw draws ties.
    case tieProperties
  }

  /// What a line of the file is.
  enum Line: Equatable, Sendable {
    /// A section line; ``section`` is now that section.
    case section(Section)
    /// The line of column names after a section line.
    case header
    /// A data line of the current section.
    case data
  }

  /// The lines and their tokens.
  var lines: LineTokenizer
  /// The section the last line belongs to.
  private(set) var section: Section?
  /// The number of columns of the current section's header.
  private(set) var columnCount = 0
  private var expectsHeader = false

  /// A lexer at the start of `bytes`.
  init(bytes: UnsafeBufferPointer<UInt8>) {
    lines = LineTokenizer(bytes: bytes, comment: nil)
  }

  /// The next line, or `nil` at the end of the input.
  ///
  /// - Throws: ``LexFailure`` at the first problem; the lexer must not be used after.
  mutating func next() throws(LexFailure) -> Line? {
    guard try lines.nextLine() else { return nil }
    let first = lines.token(0)
    if !first.isQuoted && lines.bytes[first.start] == UInt8(ascii: "*") {
      section = try sectionKind()
      expectsHeader = true
      return .section(section ?? .nodeData)
    }
    guard section != nil else {
      throw LexFailure(
        code: .syntax,
        message: "a data line before the first section; a VNA file starts with '*node data' "
          + "or '*tie data'", offset: first.writtenStart)
    }
    if expectsHeader {
      expectsHeader = false
      columnCount = lines.tokenCount
      return .header
    }
    if lines.tokenCount > columnCount {
      throw LexFailure(
        code: .syntax,
        message: "this line has \(lines.tokenCount) fields, \(lines.tokenCount - columnCount) "
          + "more than the header's \(columnCount)",
        offset: lines.token(columnCount).writtenStart)
    }
    return .data
  }

  private func sectionKind() throws(LexFailure) -> Section {
    let first = lines.token(0)
    let star = LineToken(start: first.start + 1, end: first.end, isQuoted: false)
    if lines.tokenCount == 2 {
      let second = lines.token(1)
      let node = lines.isKeyword(star, "node")
      if node || lines.isKeyword(star, "tie") {
        if lines.isKeyword(second, "data") { return node ? .nodeData : .tieData }
        if lines.isKeyword(second, "properties") { return node ? .nodeProperties : .tieProperties }
      }
    }
    let end = lines.token(lines.tokenCount - 1).end
    throw LexFailure(
      code: .syntax,
      message:
        "unknown VNA section '\(lines.string(LineToken(start: first.start, end: end, isQuoted: false)))'; expected *node data, *tie data, *node properties or *tie properties",
      offset: first.start)
  }
}
