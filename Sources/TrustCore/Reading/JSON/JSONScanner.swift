/// A byte-level JSON tokenizer over a buffer, strict to RFC 8259: the
/// network reader drives it key by key, so the document never becomes a tree.
///
/// Strings are validated as UTF-8 while they are scanned; a string without
/// escapes is returned as a range of the input (no copy), one with escapes is
/// decoded into a scratch buffer. Numbers take an exact fast path for the
/// common short decimals and fall back to the standard library otherwise.
///
/// - Complexity: O(*n*) in the input size; nesting is tracked with a counter,
///   never with recursion.
struct JSONScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  var position: Int
  /// Holds the decoded text of the last string that had escapes.
  var scratch: [UInt8] = []

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    position = 0
  }

  /// Why scanning stopped: the message and the byte offset it points at.
  struct Failure: Error {
    var code: NetworkDiagnostic.Code
    var message: String
    var offset: Int
  }

  /// A scanned string: a range of the input, or the scratch buffer when it had escapes.
  struct StringToken {
    var start: Int
    var end: Int
    var decoded: Bool
  }

  /// A scanned number: its value and the range of its text.
  struct NumberToken {
    var value: Double
    var start: Int
    var end: Int
    var isInteger: Bool
  }

  var atEnd: Bool { position >= bytes.count }

  /// The next byte after white space, without consuming it, or `nil` at the end.
  @inline(__always)
  mutating func peek() -> UInt8? {
    var index = position
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if isJSONSpace(byte) {
        index += 1
      } else {
        position = index
        return byte
      }
    }
    position = index
    return nil
  }

  /// Consumes `byte` after white space, or fails with `expected`.
  @inline(__always)
  mutating func expect(_ byte: UInt8, _ expected: @autoclosure () -> String) throws(Failure) {
    guard let next = peek() else { throw unexpectedEnd(expected()) }
    guard next == byte else { throw unexpected(expected()) }
    position += 1
  }

  /// After a value inside a container: consumes `,` and returns true, or
  /// consumes `close` and returns false.
  @inline(__always)
  mutating func nextElement(close: UInt8) throws(Failure) -> Bool {
    guard let next = peek() else {
      throw unexpectedEnd(close == UInt8(ascii: "}") ? "',' or '}'" : "',' or ']'")
    }
    position += 1
    if next == UInt8(ascii: ",") { return true }
    if next == close { return false }
    position -= 1
    throw unexpected(close == UInt8(ascii: "}") ? "',' or '}'" : "',' or ']'")
  }

  /// Consumes the opening `{` or `[` and reports whether the container is empty.
  @inline(__always)
  mutating func open(_ byte: UInt8) throws(Failure) -> Bool {
    position += 1
    let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
    if peek() == close {
      position += 1
      return true
    }
    return false
  }

  /// Scans an object key and the colon after it.
  @inline(__always)
  mutating func key() throws(Failure) -> StringToken {
    guard let next = peek() else { throw unexpectedEnd("a key in double quotes") }
    guard next == UInt8(ascii: "\"") else { throw unexpected("a key in double quotes") }
    let token = try string()
    try expect(UInt8(ascii: ":"), "':' after the key")
    return token
  }

  /// Scans a string starting at the opening quote (already peeked).
  mutating func string() throws(Failure) -> StringToken {
    let start = position + 1
    var index = start
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        position = index + 1
        return StringToken(start: start, end: index, decoded: false)
      }
      if byte == UInt8(ascii: "\\") {
        return try decodeEscapedString(start: start, escapeAt: index)
      }
      if byte < 0x20 {
        throw Failure(
          code: .syntax,
          message: "control character U+\(hex4(UInt32(byte))) in a string; write it as an escape",
          offset: index)
      }
      if byte >= 0x80 {
        index = try validateUTF8(at: index)
      } else {
        index += 1
      }
    }
    throw Failure(code: .syntax, message: "unterminated string", offset: start - 1)
  }

  private mutating func decodeEscapedString(start: Int, escapeAt: Int) throws(Failure)
    -> StringToken
  {
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<escapeAt]))
    var index = escapeAt
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        position = index + 1
        return StringToken(start: start, end: index, decoded: true)
      }
      if byte == UInt8(ascii: "\\") {
        guard index + 1 < count else { break }
        let escape = bytes[index + 1]
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
          index = try decodeUnicodeEscape(at: index)
          continue
        default:
          throw Failure(
            code: .syntax, message: "invalid escape '\\\(Character(Unicode.Scalar(escape)))'",
            offset: index)
        }
        index += 2
        continue
      }
      if byte < 0x20 {
        throw Failure(
          code: .syntax,
          message: "control character U+\(hex4(UInt32(byte))) in a string; write it as an escape",
          offset: index)
      }
      if byte >= 0x80 {
        let next = try validateUTF8(at: index)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<next]))
        index = next
      } else {
        scratch.append(byte)
        index += 1
      }
    }
    throw Failure(code: .syntax, message: "unterminated string", offset: start - 1)
  }

  /// Decodes `\uXXXX` (and its low surrogate when it is a high one) at `index`;
  /// returns the index after it.
  private mutating func decodeUnicodeEscape(at index: Int) throws(Failure) -> Int {
    guard let unit = hexQuad(at: index + 2) else {
      throw Failure(
        code: .syntax, message: "'\\u' must be followed by four hex digits", offset: index)
    }
    var scalarValue = unit
    var next = index + 6
    if unit >= 0xD800 && unit <= 0xDBFF {
      guard next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\\"),
        bytes[next + 1] == UInt8(ascii: "u"), let low = hexQuad(at: next + 2),
        low >= 0xDC00 && low <= 0xDFFF
      else {
        throw Failure(
          code: .loneSurrogate,
          message:
            "lone surrogate '\\u\(hex4(unit))': a high surrogate must be followed by a low one",
          offset: index)
      }
      scalarValue = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
      next += 6
    } else if unit >= 0xDC00 && unit <= 0xDFFF {
      throw Failure(
        code: .loneSurrogate,
        message: "lone surrogate '\\u\(hex4(unit))': a low surrogate without a high one",
        offset: index)
    }
    guard let scalar = Unicode.Scalar(scalarValue) else {
      throw Failure(code: .syntax, message: "invalid escape", offset: index)
    }
    scratch.append(contentsOf: UTF8.encode(scalar).map { Array($0) } ?? [])
    return next
  }

  private func hexQuad(at index: Int) -> UInt32? {
    guard index + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for offset in 0..<4 {
      let byte = bytes[index + offset]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: return nil
      }
      value = value << 4 | digit
    }
    return value
  }

  /// Checks the UTF-8 sequence starting at `index` (a byte ≥ 0x80) and returns
  /// the index after it. Rejects overlong forms, surrogates and values past U+10FFFF.
  @inline(__always)
  private func validateUTF8(at index: Int) throws(Failure) -> Int {
    let lead = bytes[index]
    let count = bytes.count
    func continuation(_ at: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
      at < count && bytes[at] >= low && bytes[at] <= high
    }
    let valid: Bool
    let length: Int
    switch lead {
    case 0xC2...0xDF:
      length = 2
      valid = continuation(index + 1)
    case 0xE0:
      length = 3
      valid = continuation(index + 1, 0xA0) && continuation(index + 2)
    case 0xE1...0xEC, 0xEE...0xEF:
      length = 3
      valid = continuation(index + 1) && continuation(index + 2)
    case 0xED:
      length = 3
      valid = continuation(index + 1, 0x80, 0x9F) && continuation(index + 2)
    case 0xF0:
      length = 4
      valid = continuation(index + 1, 0x90) && continuation(index + 2) && continuation(index + 3)
    case 0xF1...0xF3:
      length = 4
      valid = continuation(index + 1) && continuation(index + 2) && continuation(index + 3)
    case 0xF4:
      length = 4
      valid =
        continuation(index + 1, 0x80, 0x8F) && continuation(index + 2) && continuation(index + 3)
    default:
      length = 1
      valid = false
    }
    guard valid else {
      throw Failure(
        code: .invalidUTF8, message: "invalid UTF-8 byte 0x\(hex2(lead)) in a string",
        offset: index)
    }
    return index + length
  }

  /// Scans a number starting at the current position (already peeked).
  mutating func number() throws(Failure) -> NumberToken {
    let start = position
    var index = start
    let count = bytes.count
    var negative = false
    if index < count && bytes[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    guard index < count, isDigit(bytes[index]) else {
      throw Failure(code: .syntax, message: "invalid number", offset: start)
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var exponent = 0
    var isInteger = true
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < count && isDigit(bytes[index]) {
        throw Failure(
          code: .syntax, message: "invalid number: a leading zero must not be followed by digits",
          offset: start)
      }
    } else {
      while index < count && isDigit(bytes[index]) {
        if digits < 19 {
          mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- UInt8(ascii: "0"))
          if mantissa != 0 { digits += 1 }
        } else {
          exponent += 1
        }
        index += 1
      }
    }
    if index < count && bytes[index] == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard index < count, isDigit(bytes[index]) else {
        throw Failure(
          code: .syntax, message: "invalid number: digits must follow the decimal point",
          offset: start)
      }
      while index < count && isDigit(bytes[index]) {
        if digits < 19 {
          mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- UInt8(ascii: "0"))
          if mantissa != 0 { digits += 1 }
          exponent -= 1
        }
        index += 1
      }
    }
    if index < count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
      isInteger = false
      index += 1
      var exponentNegative = false
      if index < count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
        exponentNegative = bytes[index] == UInt8(ascii: "-")
        index += 1
      }
      guard index < count, isDigit(bytes[index]) else {
        throw Failure(
          code: .syntax, message: "invalid number: digits must follow the exponent", offset: start)
      }
      var written = 0
      while index < count && isDigit(bytes[index]) {
        if written < 100_000 { written = written * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
        index += 1
      }
      exponent += exponentNegative ? -written : written
    }
    position = index
    var value: Double
    if mantissa == 0 {
      value = 0
    } else if mantissa < (1 << 53) && exponent >= -22 && exponent <= 22 {
      value = Double(mantissa)
      if exponent < 0 {
        value /= Self.powersOfTen[-exponent]
      } else {
        value *= Self.powersOfTen[exponent]
      }
    } else {
      let text = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
      value = Double(text) ?? .infinity
      value = abs(value)
    }
    if negative { value = -value }
    return NumberToken(value: value, start: start, end: index, isInteger: isInteger)
  }

  private static let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// Consumes `true`, `false` or `null` at the current position; returns which.
  mutating func literal() throws(Failure) -> UInt8 {
    let first = bytes[position]
    let word: StaticString =
      first == UInt8(ascii: "t") ? "true" : first == UInt8(ascii: "f") ? "false" : "null"
    let length = word.utf8CodeUnitCount
    guard position + length <= bytes.count else { throw unexpected("a value") }
    for offset in 0..<length where bytes[position + offset] != word.utf8Start[offset] {
      throw unexpected("a value")
    }
    position += length
    return first
  }

  /// Skips one whole value of any kind, checking its syntax; `depth` is the
  /// nesting depth of the container the value sits in.
  mutating func skipValue(depth: Int, maximumDepth: Int) throws(Failure) {
    guard let first = peek() else { throw unexpectedEnd("a value") }
    switch first {
    case UInt8(ascii: "\""):
      _ = try string()
      return
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      _ = try number()
      return
    case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
      _ = try literal()
      return
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      break
    default:
      throw unexpected("a value")
    }
    // Containers: a stack of open kinds, as bits (1 = object), no recursion.
    var kinds: [Bool] = []
    var level = depth
    var isObject = first == UInt8(ascii: "{")
    level += 1
    if level > maximumDepth { throw tooDeep(maximumDepth) }
    if try open(first) {
      return
    }
    while true {
      if isObject { _ = try key() }
      guard let next = peek() else { throw unexpectedEnd("a value") }
      if next == UInt8(ascii: "{") || next == UInt8(ascii: "[") {
        level += 1
        if level > maximumDepth { throw tooDeep(maximumDepth) }
        kinds.append(isObject)
        isObject = next == UInt8(ascii: "{")
        if try !open(next) { continue }
        level -= 1
        isObject = kinds.removeLast()
      } else {
        switch next {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"): _ = try literal()
        default: throw unexpected("a value")
        }
      }
      // Close as many containers as end here.
      while try !nextElement(close: isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
        level -= 1
        if kinds.isEmpty { return }
        isObject = kinds.removeLast()
      }
    }
  }

  func tooDeep(_ maximumDepth: Int) -> Failure {
    Failure(
      code: .nestingTooDeep, message: "nesting deeper than \(maximumDepth) levels",
      offset: position)
  }

  func unexpectedEnd(_ expected: String) -> Failure {
    Failure(
      code: .syntax, message: "unexpected end of input; expected \(expected)", offset: position)
  }

  func unexpected(_ expected: String) -> Failure {
    guard position < bytes.count else { return unexpectedEnd(expected) }
    let byte = bytes[position]
    let found: String
    if byte >= 0x80 || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) {
      let isUTF8Start = byte >= 0xC2 && byte <= 0xF4
      found =
        isUTF8Start
        ? "a non-ASCII character outside a string" : "byte 0x\(hex2(byte)) (binary data?)"
      return Failure(
        code: isUTF8Start ? .syntax : .invalidUTF8,
        message: "unexpected \(found); expected \(expected)",
        offset: position)
    }
    found = "'\(Character(Unicode.Scalar(byte)))'"
    return Failure(
      code: .syntax, message: "unexpected \(found); expected \(expected)", offset: position)
  }

  /// The bytes of a scanned string.
  @inline(__always)
  func withBytes<Result>(
    _ token: StringToken, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    if token.decoded {
      return try scratch.withUnsafeBufferPointer(body)
    }
    return try body(UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]))
  }

  /// The text of a scanned string.
  func text(_ token: StringToken) -> String {
    withBytes(token) { String(decoding: $0, as: UTF8.self) }
  }

  /// Whether a scanned string equals an ASCII key.
  @inline(__always)
  func matches(_ token: StringToken, _ literal: StaticString) -> Bool {
    let length = literal.utf8CodeUnitCount
    if token.decoded {
      guard scratch.count == length else { return false }
      return scratch.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return length == 0 }
        return memoryEqual(base, literal.utf8Start, length)
      }
    }
    guard token.end - token.start == length, let base = bytes.baseAddress else { return false }
    return memoryEqual(base + token.start, literal.utf8Start, length)
  }
}

/// Whether `byte` is JSON white space: space, tab, line feed or carriage return.
@inline(__always)
func isJSONSpace(_ byte: UInt8) -> Bool {
  byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
}

/// Moves `index` past the white space in `bytes` that ends before `limit`.
@inline(__always)
func skipJSONSpace(in bytes: UnsafeBufferPointer<UInt8>, from index: inout Int, before limit: Int) {
  while index < limit && isJSONSpace(bytes[index]) { index &+= 1 }
}

@inline(__always)
private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

func hex2(_ byte: UInt8) -> String {
  let digits = Array("0123456789ABCDEF")
  return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}

func hex4(_ value: UInt32) -> String {
  hex2(UInt8(truncatingIfNeeded: value >> 8)) + hex2(UInt8(truncatingIfNeeded: value))
}
