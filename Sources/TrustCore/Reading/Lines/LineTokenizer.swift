/// A token of a line-based network file (Pajek, NetDraw VNA, an edge list):
/// a range of the input, without its quotes when it was quoted.
///
/// ```swift
/// // 1 "Ana Lima" 0.1  → tokens 1, Ana Lima (quoted), 0.1
/// ```
///
/// - Complexity: O(1) storage.
struct LineToken: Equatable, Sendable, BitwiseCopyable {
  /// The offset of the token's first byte (after the opening quote if quoted).
  var start: Int
  /// The offset one past its last byte (before the closing quote if quoted).
  var end: Int
  /// Whether the token was written in double quotes.
  var isQuoted: Bool
  /// Whether a quoted token holds backslash escapes (`\"`, `\\`, `\n`) to
  /// decode (``LineTokenizer/withText(_:_:)``); only when the tokenizer reads them.
  var hasEscapes = false

  /// Where the token begins as written, at its opening quote if quoted.
  var writtenStart: Int { isQuoted ? start - 1 : start }
}

/// Splits a file into lines and lines into white-space-separated tokens, for
/// the line lexers: spaces and tabs separate; LF or CRLF ends a line (a
/// carriage return alone is an error); a token may be double-quoted to hold
/// spaces (no escapes: the next quote closes it, and a space, a tab or the
/// line's end must follow); a comment byte that begins a token ends the
/// line, unless `escapes` lets a backslash escape the next byte, as
/// Python's `shlex` writes and reads the labels of Pajek files and edge
/// lists); blank and comment-only lines are skipped; a UTF-8 byte-order mark
/// is skipped; invalid UTF-8 and control characters are errors. A line's
/// tokens are valid until the next line is read, kept in reused memory.
///
/// ```swift
/// var lines = LineTokenizer(bytes: buffer, comment: UInt8(ascii: "#"))
/// while try lines.nextLine() {
///   print(lines.tokenCount, lines.string(lines.token(0)))
/// }
/// ```
///
/// - Complexity: O(*n*) in the input size.
struct LineTokenizer: ~Copyable {
  /// The file.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The byte that starts a comment when it begins a token, if any.
  let comment: UInt8?
  /// Whether `"` quotes a token.
  let quotes: Bool
  /// Whether a backslash inside quotes escapes the next byte.
  let escapes: Bool
  /// The offset of the next line's first byte.
  private(set) var position: Int
  /// The offset of the current line's first byte.
  private(set) var lineStart = 0
  private var tokens = LexBuffer<LineToken>(capacity: 16)
  private var scratch = LexBuffer<UInt8>(capacity: 64)

  /// A tokenizer at the start of `bytes`, after a byte-order mark.
  init(
    bytes: UnsafeBufferPointer<UInt8>, comment: UInt8?, quotes: Bool = true, escapes: Bool = false
  ) {
    self.bytes = bytes
    self.comment = comment
    self.quotes = quotes
    self.escapes = escapes
    let hasMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    position = hasMark ? 3 : 0
  }

  /// The number of tokens on the current line.
  var tokenCount: Int { tokens.count }

  /// The current line's token at `index`, below ``tokenCount``.
  func token(_ index: Int) -> LineToken { tokens[index] }

  /// Reads the next line that has a token; `false` at the end of the input.
  ///
  /// - Throws: ``LexFailure`` at the first problem; the tokenizer must not be used after.
  mutating func nextLine() throws(LexFailure) -> Bool {
    let count = bytes.count
    var index = position
    while index < count {
      tokens.removeAll()
      lineStart = index
      line: while index < count {
        let byte = bytes[index]
        switch byte {
        case 0x20, 0x09:
          index += 1
        case 0x0A:
          index += 1
          break line
        case 0x0D:
          guard index + 1 < count, bytes[index + 1] == 0x0A else {
            throw LexFailure(
              code: .syntax, message: "a carriage return not followed by a line feed",
              offset: index)
          }
          index += 2
          break line
        default:
          if let comment, byte == comment {
            while index < count && bytes[index] != 0x0A && bytes[index] != 0x0D {
              index = try checked(at: index)
            }
            continue line
          }
          if quotes && byte == UInt8(ascii: "\"") {
            index = try quotedToken(from: index)
          } else {
            index = try plainToken(from: index)
          }
        }
      }
      if !tokens.isEmpty {
        position = index
        return true
      }
    }
    position = index
    return false
  }

