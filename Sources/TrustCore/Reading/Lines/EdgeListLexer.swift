/// A lexer for plain edge lists: one tie per line, `from to` or `from to
/// weight`, separated by spaces or tabs; `#` begins a comment (a whole line,
/// or the rest of one, where it begins a token); blank lines are skipped.
/// A token may be double-quoted, with backslash escapes (`"sp ace"`,
/// `"q\"uote"`), as trustmap writes ids that are not plain tokens. A line of
/// one column or of more than three is an error at its place.
///
/// ```swift
/// var lexer = EdgeListLexer(bytes: buffer)
/// while try lexer.next() {
///   let from = lexer.from, to = lexer.to  // tokens; lexer.weight is nil for two columns
/// }
/// ```
///
/// - Complexity: O(*n*) in the input size.
struct EdgeListLexer: ~Copyable {
  /// The lines and their tokens.
  var lines: LineTokenizer

  /// A lexer at the start of `bytes`.
  init(bytes: UnsafeBufferPointer<UInt8>) {
    // Quoted, with backslash escapes, as trustmap writes an id that is not a plain token.
    lines = LineTokenizer(bytes: bytes, comment: UInt8(ascii: "#"), escapes: true)
  }

  /// Reads the next tie line; `false` at the end of the input.
  ///
  /// - Throws: ``LexFailure`` at the first problem; the lexer must not be used after.
  mutating func next() throws(LexFailure) -> Bool {
    guard try lines.nextLine() else { return false }
    let count = lines.tokenCount
    guard count == 2 || count == 3 else {
      let token = lines.token(count == 1 ? 0 : 3)
      throw LexFailure(
        code: .syntax,
        message: "an edge-list line has 2 or 3 columns (from, to, weight), not \(count)",
        offset: count == 1 ? token.end : token.start)
    }
    return true
  }

  /// The current line's first column.
  var from: LineToken { lines.token(0) }
  /// The current line's second column.
  var to: LineToken { lines.token(1) }
  /// The current line's third column, if it has one.
  var weight: LineToken? { lines.tokenCount == 3 ? lines.token(2) : nil }
}
