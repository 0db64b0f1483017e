/// Namespaces in XML 1.0 for the lexer: `xmlns` and `xmlns:p` declarations
/// bind prefixes for an element and everything inside it; each element name
/// resolves to its namespace (its prefix's, or the default one), each
/// prefixed attribute to its prefix's, and an undeclared prefix is an error.
/// A reader checks a document's namespace with ``isNamespace(_:_:)`` or
/// ``networkNamespace(_:)``.
///
/// ```swift
/// // <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
/// if token.kind == .startTag, lexer.networkNamespace(token.namespace) == .graphML { … }
/// ```
///
/// - Complexity: O(*k*) for a tag of *k* bytes: prefixes are found through
///   a hash table, never by scanning the declarations in scope.
extension XMLLexer {
  /// Records the tag's declarations and resolves its name's and its
  /// attributes' namespaces; returns the element's.
  mutating func resolveNamespaces(of name: XMLName) throws(LexFailure) -> Int32 {
    for index in 0..<attributes.count {
      let attribute = attributes[index]
      let attributeName = attribute.name
      if !attributeName.hasPrefix && equals(attributeName.local, "xmlns") {
        attributes[index].isNamespaceDeclaration = true
        let uriStart = uriBytes.count
        Self.decode(bytes, attribute.value, into: &uriBytes)
        let uri = uriStart..<uriBytes.count
        try checkReservedURI(uri, prefix: nil, at: attribute)
        if uri.isEmpty {
          defaultNamespace = Self.noNamespace
        } else {
          bindings.append(
            NamespaceBinding(
              prefixStart: 0, prefixEnd: 0, uriStart: uri.lowerBound, uriEnd: uri.upperBound,
              shadowed: -1))
          defaultNamespace = Int32(bindings.count - 1)
        }
      } else if attributeName.hasPrefix && equals(attributeName.prefix, "xmlns") {
        attributes[index].isNamespaceDeclaration = true
        let prefix = attributeName.local
        if equals(prefix, "xmlns") {
          throw LexFailure(
            code: .syntax, message: "the prefix 'xmlns' must not be declared",
            offset: attributeName.start)
        }
        let uriStart = uriBytes.count
        Self.decode(bytes, attribute.value, into: &uriBytes)
        let uri = uriStart..<uriBytes.count
        if uri.isEmpty {
          throw LexFailure(
            code: .syntax,
            message: "the prefix '\(string(prefix))' is declared with an empty namespace name",
            offset: attribute.value.start)
        }
        try checkReservedURI(uri, prefix: prefix, at: attribute)
        if equals(prefix, "xml") {
          uriBytes.truncate(to: uriStart)
          continue
        }
        let hash = prefixHash(prefix)
        bindings.append(
          NamespaceBinding(
            prefixStart: prefix.lowerBound, prefixEnd: prefix.upperBound,
            uriStart: uri.lowerBound, uriEnd: uri.upperBound, shadowed: prefixTable[hash] ?? -1))
        prefixTable[hash] = Int32(bindings.count - 1)
      }
    }
    let namespace: Int32
    if name.hasPrefix {
      namespace = try binding(ofPrefix: name.prefix, in: name)
    } else {
      namespace = defaultNamespace
    }
    var prefixedAttributes = 0
    for index in 0..<attributes.count {
      let attributeName = attributes[index].name
      guard attributeName.hasPrefix, !attributes[index].isNamespaceDeclaration else { continue }
      attributes[index].namespace = try binding(ofPrefix: attributeName.prefix, in: attributeName)
      prefixedAttributes += 1
    }
    if prefixedAttributes > 1 { try checkRepeatedNamespacedAttributes() }
    return namespace
  }

  /// `xml` must be bound to its own URI and nothing else to it; nothing to the `xmlns` URI.
  private func checkReservedURI(_ uri: Range<Int>, prefix: Range<Int>?, at attribute: XMLAttribute)
    throws(LexFailure)
  {
    let isXMLPrefix = prefix.map { equals($0, "xml") } ?? false
    let isXMLURI = uriEquals(uri, Self.xmlNamespaceURI)
    if isXMLPrefix != isXMLURI || uriEquals(uri, Self.xmlnsNamespaceURI) {
      throw LexFailure(
        code: .syntax,
        message: isXMLPrefix
          ? "the prefix 'xml' must not be bound to another namespace"
          : "the namespace '\(uriString(uri))' is reserved and cannot be declared",
        offset: attribute.value.start)
    }
  }