  private mutating func plainToken(from start: Int) throws(LexFailure) -> Int {
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { break }
      if quotes && byte == UInt8(ascii: "\"") {
        throw LexFailure(
          code: .syntax,
          message: "a quote inside an unquoted token; quote the whole token (\"a b\")",
          offset: index)
      }
      index = try checked(at: index)
    }
    tokens.append(LineToken(start: start, end: index, isQuoted: false))
    return index
  }

  private mutating func quotedToken(from openingQuote: Int) throws(LexFailure) -> Int {
    var index = openingQuote + 1
    var escaped = false
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D { break }
      if escapes && byte == UInt8(ascii: "\\") && index + 1 < bytes.count
        && bytes[index + 1] != 0x0A && bytes[index + 1] != 0x0D
      {
        escaped = true
        index = try checked(at: index + 1)
        continue
      }
      if byte == UInt8(ascii: "\"") {
        tokens.append(
          LineToken(start: openingQuote + 1, end: index, isQuoted: true, hasEscapes: escaped))
        index += 1
        if index < bytes.count {
          let next = bytes[index]
          guard next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D else {
            throw LexFailure(
              code: .syntax,
              message: "unexpected \(lexByteName(next)) after a closing quote; expected a space "
                + "or the end of the line", offset: index)
          }
        }
        return index
      }
      index = try checked(at: index)
    }
    throw LexFailure(
      code: .syntax, message: "unclosed quote: the token runs to the end of the line",
      offset: openingQuote)
  }

  /// Checks the character at `index` and returns the index after it.
  @inline(__always)
  private func checked(at index: Int) throws(LexFailure) -> Int {
    let byte = bytes[index]
    if byte >= 0x20 && byte < 0x7F { return index + 1 }
    if byte < 0x80 {
      if byte == 0x09 { return index + 1 }
      throw LexFailure(
        code: .invalidUTF8,
        message: "control character \(lexScalarName(UInt32(byte))) (binary data?)", offset: index)
    }
    let (_, length) = decodeUTF8Scalar(bytes, at: index, limit: bytes.count)
    guard length > 0 else { throw invalidUTF8Failure(bytes, at: index) }
    return index + length
  }

  /// A token's text.
  func string(_ token: LineToken) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
  }

  /// A token's bytes.
  func tokenBytes(_ token: LineToken) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])
  }

  /// Calls `body` with a token's text: its bytes, or, when it holds escapes,
  /// them decoded into a buffer the tokenizer reuses (`\n` a line feed, `\r`
  /// a carriage return, `\t` a tab, a backslash before anything else that thing).
  mutating func withText<Result>(
    _ token: LineToken, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    guard token.hasEscapes else { return try body(tokenBytes(token)) }
    scratch.removeAll()
    var index = token.start
    while index < token.end {
      var byte = bytes[index]
      if byte == UInt8(ascii: "\\") && index + 1 < token.end {
        index += 1
        switch bytes[index] {
        case UInt8(ascii: "n"): byte = 0x0A
        case UInt8(ascii: "r"): byte = 0x0D
        case UInt8(ascii: "t"): byte = 0x09
        default: byte = bytes[index]
        }
      }
      scratch.append(byte)
      index += 1
    }
    return try body(scratch.elements)
  }

  /// Reads the next line whole if, after blank lines, it starts with
  /// `keyword` (in any case) and then white space or its end, returning the
  /// rest of it trimmed (Pajek's `*Network` name, which may hold quotes);
  /// else reads nothing and returns `nil`.
  ///
  /// - Throws: ``LexFailure`` for a control character or invalid UTF-8 in the line.
  mutating func restOfLine(afterKeyword keyword: StaticString) throws(LexFailure) -> Range<Int>? {
    let count = bytes.count
    var index = position
    while index < count
      && (bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A
        || (bytes[index] == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A))
    {
      index += 1
    }
    let length = keyword.utf8CodeUnitCount
    guard index + length <= count,
      isKeyword(LineToken(start: index, end: index + length, isQuoted: false), keyword),
      index + length == count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index + length])
    else { return nil }
    tokens.removeAll()
    tokens.append(LineToken(start: index, end: index + length, isQuoted: false))
    lineStart = index
    var end = index + length
    while end < count && bytes[end] != 0x0A && bytes[end] != 0x0D { end = try checked(at: end) }
    var start = index + length
    while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
    var last = end
    while last > start && (bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09) { last -= 1 }
    position = end
    if end < count && bytes[end] == 0x0D {
      guard end + 1 < count, bytes[end + 1] == 0x0A else {
        throw LexFailure(
          code: .syntax, message: "a carriage return not followed by a line feed", offset: end)
      }
      position = end + 2
    } else if end < count {
      position = end + 1
    }
    return start..<last
  }

  /// Whether a token is `literal`, ignoring ASCII case.
  func isKeyword(_ token: LineToken, _ literal: StaticString) -> Bool {
    guard token.end - token.start == literal.utf8CodeUnitCount else { return false }
    for offset in 0..<literal.utf8CodeUnitCount
    where bytes[token.start + offset] | 0x20 != literal.utf8Start[offset] | 0x20 {
      return false
    }
    return true
  }

  /// A token as a whole number written in decimal digits (with an optional
  /// `-` or `+`), or `nil` if it is not one or does not fit.
  func integer(_ token: LineToken) -> Int? {
    var index = token.start
    var negative = false
    if index < token.end && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+"))
    {
      negative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }
    guard index < token.end else { return nil }
    var value = 0
    while index < token.end {
      let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
      guard digit >= 0 && digit <= 9 else { return nil }
      let (times, overflow) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflowAgain) = times.addingReportingOverflow(negative ? -digit : digit)
      guard !overflow && !overflowAgain else { return nil }
      value = sum
      index += 1
    }
    return value
  }
}
