/// References in XML text: `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and
/// character references (`&#233;`, `&#xE9;`). The lexer checks each as it
/// scans (an undeclared entity, a missing `;`, a code point XML does not
/// allow are errors with their place), so decoding later cannot fail.
///
/// ```swift
/// // <name>Caf&#xE9; &amp; Bar</name>
/// lexer.text(token.text)  // "Café & Bar"
/// ```
///
/// - Complexity: O(*k*) for a reference or text of *k* bytes.
extension XMLLexer {
  /// Checks the reference at `index` (an `&`) and returns the index after its `;`.
  func checkReference(at index: Int) throws(LexFailure) -> Int {
    var cursor = index + 1
    let count = bytes.count
    if cursor < count && bytes[cursor] == UInt8(ascii: "#") {
      cursor += 1
      let hex = cursor < count && bytes[cursor] == UInt8(ascii: "x")
      if hex { cursor += 1 }
      let digitsStart = cursor
      var value: UInt32 = 0
      while cursor < count, let digit = digitValue(bytes[cursor], hex: hex) {
        value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
        cursor += 1
      }
      guard cursor > digitsStart else {
        throw LexFailure(
          code: .syntax,
          message: hex
            ? "'&#x' must be followed by hex digits and ';'"
            : "'&#' must be followed by digits and ';' (or 'x' and hex digits)", offset: index)
      }
      guard cursor < count, bytes[cursor] == UInt8(ascii: ";") else {
        throw LexFailure(
          code: .syntax,
          message: "the character reference '\(string(index..<cursor))' must end "
            + "with ';'", offset: index)
      }
      guard XMLCharacters.isAllowed(value) else {
        throw LexFailure(
          code: .syntax,
          message: "the character reference '\(string(index..<cursor + 1))' names "
            + (value > 0x10_FFFF ? "no Unicode character" : lexScalarName(value))
            + ", which XML does not allow", offset: index)
      }
      return cursor + 1
    }
    let nameStart = cursor
    while cursor < count {
      let byte = bytes[cursor]
      if byte < 0x80 {
        let fits =
          cursor == nameStart
          ? XMLCharacters.isASCIINameStart(byte) : XMLCharacters.isASCIIName(byte)
        guard fits else { break }
        cursor += 1
      } else {
        let (value, length) = decodeUTF8Scalar(bytes, at: cursor, limit: count)
        guard length > 0 else { throw invalidUTF8Failure(bytes, at: cursor) }
        let fits =
          cursor == nameStart ? XMLCharacters.isNameStart(value) : XMLCharacters.isName(value)
        guard fits else { break }
        cursor += length
      }
    }
    guard cursor > nameStart else {
      throw LexFailure(
        code: .syntax,
        message: "'&' must start a reference such as '&amp;'; write a literal '&' as '&amp;'",
        offset: index)
    }
    guard cursor < count, bytes[cursor] == UInt8(ascii: ";") else {
      throw LexFailure(
        code: .syntax, message: "the reference '\(string(index..<cursor))' must end with ';'",
        offset: index)
    }
    guard Self.predefinedEntity(bytes, nameStart..<cursor) != nil else {
      throw LexFailure(
        code: .syntax,
        message: "undeclared entity '\(string(index..<cursor + 1))': trustmap knows only "
          + "&amp; &lt; &gt; &quot; &apos; and character references (it reads no DTD)",
        offset: index)
    }
    return cursor + 1
  }

  /// The byte a predefined entity name stands for, or `nil`.
  static func predefinedEntity(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> UInt8? {
    func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
      guard let base = bytes.baseAddress else { return false }
      return memoryEqual(base + range.lowerBound, literal.utf8Start, literal.utf8CodeUnitCount)
    }
    switch name.count {
    case 2:
      if equals(name, "lt") { return UInt8(ascii: "<") }
      if equals(name, "gt") { return UInt8(ascii: ">") }
    case 3:
      if equals(name, "amp") { return UInt8(ascii: "&") }
    case 4:
      if equals(name, "quot") { return UInt8(ascii: "\"") }
      if equals(name, "apos") { return UInt8(ascii: "'") }
    default: break
    }
    return nil
  }

  /// Appends the decoded text of `range` to `output`: references replaced,
  /// line ends (CR LF, a lone CR) made line feeds, and in an attribute value
  /// tab, line feed and carriage return made spaces (a referenced one stays).
  static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: XMLTextRange, into output: inout LexBuffer<UInt8>
  ) {
    var index = range.start
    var runStart = index
    let end = range.end
    let isAttribute = range.kind == .attributeValue
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "&") && range.kind != .cdata {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        index = appendReference(bytes, at: index, into: &output)
        runStart = index
      } else if byte == 0x0D || (isAttribute && (byte == 0x0A || byte == 0x09)) {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        output.append(isAttribute ? 0x20 : 0x0A)
        index += byte == 0x0D && index + 1 < end && bytes[index + 1] == 0x0A ? 2 : 1
        runStart = index
      } else {
        index += 1
      }
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
  }

  /// Appends what the checked reference at `index` stands for; returns the index after it.
  private static func appendReference(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, into output: inout LexBuffer<UInt8>
  ) -> Int {
    var cursor = index + 1
    if bytes[cursor] == UInt8(ascii: "#") {
      cursor += 1
      let hex = bytes[cursor] == UInt8(ascii: "x")
      if hex { cursor += 1 }
      var value: UInt32 = 0
      while let digit = digitValue(bytes[cursor], hex: hex) {
        value = value * (hex ? 16 : 10) + digit
        cursor += 1
      }
      appendUTF8(value, to: &output)
      return cursor + 1
    }
    while bytes[cursor] != UInt8(ascii: ";") { cursor += 1 }
    if let byte = predefinedEntity(bytes, index + 1..<cursor) { output.append(byte) }
    return cursor + 1
  }

  private static func appendUTF8(_ value: UInt32, to output: inout LexBuffer<UInt8>) {
    if value < 0x80 {
      output.append(UInt8(value))
    } else if value < 0x800 {
      output.append(UInt8(0xC0 | value >> 6))
      output.append(UInt8(0x80 | value & 0x3F))
    } else if value < 0x10000 {
      output.append(UInt8(0xE0 | value >> 12))
      output.append(UInt8(0x80 | (value >> 6) & 0x3F))
      output.append(UInt8(0x80 | value & 0x3F))
    } else {
      output.append(UInt8(0xF0 | value >> 18))
      output.append(UInt8(0x80 | (value >> 12) & 0x3F))
      output.append(UInt8(0x80 | (value >> 6) & 0x3F))
      output.append(UInt8(0x80 | value & 0x3F))
    }
  }
}

@inline(__always)
private func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
  if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
    return UInt32(byte - UInt8(ascii: "0"))
  }
  guard hex else { return nil }
  let folded = byte | 0x20
  if folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "f") {
    return UInt32(folded - UInt8(ascii: "a") + 10)
  }
  return nil
}
