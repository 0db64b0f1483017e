/// One field of a CSV record, as a range of the input: without its quotes
/// when it was quoted, and flagged when it holds doubled quotes (`""`) that
/// stand for one. A field without `needsUnquoting` is its own text.
///
/// ```swift
/// // a,"b ""c""",d  → the second field is b ""c"" in the input, b "c" unquoted
/// lexer.string(lexer.field(1))  // "b \"c\""
/// ```
///
/// - Complexity: O(1) storage.
struct CSVField: Equatable, Sendable, BitwiseCopyable {
  /// The offset of the field's first byte (after the opening quote if quoted).
  var start: Int
  /// The offset one past its last byte (before the closing quote if quoted).
  var end: Int
  /// Whether the field was written in double quotes.
  var isQuoted: Bool
  /// Whether it holds `""` pairs to turn into `"`.
  var needsUnquoting: Bool

  /// The offset where the field begins in the input, at its opening quote if quoted.
  var writtenStart: Int { isQuoted ? start - 1 : start }
  /// Whether the field is empty (`,,` or `,"",`).
  var isEmpty: Bool { end == start }
}

/// Appends a quoted field's text to `output` with each `""` made `"`.
///
/// ```swift
/// unquoteCSVField(bytes, field, into: &buffer)
/// ```
///
/// - Complexity: O(*k*) for a field of *k* bytes.
func unquoteCSVField(
  _ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField, into output: inout LexBuffer<UInt8>
) {
  var runStart = field.start
  var index = field.start
  while index < field.end {
    if bytes[index] == UInt8(ascii: "\"") {
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...index]))
      index += 2
      runStart = index
    } else {
      index += 1
    }
  }
  output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<field.end]))
}
