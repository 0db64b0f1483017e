/// How a reader gets at what the XML lexer found: names compared without
/// copying, text and attribute values decoded into a reused buffer or made
/// into strings, attributes found by local name.
///
/// ```swift
/// if let weight = lexer.attribute(local: "weight") {
///   let value = lexer.withText(weight.value) { Double(String(decoding: $0, as: UTF8.self)) }
/// }
/// ```
///
/// - Complexity: O(*k*) for *k* bytes compared or decoded; ``attribute(local:)``
///   O(attributes of the tag).
extension XMLLexer {
  /// Whether the input's bytes in `range` are the ASCII `literal`.
  @inline(__always)
  func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard range.count == length, let base = bytes.baseAddress else { return false }
    return memoryEqual(base + range.lowerBound, literal.utf8Start, length)
  }

  /// Whether `name`'s local part is `literal`, whatever its prefix.
  @inline(__always)
  func isLocalName(_ name: XMLName, _ literal: StaticString) -> Bool {
    equals(name.local, literal)
  }

  /// The input's bytes in `range` as a string.
  func string(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  /// The decoded text of `range` as a string.
  func text(_ range: XMLTextRange) -> String {
    guard range.needsDecoding else { return string(range.start..<range.end) }
    var output = LexBuffer<UInt8>(capacity: range.end - range.start)
    Self.decode(bytes, range, into: &output)
    return String(decoding: output.elements, as: UTF8.self)
  }

  /// Calls `body` with the decoded bytes of `range`: the input itself when
  /// nothing needs decoding, else a buffer the lexer reuses.
  mutating func withText<Result>(
    _ range: XMLTextRange, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    guard range.needsDecoding else {
      return try body(UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]))
    }
    scratch.removeAll()
    Self.decode(bytes, range, into: &scratch)
    return try body(scratch.elements)
  }

  /// The last start tag's first unprefixed attribute whose name is `local`.
  func attribute(local: StaticString) -> XMLAttribute? {
    for index in 0..<attributes.count {
      let attribute = attributes[index]
      if !attribute.name.hasPrefix && equals(attribute.name.local, local) { return attribute }
    }
    return nil
  }
}
