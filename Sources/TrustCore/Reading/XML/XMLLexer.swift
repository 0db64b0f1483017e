/// A strict, fast pull lexer for XML 1.0 in UTF-8, over a buffer of bytes:
/// the readers of GraphML and GEXF drive it tag by tag, so a document never
/// becomes a tree.
///
/// It checks well-formedness as it goes (matching tags, one root element,
/// attribute syntax, repeated attributes, valid UTF-8, the characters XML
/// forbids, references), and namespaces (prefixes must be declared; each
/// element's namespace is resolved, see ``namespaceURI(_:)``). It skips the
/// XML declaration (whose encoding must be UTF-8 if given), comments and
/// processing instructions. It processes no DTD at all: a `<!DOCTYPE` with an
/// internal subset is an error at its `[`, so a "billion laughs" file fails
/// at once; an external DTD reference is ignored, never fetched (files
/// exported with `<!DOCTYPE graphml SYSTEM "…graphml.dtd">` still read), and
/// any entity it might declare is an undeclared-entity error where it is
/// used. Text and attribute values are byte ranges of the input, flagged
/// when they hold references or line ends to decode (``withText(_:_:)``).
///
/// ```swift
/// var lexer = XMLLexer(bytes: buffer)
/// while let token = try lexer.next() {
///   if token.kind == .startTag, lexer.isLocalName(token.name, "node"),
///     let id = lexer.attribute(local: "id")
///   {
///     print(lexer.text(id.value))
///   }
/// }
/// ```
///
/// - Complexity: O(*n*) in the input size; elements are tracked on a stack
///   of at most ``maximumDepth``, never with recursion; namespace prefixes
///   are found through a hash table and repeated attributes by sorting once
///   a tag has more than eight, so no input is quadratic.
struct XMLLexer: ~Copyable {
  /// The deepest nesting of elements read, as for JSON: the root is level 1.
  static let maximumDepth = 512
  /// The namespace index of a name in no namespace.
  static let noNamespace: Int32 = -1
  /// The namespace index of the `xml` prefix, always bound.
  static let xmlNamespace: Int32 = 0

  /// The document.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The nesting limit; a start tag that would open a deeper level is an error.
  let maximumDepth: Int
  /// Whether text that is only white space is reported (by default it is skipped).
  var reportsWhitespaceText = false
  /// The offset of the next byte to read.
  var position = 0
  /// The offset after the byte-order mark, where the declaration may stand.
  private(set) var documentStart = 0

  struct OpenElement: BitwiseCopyable {
    var name: XMLName
    var namespace: Int32
    var bindingsBefore: Int32
    var defaultBefore: Int32
  }

  struct NamespaceBinding: BitwiseCopyable {
    var prefixStart: Int
    var prefixEnd: Int
    var uriStart: Int
    var uriEnd: Int
    var shadowed: Int32
  }

  /// What each byte is in a name: see ``nameStartByte`` and the others.
  var nameBytes = LexBuffer<UInt8>(capacity: 256)
  static let nameStartByte: UInt8 = 1
  static let nameByte: UInt8 = 2
  static let colonByte: UInt8 = 3
  static let nonASCIIByte: UInt8 = 4
  var openElements = LexBuffer<OpenElement>(capacity: 64)
  var attributes = LexBuffer<XMLAttribute>(capacity: 16)
  var bindings = LexBuffer<NamespaceBinding>(capacity: 8)
  var uriBytes = LexBuffer<UInt8>(capacity: 256)
  var prefixTable: [UInt64: Int32] = [:]
  var defaultNamespace = XMLLexer.noNamespace
  var scratch = LexBuffer<UInt8>(capacity: 256)
  var started = false
  var finished = false
  var sawMarkup = false
  var sawRoot = false
  var sawDoctype = false
  var pendingEnd = false
  var pendingPop = false

