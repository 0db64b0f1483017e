/// A qualified XML name in the input: its bytes are `start..<end`, and a
/// prefix, when there is one, ends at `colon` (`p:node`: prefix `p`, local
/// name `node`). Without a prefix `colon` is `start - 1`, so the local name
/// is always `colon + 1..<end`.
///
/// ```swift
/// let name = token.name
/// lexer.isLocalName(name, "node")  // true for <node> and <g:node>
/// ```
///
/// - Complexity: O(1) storage: three offsets.
struct XMLName: Equatable, Sendable, BitwiseCopyable {
  /// The offset of the name's first byte.
  var start: Int
  /// The offset of the colon after the prefix, or `start - 1` without one.
  var colon: Int
  /// The offset one past the name's last byte.
  var end: Int

  /// Whether the name has a prefix.
  var hasPrefix: Bool { colon >= start }
  /// The prefix's bytes (empty without one).
  var prefix: Range<Int> { start..<max(start, colon) }
  /// The local name's bytes.
  var local: Range<Int> { (colon + 1)..<end }
}

/// Where text sits in the input, and whether it must be decoded before use:
/// references (`&amp;`, `&#233;`) and line ends (a carriage return) in
/// content; in an attribute value also tabs and line ends, which XML turns
/// into spaces. A range with `needsDecoding` false is its own text.
///
/// ```swift
/// lexer.withText(range) { bytes in String(decoding: bytes, as: UTF8.self) }
/// ```
///
/// - Complexity: O(1) storage.
struct XMLTextRange: Equatable, Sendable, BitwiseCopyable {
  /// What the text is, which decides how it is decoded.
  enum Kind: UInt8, Sendable, BitwiseCopyable {
    /// Character data between tags: references and line ends are decoded.
    case content
    /// An attribute's value: also tab, line feed and carriage return become spaces.
    case attributeValue
    /// A CDATA section's inside: only line ends are decoded.
    case cdata
  }

  /// The offset of the first byte (after the opening quote of an attribute value).
  var start: Int
  /// The offset one past the last byte.
  var end: Int
  /// Whether the bytes differ from the text they stand for.
  var needsDecoding: Bool
  /// Content, attribute value or CDATA.
  var kind: Kind
}

/// One attribute of a start tag: its name, its value, and the namespace its
/// prefix resolves to (``XMLLexer/noNamespace`` for an unprefixed name, as
/// XML namespaces give unprefixed attributes no namespace). `xmlns` and
/// `xmlns:p` declarations are reported too, flagged.
///
/// ```swift
/// for index in 0..<lexer.attributeCount where lexer.isLocalName(lexer.attribute(index).name, "id") {
///   let id = lexer.text(lexer.attribute(index).value)
/// }
/// ```
///
/// - Complexity: O(1) storage.
struct XMLAttribute: Equatable, Sendable, BitwiseCopyable {
  /// The attribute's name as written.
  var name: XMLName
  /// Its value, without the quotes.
  var value: XMLTextRange
  /// The namespace of its prefix, an index for ``XMLLexer/namespaceURI(_:)``.
  var namespace: Int32
  /// Whether it declares a namespace (`xmlns` or `xmlns:p`).
  var isNamespaceDeclaration: Bool
}

/// What ``XMLLexer/next()`` yields: a start tag, an end tag or a run of text.
///
/// A start tag's attributes are the lexer's ``XMLLexer/attributeCount``
/// attributes, valid until the next call. An empty-element tag `<a/>` is a
/// start tag with `isEmptyElement` set, followed at once by its end tag.
///
/// ```swift
/// while let token = try lexer.next() {
///   switch token.kind {
///   case .startTag: print("open", lexer.string(token.name.local))
///   case .endTag: print("close")
///   case .text: print(lexer.text(token.text))
///   }
/// }
/// ```
///
/// - Complexity: O(1) storage.
struct XMLToken: Equatable, Sendable {
  /// The kind of token.
  enum Kind: UInt8, Sendable {
    /// `<name …>` or `<name …/>`.
    case startTag
    /// `</name>`, or the end of an empty-element tag.
    case endTag
    /// Character data or a CDATA section (each section is a token of its own).
    case text
  }

  /// Start tag, end tag or text.
  var kind: Kind
  /// The offset of the token's first byte: a tag's `<`, the text's first byte.
  var start: Int
  /// The offset one past its last byte (an empty element's end tag is empty, at the `/>`' end).
  var end: Int
  /// A tag's name (the element's, for an end tag).
  var name = XMLName(start: 0, colon: -1, end: 0)
  /// A tag's namespace, an index for ``XMLLexer/namespaceURI(_:)``.
  var namespace: Int32 = XMLLexer.noNamespace
  /// Whether a start tag is written `<a/>`; its end tag comes next.
  var isEmptyElement = false
  /// A text token's text.
  var text = XMLTextRange(start: 0, end: 0, needsDecoding: false, kind: .content)
  /// The depth of the element a tag opens or closes (the root is 1), or of the element holding a text.
  var depth = 0
}