  private func binding(ofPrefix prefix: Range<Int>, in name: XMLName) throws(LexFailure) -> Int32 {
    if equals(prefix, "xml") { return Self.xmlNamespace }
    if !equals(prefix, "xmlns"), var index = prefixTable[prefixHash(prefix)] {
      while index >= 0 {
        let binding = bindings[Int(index)]
        if binding.prefixEnd - binding.prefixStart == prefix.count, let base = bytes.baseAddress,
          memoryEqual(base + binding.prefixStart, base + prefix.lowerBound, prefix.count)
        {
          return index
        }
        index = binding.shadowed
      }
    }
    throw LexFailure(
      code: .syntax,
      message: equals(prefix, "xmlns")
        ? "the prefix 'xmlns' is reserved for declarations ('\(string(name.start..<name.end))')"
        : "the prefix '\(string(prefix))' of '\(string(name.start..<name.end))' is not declared",
      offset: name.start)
  }

  /// FNV-1a over a prefix's bytes.
  func prefixHash(_ range: Range<Int>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for index in range {
      hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3
    }
    return hash
  }

  private func uriEquals(_ uri: Range<Int>, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
    let stored = uriBytes.elements
    guard uri.count == other.count, let left = stored.baseAddress, let right = other.baseAddress
    else { return false }
    return memoryEqual(left + uri.lowerBound, right, uri.count)
  }

  private func uriString(_ uri: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: uriBytes.elements[uri]), as: UTF8.self)
  }

  /// The URI bytes of the namespace `index` (from a token or an attribute),
  /// valid while the element that declared it is open; empty for no namespace.
  func namespaceBytes(_ index: Int32) -> UnsafeBufferPointer<UInt8> {
    guard index >= 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
    let binding = bindings[Int(index)]
    return UnsafeBufferPointer(rebasing: uriBytes.elements[binding.uriStart..<binding.uriEnd])
  }

  /// The URI of the namespace `index`, or `nil` for no namespace.
  func namespaceURI(_ index: Int32) -> String? {
    index < 0 ? nil : String(decoding: namespaceBytes(index), as: UTF8.self)
  }

  /// Whether the namespace `index` is `uri`.
  func isNamespace(_ index: Int32, _ uri: StaticString) -> Bool {
    let stored = namespaceBytes(index)
    guard index >= 0, stored.count == uri.utf8CodeUnitCount, let base = stored.baseAddress else {
      return false
    }
    return memoryEqual(base, uri.utf8Start, stored.count)
  }

  /// Which network format's namespace `index` is, if any.
  func networkNamespace(_ index: Int32) -> XMLNetworkNamespace? {
    for known in XMLNetworkNamespace.allCases where isNamespace(index, known.uri) { return known }
    for (spelling, known) in XMLNetworkNamespace.otherSpellings
    where isNamespace(index, spelling) {
      return known
    }
    return nil
  }
}

/// The namespaces of the XML network formats trustmap reads.
///
/// ```swift
/// XMLNetworkNamespace.gexf13.uri  // "http://gexf.net/1.3"
/// ```
///
/// - Complexity: O(1).
enum XMLNetworkNamespace: CaseIterable, Sendable {
  /// GraphML: `http://graphml.graphdrawing.org/xmlns`.
  case graphML
  /// GEXF 1.1: `http://www.gexf.net/1.1draft`.
  case gexf11
  /// GEXF 1.2: `http://www.gexf.net/1.2draft`.
  case gexf12
  /// GEXF 1.3: `http://gexf.net/1.3` (also spelt `http://www.gexf.net/1.3`).
  case gexf13

  /// The namespace URI.
  var uri: StaticString {
    switch self {
    case .graphML: "http://graphml.graphdrawing.org/xmlns"
    case .gexf11: "http://www.gexf.net/1.1draft"
    case .gexf12: "http://www.gexf.net/1.2draft"
    case .gexf13: "http://gexf.net/1.3"
    }
  }

  /// Other URIs in use for the same formats.
  static let otherSpellings: [(StaticString, XMLNetworkNamespace)] = [
    ("http://www.gexf.net/1.3", .gexf13)
  ]
}
