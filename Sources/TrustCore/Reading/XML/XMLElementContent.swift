/// Two ways through an element's content once its start tag has been read,
/// both without recursion: skip all of it (yEd's `<y:ShapeNode>` inside a
/// GraphML `<data>`, say), or collect its text (a `<data>` value), skipping
/// any child elements. Each consumes the element's end tag.
///
/// ```swift
/// if token.kind == .startTag, lexer.isLocalName(token.name, "data") {
///   var value = LexBuffer<UInt8>()
///   let hadChildren = try lexer.appendElementText(of: token, to: &value)
/// }
/// ```
///
/// - Complexity: O(*k*) for content of *k* bytes.
extension XMLLexer {
  /// Reads up to and including the end tag of the element `start` opened.
  mutating func skipElement(of start: XMLToken) throws(LexFailure) {
    assert(start.kind == .startTag)
    while let token = try next() {
      if token.kind == .endTag && token.depth == start.depth { return }
    }
  }

  /// Appends the decoded text directly inside the element `start` opened
  /// (text of child elements is left out), white space included, up to its
  /// end tag; returns whether it had child elements.
  mutating func appendElementText(of start: XMLToken, to output: inout LexBuffer<UInt8>)
    throws(LexFailure) -> Bool
  {
    assert(start.kind == .startTag)
    let reportedWhitespace = reportsWhitespaceText
    reportsWhitespaceText = true
    defer { reportsWhitespaceText = reportedWhitespace }
    var hadChildren = false
    while let token = try next() {
      switch token.kind {
      case .endTag where token.depth == start.depth:
        return hadChildren
      case .startTag:
        hadChildren = true
      case .text where token.depth == start.depth:
        if token.text.needsDecoding {
          Self.decode(bytes, token.text, into: &output)
        } else {
          output.append(
            contentsOf: UnsafeBufferPointer(rebasing: bytes[token.text.start..<token.text.end]))
        }
      default:
        break
      }
    }
    return hadChildren
  }
}
