/// The markup the XML lexer skips or refuses: comments, processing
/// instructions, the XML declaration, CDATA sections (reported as text) and
/// `<!DOCTYPE`, whose internal subset is refused so that no entity is ever
/// declared or expanded.
///
/// ```swift
/// // <?xml version="1.0" encoding="UTF-8"?><!-- exported --><graphml/>
/// // yields the start and end tag of graphml only.
/// ```
///
/// - Complexity: O(*k*) for markup of *k* bytes.
extension XMLLexer {
  /// The namespace URI the `xml` prefix is bound to.
  static var xmlNamespaceURI: UnsafeBufferPointer<UInt8> {
    staticBytes("http://www.w3.org/XML/1998/namespace")
  }
  /// The namespace URI of `xmlns` declarations, which no prefix may be bound to.
  static var xmlnsNamespaceURI: UnsafeBufferPointer<UInt8> {
    staticBytes("http://www.w3.org/2000/xmlns/")
  }

  /// `<?target …?>`, or the XML declaration at the very start.
  mutating func processingInstruction() throws(LexFailure) {
    let start = position
    let target = try qualifiedName(at: start + 2, after: "'<?'")
    if target.hasPrefix {
      throw LexFailure(
        code: .syntax, message: "a processing instruction's target must not contain ':'",
        offset: target.start)
    }
    if target.end - target.start == 3
      && bytes[target.start] | 0x20 == UInt8(ascii: "x")
      && bytes[target.start + 1] | 0x20 == UInt8(ascii: "m")
      && bytes[target.start + 2] | 0x20 == UInt8(ascii: "l")
    {
      let exact = equals(target.start..<target.end, "xml")
      guard exact && start == documentStart else {
        throw LexFailure(
          code: .syntax,
          message: exact
            ? "the XML declaration '<?xml …?>' must come first in the document"
            : "the processing-instruction target '\(string(target.start..<target.end))' is reserved",
          offset: start)
      }
      try declaration(from: target.end)
      return
    }
    var index = target.end
    if index + 1 < bytes.count && bytes[index] == UInt8(ascii: "?")
      && bytes[index + 1] == UInt8(ascii: ">")
    {
      position = index + 2
      return
    }
    guard index < bytes.count, XMLCharacters.isSpace(bytes[index]) else {
      throw unexpected(at: index, expected: "white space or '?>' after the target")
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "?") && index + 1 < bytes.count
        && bytes[index + 1] == UInt8(ascii: ">")
      {
        position = index + 2
        return
      }
      index = byte >= 0x20 && byte < 0x80 ? index + 1 : try checkedCharacter(at: index)
    }
    throw LexFailure(
      code: .syntax, message: "unterminated processing instruction: '<?' without '?>'",
      offset: start)
  }

  /// `<?xml version="1.x" encoding="UTF-8" standalone="yes"?>`, from after `<?xml`.
  private mutating func declaration(from start: Int) throws(LexFailure) {
    var index = start
    var step = 0  // 0: version next, 1: encoding or standalone, 2: standalone, 3: none
    while true {
      let spaceStart = index
      while index < bytes.count && XMLCharacters.isSpace(bytes[index]) { index += 1 }
      if index + 1 < bytes.count && bytes[index] == UInt8(ascii: "?")
        && bytes[index + 1] == UInt8(ascii: ">")
      {
        guard step > 0 else {
          throw LexFailure(
            code: .syntax, message: "the XML declaration must give its version: version=\"1.0\"",
            offset: index)
        }
        position = index + 2
        return
      }
      guard index > spaceStart else {
        throw unexpected(at: index, expected: "white space or '?>' in the XML declaration")
      }
      let nameStart = index
      while index < bytes.count && bytes[index] | 0x20 >= UInt8(ascii: "a")
        && bytes[index] | 0x20 <= UInt8(ascii: "z")
      {
        index += 1
      }
      let name = nameStart..<index
      let which: Int
      if step == 0 && equals(name, "version") {
        which = 0
      } else if step <= 1 && step > 0 && equals(name, "encoding") {
        which = 1
      } else if step <= 2 && step > 0 && equals(name, "standalone") {
        which = 2
      } else {
        throw unexpected(
          at: nameStart,
          expected: step == 0
            ? "version=\"1.0\" in the XML declaration"
            : "encoding, standalone or '?>' in the XML declaration")
      }
      while index < bytes.count && XMLCharacters.isSpace(bytes[index]) { index += 1 }
      guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
        throw unexpected(at: index, expected: "'=' in the XML declaration")
      }
      index += 1
      while index < bytes.count && XMLCharacters.isSpace(bytes[index]) { index += 1 }
      guard index < bytes.count,
        bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'")
      else {
        throw unexpected(at: index, expected: "a quoted value in the XML declaration")
      }
      let quote = bytes[index]
      let valueStart = index + 1
      index = valueStart
      while index < bytes.count && bytes[index] != quote && bytes[index] != UInt8(ascii: ">") {
        index =
          bytes[index] >= 0x20 && bytes[index] < 0x80 ? index + 1 : try checkedCharacter(at: index)
      }
      guard index < bytes.count, bytes[index] == quote else {
        throw LexFailure(
          code: .syntax, message: "unterminated value in the XML declaration",
          offset: valueStart - 1)
      }
      try checkDeclarationValue(which, valueStart..<index)
      index += 1
      step = which + 1
    }
  }

  private func checkDeclarationValue(_ which: Int, _ value: Range<Int>) throws(LexFailure) {
    let text = string(value)
    switch which {
    case 0:
      let digits = text.utf8.dropFirst(2)
      guard text.hasPrefix("1."), !digits.isEmpty,
        digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
      else {
        throw LexFailure(
          code: .syntax, message: "unsupported XML version '\(text)'; trustmap reads XML 1.0",
          offset: value.lowerBound)
      }
    case 1:
      guard text.lowercased() == "utf-8" else {
        throw LexFailure(
          code: .syntax,
          message: "the document declares the encoding '\(text)'; trustmap reads UTF-8 XML only "
            + "(convert it to UTF-8)", offset: value.lowerBound)
      }
    default:
      guard text == "yes" || text == "no" else {
        throw LexFailure(
          code: .syntax, message: "standalone must be \"yes\" or \"no\", not '\(text)'",
          offset: value.lowerBound)
      }
    }
  }

  /// `<!--`, `<![CDATA[` or `<!DOCTYPE`; a CDATA section is returned as text.
  mutating func markupDeclaration() throws(LexFailure) -> XMLToken? {
    let start = position
    if hasLiteral("<!--", at: start) {
      try comment()
      return nil
    }
    if hasLiteral("<![CDATA[", at: start) {
      guard !openElements.isEmpty else {
        throw LexFailure(
          code: .syntax, message: "a CDATA section outside the root element", offset: start)
      }
      return try cdata()
    }
    if hasLiteral("<!DOCTYPE", at: start) {
      try doctype()
      return nil
    }
    if hasLiteral("<!ENTITY", at: start) {
      throw LexFailure(
        code: .syntax,
        message: "an entity declaration is not allowed: trustmap does not process DTDs",
        offset: start)
    }
    throw unexpected(at: start + 2, expected: "'<!--', '<![CDATA[' or '<!DOCTYPE' after '<!'")
  }

  private mutating func comment() throws(LexFailure) {
    let start = position
    var index = start + 4
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "-") && index + 1 < bytes.count
        && bytes[index + 1] == UInt8(ascii: "-")
      {
        guard index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: ">") else {
          if index + 2 >= bytes.count { break }
          throw LexFailure(
            code: .syntax, message: "'--' is not allowed inside a comment", offset: index)
        }
        position = index + 3
        return
      }
      index = byte >= 0x20 && byte < 0x80 ? index + 1 : try checkedCharacter(at: index)
    }
    throw LexFailure(
      code: .syntax, message: "unterminated comment: '<!--' without '-->'", offset: start)
  }

  private mutating func cdata() throws(LexFailure) -> XMLToken {
    let start = position
    let contentStart = start + 9
    var index = contentStart
    var needsDecoding = false
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "]") && index + 2 < bytes.count
        && bytes[index + 1] == UInt8(ascii: "]") && bytes[index + 2] == UInt8(ascii: ">")
      {
        position = index + 3
        return XMLToken(
          kind: .text, start: start, end: index + 3,
          text: XMLTextRange(
            start: contentStart, end: index, needsDecoding: needsDecoding, kind: .cdata),
          depth: openElements.count)
      }
      if byte == 0x0D { needsDecoding = true }
      index = byte >= 0x20 && byte < 0x80 ? index + 1 : try checkedCharacter(at: index)
    }
    throw LexFailure(
      code: .syntax, message: "unterminated CDATA section: '<![CDATA[' without ']]>'",
      offset: start)
  }

  /// `<!DOCTYPE name [SYSTEM "uri" | PUBLIC "id" "uri"]>`: checked and
  /// ignored (the DTD is never fetched); an internal subset is an error.
  private mutating func doctype() throws(LexFailure) {
    let start = position
    guard !sawRoot else {
      throw LexFailure(
        code: .syntax, message: "a DOCTYPE must come before the root element", offset: start)
    }
    guard !sawDoctype else {
      throw LexFailure(code: .syntax, message: "a second DOCTYPE", offset: start)
    }
    sawDoctype = true
    var index = start + 9
    guard index < bytes.count, XMLCharacters.isSpace(bytes[index]) else {
      throw unexpected(at: index, expected: "white space after '<!DOCTYPE'")
    }
    while index < bytes.count && XMLCharacters.isSpace(bytes[index]) { index += 1 }
    index = try qualifiedName(at: index, after: "'<!DOCTYPE'").end
    var literals = 0
    var keyword = 0  // 0: none yet, 1: SYSTEM, 2: PUBLIC
    while true {
      let spaceStart = index
      while index < bytes.count && XMLCharacters.isSpace(bytes[index]) { index += 1 }
      guard index < bytes.count else {
        throw LexFailure(
          code: .syntax, message: "unterminated DOCTYPE: '<!DOCTYPE' without '>'", offset: start)
      }
      let byte = bytes[index]
      if byte == UInt8(ascii: "[") {
        throw LexFailure(
          code: .syntax,
          message: "a DOCTYPE with an internal subset is not supported: trustmap does not "
            + "process DTDs or entity declarations", offset: index)
      }
      if byte == UInt8(ascii: ">") {
        guard keyword == 0 || literals == keyword else {
          throw unexpected(at: index, expected: "a quoted literal in the DOCTYPE")
        }
        position = index + 1
        return
      }
      guard index > spaceStart else {
        throw unexpected(at: index, expected: "white space or '>' in the DOCTYPE")
      }
      if keyword == 0 && hasLiteral("SYSTEM", at: index) {
        keyword = 1
        index += 6
      } else if keyword == 0 && hasLiteral("PUBLIC", at: index) {
        keyword = 2
        index += 6
      } else if keyword > 0 && literals < keyword
        && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
      {
        var end = index + 1
        while end < bytes.count && bytes[end] != byte {
          end = bytes[end] >= 0x20 && bytes[end] < 0x80 ? end + 1 : try checkedCharacter(at: end)
        }
        guard end < bytes.count else {
          throw LexFailure(
            code: .syntax, message: "unterminated literal in the DOCTYPE", offset: index)
        }
        literals += 1
        index = end + 1
      } else {
        throw unexpected(
          at: index,
          expected: keyword == 0
            ? "SYSTEM, PUBLIC, '[' or '>' in the DOCTYPE"
            : "a quoted literal or '>' in the DOCTYPE")
      }
    }
  }

  /// Whether the ASCII `literal` stands at `offset`.
  func hasLiteral(_ literal: StaticString, at offset: Int) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard offset + length <= bytes.count, let base = bytes.baseAddress else { return false }
    return memoryEqual(base + offset, literal.utf8Start, length)
  }
}

/// The bytes of a static ASCII string, for constants.
private func staticBytes(_ text: StaticString) -> UnsafeBufferPointer<UInt8> {
  UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
}