  /// A lexer at the start of `bytes`, which must stay valid while it is used.
  init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int = XMLLexer.maximumDepth) {
    self.bytes = bytes
    self.maximumDepth = maximumDepth
    for value in 0..<256 {
      let byte = UInt8(value)
      if byte >= 0x80 {
        nameBytes.append(Self.nonASCIIByte)
      } else if byte == UInt8(ascii: ":") {
        nameBytes.append(Self.colonByte)
      } else if XMLCharacters.isASCIINameStart(byte) {
        nameBytes.append(Self.nameStartByte)
      } else {
        nameBytes.append(XMLCharacters.isASCIIName(byte) ? Self.nameByte : 0)
      }
    }
    uriBytes.append(contentsOf: Self.xmlNamespaceURI)
    bindings.append(
      NamespaceBinding(
        prefixStart: 0, prefixEnd: 0, uriStart: 0, uriEnd: uriBytes.count, shadowed: -1))
  }

  /// The number of open elements: 1 inside the root.
  var depth: Int { openElements.count }

  /// The attributes of the last start tag, valid until the next call of ``next()``.
  var attributeCount: Int { attributes.count }

  /// The attribute at `index`, below ``attributeCount``.
  func attribute(_ index: Int) -> XMLAttribute { attributes[index] }

  /// The next token, or `nil` once the document has ended well-formed.
  ///
  /// - Throws: ``LexFailure`` at the first problem; the lexer must not be used after.
  mutating func next() throws(LexFailure) -> XMLToken? {
    if pendingPop { popElement() }
    if pendingEnd {
      pendingEnd = false
      pendingPop = true
      let element = openElements.last
      return XMLToken(
        kind: .endTag, start: position, end: position, name: element.name,
        namespace: element.namespace, depth: openElements.count)
    }
    if !started { try begin() }
    while true {
      guard position < bytes.count else { return try finish() }
      if bytes[position] != UInt8(ascii: "<") {
        if openElements.isEmpty {
          try skipSpaceOutsideRoot()
          continue
        }
        if let token = try text() { return token }
        continue
      }
      sawMarkup = true
      guard position + 1 < bytes.count else {
        throw LexFailure(
          code: .syntax, message: "unexpected end of input after '<'", offset: position)
      }
      switch bytes[position + 1] {
      case UInt8(ascii: "/"): return try endTag()
      case UInt8(ascii: "?"): try processingInstruction()
      case UInt8(ascii: "!"): if let token = try markupDeclaration() { return token }
      default: return try startTag()
      }
    }
  }

  private mutating func begin() throws(LexFailure) {
    started = true
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      documentStart = 3
    } else if bytes.count >= 2
      && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    {
      throw LexFailure(
        code: .invalidUTF8,
        message: "the document is UTF-16; trustmap reads UTF-8 XML only (convert it to UTF-8)",
        offset: 0)
    }
    position = documentStart
  }

  private mutating func finish() throws(LexFailure) -> XMLToken? {
    if let open = openElements.isEmpty ? nil : openElements.last {
      throw LexFailure(
        code: .syntax,
        message:
          "unexpected end of input; the element '\(string(open.name.start..<open.name.end))' "
          + "is not closed", offset: bytes.count)
    }
    if !sawRoot {
      if !sawMarkup {
        throw LexFailure(
          code: .emptyInput, message: "the input is empty; expected an XML document",
          offset: documentStart)
      }
      throw LexFailure(
        code: .syntax, message: "no root element; an XML document needs exactly one",
        offset: bytes.count)
    }
    finished = true
    return nil
  }

  /// Outside the root only white space, comments and processing instructions may stand.
  private mutating func skipSpaceOutsideRoot() throws(LexFailure) {
    var index = position
    while index < bytes.count && XMLCharacters.isSpace(bytes[index]) { index += 1 }
    position = index
    guard index < bytes.count, bytes[index] != UInt8(ascii: "<") else { return }
    let byte = bytes[index]
    if byte < 0x20 || byte >= 0x80 { _ = try checkedCharacter(at: index) }
    throw LexFailure(
      code: .syntax,
      message: sawRoot
        ? "content after the root element; an XML document has exactly one root"
        : "text before the root element", offset: index)
  }

  // MARK: Tags

  private mutating func startTag() throws(LexFailure) -> XMLToken {
    let tagStart = position
    let name = try qualifiedName(at: position + 1, after: "'<'")
    if sawRoot && openElements.isEmpty {
      throw LexFailure(
        code: .syntax,
        message: "a second root element '\(string(name.start..<name.end))'; "
          + "an XML document has exactly one root", offset: tagStart)
    }
    attributes.removeAll()
    var index = name.end
    var isEmpty = false
    while true {
      let spaceStart = index
      while index < bytes.count && XMLCharacters.isSpace(bytes[index]) { index += 1 }
      guard index < bytes.count else {
        throw LexFailure(
          code: .syntax,
          message: "unexpected end of input in the tag '<\(string(name.start..<name.end))'",
          offset: tagStart)
      }
      let byte = bytes[index]
      if byte == UInt8(ascii: ">") {
        index += 1
        break
      }
      if byte == UInt8(ascii: "/") {
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") else {
          throw unexpected(at: index + 1, expected: "'>' after '/' to end the empty-element tag")
        }
        index += 2
        isEmpty = true
        break
      }
      guard index > spaceStart else {
        throw unexpected(at: index, expected: "white space, '>' or '/>' in the tag")
      }
      let attributeName = try qualifiedName(at: index, after: "white space in a tag")
      index = attributeName.end
      while index < bytes.count && XMLCharacters.isSpace(bytes[index]) { index += 1 }
      guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
        throw unexpected(
          at: index,
          expected:
            "'=' after the attribute name '\(string(attributeName.start..<attributeName.end))'"
        )
      }
      index += 1
      while index < bytes.count && XMLCharacters.isSpace(bytes[index]) { index += 1 }
      guard index < bytes.count,
        bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'")
      else {
        throw unexpected(
          at: index,
          expected:
            "a quoted value for the attribute '\(string(attributeName.start..<attributeName.end))'")
      }
      let value = try attributeValue(openingQuote: index)
      index = value.end + 1
      attributes.append(
        XMLAttribute(
          name: attributeName, value: value, namespace: Self.noNamespace,
          isNamespaceDeclaration: false))
    }
    if openElements.count >= maximumDepth {
      throw LexFailure(
        code: .nestingTooDeep, message: "nesting deeper than \(maximumDepth) levels",
        offset: tagStart)
    }
    if attributes.count > 1 { try checkRepeatedAttributes() }
    let bindingsBefore = Int32(bindings.count)
    let defaultBefore = defaultNamespace
    let namespace = try resolveNamespaces(of: name)
    openElements.append(
      OpenElement(
        name: name, namespace: namespace, bindingsBefore: bindingsBefore,
        defaultBefore: defaultBefore))
    sawRoot = true
    position = index
    pendingEnd = isEmpty
    return XMLToken(
      kind: .startTag, start: tagStart, end: index, name: name, namespace: namespace,
      isEmptyElement: isEmpty, depth: openElements.count)
  }

  private mutating func endTag() throws(LexFailure) -> XMLToken {
    let tagStart = position
    let name = try qualifiedName(at: position + 2, after: "'</'")
    var index = name.end
    while index < bytes.count && XMLCharacters.isSpace(bytes[index]) { index += 1 }
    guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else {
      throw unexpected(
        at: index, expected: "'>' to end the end tag '</\(string(name.start..<name.end))'")
    }
    guard !openElements.isEmpty else {
      throw LexFailure(
        code: .syntax,
        message: "the end tag '</\(string(name.start..<name.end))>' has no start tag",
        offset: tagStart)
    }
    let open = openElements.last
    let length = name.end - name.start
    guard length == open.name.end - open.name.start,
      let base = bytes.baseAddress, memoryEqual(base + name.start, base + open.name.start, length)
    else {
      throw LexFailure(
        code: .syntax,
        message: "the end tag '</\(string(name.start..<name.end))>' does not match "
          + "the start tag '<\(string(open.name.start..<open.name.end))>'", offset: tagStart)
    }
    position = index + 1
    pendingPop = true
    return XMLToken(
      kind: .endTag, start: tagStart, end: index + 1, name: open.name,
      namespace: open.namespace, depth: openElements.count)
  }

  mutating func popElement() {
    pendingPop = false
    let element = openElements.last
    openElements.truncate(to: openElements.count - 1)
    let first = Int(element.bindingsBefore)
    if first < bindings.count {
      for index in stride(from: bindings.count - 1, through: first, by: -1) {
        let binding = bindings[index]
        guard binding.prefixEnd > binding.prefixStart else { continue }
        let hash = prefixHash(binding.prefixStart..<binding.prefixEnd)
        if binding.shadowed < 0 {
          prefixTable[hash] = nil
        } else {
          prefixTable[hash] = binding.shadowed
        }
      }
      uriBytes.truncate(to: bindings[first].uriStart)
      bindings.truncate(to: first)
    }
    defaultNamespace = element.defaultBefore
  }

  // MARK: Names and values

  /// Scans a name with at most one colon, neither first nor last, and a
  /// local part that starts like a name (the rules of XML namespaces).
  func qualifiedName(at start: Int, after context: StaticString) throws(LexFailure) -> XMLName {
    var index = start
    var colon = start - 1
    var colons = 0
    guard index < bytes.count else {
      throw LexFailure(
        code: .syntax, message: "unexpected end of input; expected a name after \(context)",
        offset: index)
    }
    var first = true
    let count = bytes.count
    while index < count {
      let kind = nameBytes[Int(bytes[index])]
      if kind == Self.nameStartByte {
        index &+= 1
        first = false
        continue
      }
      if kind == Self.nameByte {
        if first { break }
        index &+= 1
        continue
      }
      if kind == Self.colonByte {
        colons += 1
        colon = index
        index += 1
        first = false
        continue
      }
      guard kind == Self.nonASCIIByte else { break }
      let (value, length) = decodeUTF8Scalar(bytes, at: index, limit: count)
      guard length > 0 else { throw invalidUTF8Failure(bytes, at: index) }
      guard first ? XMLCharacters.isNameStart(value) : XMLCharacters.isName(value) else { break }
      index += length
      first = false
    }
    guard index > start else {
      throw unexpected(at: start, expected: "a name after \(context)")
    }
    let name = XMLName(start: start, colon: colon, end: index)
    if colons > 0 {
      let text = string(start..<index)
      if colons > 1 {
        throw LexFailure(
          code: .syntax, message: "the name '\(text)' has more than one ':'", offset: start)
      }
      if colon == start || colon == index - 1 {
        throw LexFailure(
          code: .syntax, message: "the name '\(text)' has an empty prefix or local part",
          offset: start)
      }
      let localFirst = bytes[colon + 1]
      let startsWell =
        localFirst >= 0x80
        ? XMLCharacters.isNameStart(decodeUTF8Scalar(bytes, at: colon + 1, limit: index).value)
        : XMLCharacters.isASCIINameStart(localFirst)
      if !startsWell {
        throw LexFailure(
          code: .syntax, message: "the local part of the name '\(text)' must start with a letter",
          offset: colon + 1)
      }
    }
    return name
  }

  /// Scans an attribute value from its opening quote; the range excludes the quotes.
  private func attributeValue(openingQuote: Int) throws(LexFailure) -> XMLTextRange {
    let quote = bytes[openingQuote]
    var index = openingQuote + 1
    var needsDecoding = false
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte >= 0x20 && byte < 0x80 {
        if byte == quote {
          return XMLTextRange(
            start: openingQuote + 1, end: index, needsDecoding: needsDecoding,
            kind: .attributeValue)
        }
        if byte == UInt8(ascii: "<") {
          throw LexFailure(
            code: .syntax,
            message: "'<' is not allowed in an attribute value; write it as '&lt;'", offset: index)
        }
        if byte == UInt8(ascii: "&") {
          index = try checkReference(at: index)
          needsDecoding = true
          continue
        }
        index += 1
      } else if byte == 0x09 || byte == 0x0A || byte == 0x0D {
        needsDecoding = true
        index += 1
      } else {
        index = try checkedCharacter(at: index)
      }
    }
    throw LexFailure(
      code: .syntax, message: "unterminated attribute value", offset: openingQuote)
  }

  /// Scans character data up to the next `<`; `nil` for skipped white space.
  private mutating func text() throws(LexFailure) -> XMLToken? {
    let start = position
    var index = start
    var needsDecoding = false
    var onlySpace = true
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte >= 0x20 && byte < 0x80 {
        if byte == UInt8(ascii: "<") { break }
        if byte == UInt8(ascii: "&") {
          index = try checkReference(at: index)
          needsDecoding = true
          onlySpace = false
          continue
        }
        if byte == UInt8(ascii: ">") && index - start >= 2 && bytes[index - 1] == UInt8(ascii: "]")
          && bytes[index - 2] == UInt8(ascii: "]")
        {
          throw LexFailure(
            code: .syntax, message: "']]>' is not allowed in text; write '>' as '&gt;'",
            offset: index - 2)
        }
        if byte != 0x20 { onlySpace = false }
        index += 1
      } else if byte == 0x0A || byte == 0x09 {
        index += 1
      } else if byte == 0x0D {
        needsDecoding = true
        index += 1
      } else {
        index = try checkedCharacter(at: index)
        onlySpace = false
      }
    }
    position = index
    if onlySpace && !reportsWhitespaceText { return nil }
    return XMLToken(
      kind: .text, start: start, end: index,
      text: XMLTextRange(start: start, end: index, needsDecoding: needsDecoding, kind: .content),
      depth: openElements.count)
  }

  /// Checks the character at `index` (not printable ASCII) and returns the index after it.
  @inline(__always)
  func checkedCharacter(at index: Int) throws(LexFailure) -> Int {
    let (value, length) = decodeUTF8Scalar(bytes, at: index, limit: bytes.count)
    guard length > 0 else { throw invalidUTF8Failure(bytes, at: index) }
    guard XMLCharacters.isAllowed(value) else {
      throw LexFailure(
        code: value < 0x20 ? .invalidUTF8 : .syntax,
        message: "the character \(lexScalarName(value)) is not allowed in XML"
          + (value < 0x20 ? " (binary data?)" : ""), offset: index)
    }
    return index + length
  }

  func unexpected(at index: Int, expected: String) -> LexFailure {
    guard index < bytes.count else {
      return LexFailure(
        code: .syntax, message: "unexpected end of input; expected \(expected)", offset: index)
    }
    let byte = bytes[index]
    if byte >= 0x80 {
      let (_, length) = decodeUTF8Scalar(bytes, at: index, limit: bytes.count)
      if length == 0 { return invalidUTF8Failure(bytes, at: index) }
      return LexFailure(
        code: .syntax,
        message: "unexpected character '\(string(index..<index + length))'; "
          + "expected \(expected)", offset: index)
    }
    return LexFailure(
      code: byte < 0x20 && !XMLCharacters.isSpace(byte) ? .invalidUTF8 : .syntax,
      message: "unexpected \(lexByteName(byte)); expected \(expected)", offset: index)
  }
}
