/// Why a lexer stopped: a diagnostic code, a message and the byte offset it
/// points at, in the style of the JSON scanner's failure. Every lexer of the
/// other formats (XML, CSV, Pajek, NetDraw, edge lists) throws it, so a reader
/// turns any of them into a ``NetworkDiagnostic`` the same way: the offset
/// becomes a line and column only when the diagnostic is kept.
///
/// ```swift
/// do {
///   while try lexer.next() != nil {}
/// } catch {
///   print(error.code, error.offset, error.message)  // syntax 17 unclosed quote …
/// }
/// ```
///
/// - Complexity: O(1) to create (the message is built only on failure).
struct LexFailure: Error, Equatable, Sendable, CustomStringConvertible {
  /// The kind of problem: `.syntax`, `.invalidUTF8`, `.nestingTooDeep`, …
  var code: NetworkDiagnostic.Code
  /// What is wrong, in words.
  var message: String
  /// The 0-based byte offset the problem points at.
  var offset: Int

  /// `OFFSET: CODE: MESSAGE`, for tests and debugging.
  var description: String { "\(offset): \(code): \(message)" }
}

/// `0xAB`: a byte as two upper-case hex digits after `0x`, for messages.
///
/// ```swift
/// lexHex(0x0A)  // "0x0A"
/// ```
///
/// - Complexity: O(1).
func lexHex(_ byte: UInt8) -> String {
  let digits = String(byte, radix: 16, uppercase: true)
  return byte < 0x10 ? "0x0" + digits : "0x" + digits
}

/// `U+00A0`: a scalar value as at least four upper-case hex digits, for messages.
///
/// ```swift
/// lexScalarName(0xFFFE)  // "U+FFFE"
/// ```
///
/// - Complexity: O(1).
func lexScalarName(_ value: UInt32) -> String {
  let digits = String(value, radix: 16, uppercase: true)
  return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

/// How a byte reads in a message: `'x'` for printable ASCII, `space`, `tab`,
/// `line break`, `carriage return`, else `byte 0x07`.
///
/// ```swift
/// lexByteName(UInt8(ascii: ";"))  // "';'"
/// ```
///
/// - Complexity: O(1).
func lexByteName(_ byte: UInt8) -> String {
  if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
  if byte == 0x20 { return "space" }
  if byte == 0x09 { return "tab" }
  if byte == 0x0A { return "line break" }
  if byte == 0x0D { return "carriage return" }
  return "byte \(lexHex(byte))"
}
