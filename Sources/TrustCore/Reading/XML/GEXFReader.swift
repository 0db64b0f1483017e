/// Reads GEXF 1.1draft, 1.2draft and 1.3 (every namespace spelling
/// ``XMLNetworkNamespace`` knows, or none) with the strict ``XMLLexer``:
/// `<meta><description>` is the network's name (as trustmap writes it), a
/// `<node id label>` a person whose `<attvalue>`s (`for`, or 1.1's `id`) are
/// attributes under their `<attribute>`'s title (`reportsTo` and
/// `communities` as trustmap writes them; Gephi's list values kept as their
/// text), an `<edge source target weight type>` a tie, mutual for
/// `type="mutual"` or `"undirected"` (or by the graph's `defaultedgetype`),
/// with a `contexts` value. `viz:` elements (colours, positions, sizes) and
/// spells are skipped.
///
/// ```swift
/// let network = try GEXFReader.read(input).get()
/// ```
///
/// - Complexity: O(*n*) in the file size; an `<attvalue>` finds its
///   attribute among the few declared by comparing bytes.
struct GEXFReader: ~Copyable {
  /// A declared `<attribute>` of nodes or edges.
  struct Attribute {
    var id: [UInt8]
    var title: String
    /// Its key number among person attributes, once interned.
    var key: Int?
    var defaultValue: [UInt8]?
    var offset: Int
  }

  var assembler: NetworkAssembler
  var lexer: XMLLexer
  var nodeAttributes: [Attribute] = []
  var edgeAttributes: [Attribute] = []
  var communities = MembershipCommunities()
  var value = LexBuffer<UInt8>(capacity: 256)
  var given: [Int] = []
  var stamp = 0
  var namespace = XMLLexer.noNamespace
  var undirectedByDefault = false
  var nodeOrdinal = 0
  var edgeOrdinal = 0

  static func read(_ input: FormatInput) -> Result<TrustNetwork, NetworkLoadError> {
    var reader = GEXFReader(assembler: input.makeAssembler(), lexer: XMLLexer(bytes: input.bytes))
    do throws(LexFailure) {
      try reader.readDocument()
    } catch {
      return .failure(reader.assembler.failure(error, in: 0, source: input.source))
    }
    reader.communities.feed(into: &reader.assembler)
    return reader.assembler.finish(source: input.source)
  }

  func isElement(_ token: XMLToken, _ name: StaticString) -> Bool {
    token.namespace == namespace && lexer.isLocalName(token.name, name)
  }

  private mutating func readDocument() throws(LexFailure) {
    guard let root = try lexer.next() else {
      throw LexFailure(code: .emptyInput, message: "the document is empty", offset: 0)
    }
    guard root.kind == .startTag, lexer.isLocalName(root.name, "gexf") else {
      throw LexFailure(
        code: .syntax,
        message:
          "expected a <gexf> root element, found <\(lexer.string(root.name.start..<root.name.end))>",
        offset: root.start)
    }
    namespace = root.namespace
    if namespace != XMLLexer.noNamespace, lexer.networkNamespace(namespace) == nil {
      throw LexFailure(
        code: .invalidValue,
        message: "unknown GEXF namespace '\(lexer.namespaceURI(namespace) ?? "")'; expected "
          + "http://www.gexf.net/1.1draft, http://www.gexf.net/1.2draft or http://gexf.net/1.3",
        offset: root.start)
    }
    assembler.networkPlace = SourcePlace(source: 0, offset: root.start)
    while let token = try lexer.next() {
      guard token.kind == .startTag else { continue }
      if isElement(token, "graph") {
        if let type = lexer.attribute(local: "defaultedgetype") {
          undirectedByDefault = lexer.withText(type.value) {
            asciiEqualsIgnoringCase($0, "undirected") || asciiEqualsIgnoringCase($0, "mutual")
          }
        }
        if token.isEmptyElement { _ = try lexer.next() }
      } else if isElement(token, "meta") || isElement(token, "nodes") || isElement(token, "edges") {
        if token.isEmptyElement { _ = try lexer.next() }
      } else if isElement(token, "description") {
        value.removeAll()
        _ = try lexer.appendElementText(of: token, to: &value)
        if assembler.name == nil {
          assembler.name = String(decoding: value.elements, as: UTF8.self)
        }
      } else if isElement(token, "attributes") {
        try readAttributes(token)
      } else if isElement(token, "node") {
        try readNode(token)
      } else if isElement(token, "edge") {
        try readEdge(token)
      } else {
        try lexer.skipElement(of: token)
      }
    }
  }

  /// `<attributes class>` and its `<attribute id title type>`s, with defaults.
  private mutating func readAttributes(_ token: XMLToken) throws(LexFailure) {
    let isEdge =
      lexer.attribute(local: "class").map {
        lexer.withText($0.value) { asciiEqualsIgnoringCase($0, "edge") }
      } ?? false
    if token.isEmptyElement {
      _ = try lexer.next()
      return
    }
    while let child = try lexer.next() {
      if child.kind == .endTag && child.depth == token.depth { return }
      guard child.kind == .startTag else { continue }
      guard isElement(child, "attribute") else {
        if !(child.kind == .startTag && isElement(child, "default")) {
          try lexer.skipElement(of: child)
        }
        continue
      }
      guard let id = lexer.attribute(local: "id") else {
        throw LexFailure(
          code: .missingKey, message: "an <attribute> needs an id", offset: child.start)
      }
      let idBytes = lexer.withText(id.value) { Array($0) }
      let title = lexer.attribute(local: "title").map { lexer.text($0.value) }
      var attribute = Attribute(
        id: idBytes, title: title ?? String(decoding: idBytes, as: UTF8.self), offset: child.start)
      if !child.isEmptyElement {
        while let inner = try lexer.next() {
          if inner.kind == .endTag && inner.depth == child.depth { break }
          guard inner.kind == .startTag else { continue }
          if isElement(inner, "default") {
            value.removeAll()
            _ = try lexer.appendElementText(of: inner, to: &value)
            attribute.defaultValue = Array(value.elements)
          } else {
            try lexer.skipElement(of: inner)
          }
        }
      } else {
        _ = try lexer.next()
      }
      if isEdge { edgeAttributes.append(attribute) } else { nodeAttributes.append(attribute) }
      given.append(0)
    }
  }

  /// The index among `attributes` of the one `id` names, the latest if several.
  static func find(_ id: UnsafeBufferPointer<UInt8>, in attributes: [Attribute]) -> Int? {
    var index = attributes.count - 1
    while index >= 0 {
      if attributes[index].id.elementsEqual(id) { return index }
      index -= 1
    }
    return nil
  }
}
