/// Reads GraphML (as igraph, networkx, Gephi, yEd and trustmap write it)
/// with the strict ``XMLLexer``, tag by tag, into the assembler: a `<node>`
/// is a person (its `id`; `label`, `reportsTo` and `communities` data as
/// trustmap writes them; any other node key an attribute under its
/// `attr.name`), an `<edge>` a tie (`weight` or `strength` data its weight,
/// `mutual`, `contexts`); `<key>` defaults apply where a node or edge gives
/// no value; an edge is mutual when `directed="false"`, or by default when
/// the graph's `edgedefault` is `undirected`. Elements of other namespaces
/// (yEd's drawings) and nested graphs are skipped.
///
/// ```swift
/// let network = try GraphMLReader.read(input).get()
/// ```
///
/// - Complexity: O(*n*) in the file size; a `<data>` finds its key among the
///   few declared by comparing bytes.
struct GraphMLReader: ~Copyable {
  var assembler: NetworkAssembler
  var lexer: XMLLexer
  var keys = GraphMLKeys()
  var communities = MembershipCommunities()
  var value = LexBuffer<UInt8>(capacity: 256)
  /// Per key, the stamp of the last element that gave it (for defaults).
  var given: [Int] = []
  var stamp = 0
  /// The namespace of the root element, which structural elements must share.
  var namespace = XMLLexer.noNamespace
  var undirectedByDefault = false
  var sawGraph = false
  var nodeOrdinal = 0
  var edgeOrdinal = 0

  static func read(_ input: FormatInput) -> Result<TrustNetwork, NetworkLoadError> {
    var reader = GraphMLReader(
      assembler: input.makeAssembler(), lexer: XMLLexer(bytes: input.bytes))
    do throws(LexFailure) {
      try reader.readDocument()
    } catch {
      return .failure(reader.assembler.failure(error, in: 0, source: input.source))
    }
    reader.communities.feed(into: &reader.assembler)
    return reader.assembler.finish(source: input.source)
  }

  /// Whether `token` is an element of the document's own namespace named `name`.
  func isElement(_ token: XMLToken, _ name: StaticString) -> Bool {
    token.namespace == namespace && lexer.isLocalName(token.name, name)
  }

  private mutating func readDocument() throws(LexFailure) {
    guard let root = try lexer.next() else {
      throw LexFailure(code: .emptyInput, message: "the document is empty", offset: 0)
    }
    guard root.kind == .startTag, lexer.isLocalName(root.name, "graphml") else {
      throw LexFailure(
        code: .syntax,
        message:
          "expected a <graphml> root element, found <\(lexer.string(root.name.start..<root.name.end))>",
        offset: root.start)
    }
    namespace = root.namespace
    assembler.networkPlace = SourcePlace(source: 0, offset: root.start)
    while let token = try lexer.next() {
      guard token.kind == .startTag else { continue }
      if isElement(token, "key") {
        try readKey(token)
      } else if isElement(token, "graph") && !sawGraph {
        sawGraph = true
        if let edgeDefault = lexer.attribute(local: "edgedefault") {
          undirectedByDefault = lexer.withText(edgeDefault.value) {
            asciiEqualsIgnoringCase(trimmedXMLSpace($0), "undirected")
          }
        }
        if token.isEmptyElement { _ = try lexer.next() }
      } else if isElement(token, "node") && token.depth == 3 {
        try readNode(token)
      } else if isElement(token, "edge") && token.depth == 3 {
        try readEdge(token)
      } else if isElement(token, "data") && token.depth == 3 {
        try readGraphData(token)
      } else {
        try lexer.skipElement(of: token)
      }
    }
  }

  /// `<key id for attr.name attr.type>` with an optional `<default>`.
  private mutating func readKey(_ token: XMLToken) throws(LexFailure) {
    guard let id = lexer.attribute(local: "id") else {
      throw LexFailure(code: .missingKey, message: "a <key> needs an id", offset: token.start)
    }
    let idBytes = lexer.withText(id.value) { Array($0) }
    let domain = lexer.attribute(local: "for").map { lexer.text($0.value).lowercased() } ?? "all"
    let name = lexer.attribute(local: "attr.name").map { lexer.text($0.value) }
    var type = GraphMLKeys.ValueType.string
    if let typeAttribute = lexer.attribute(local: "attr.type") {
      let text = lexer.text(typeAttribute.value)
      guard let known = GraphMLKeys.ValueType(rawValue: text) else {
        throw LexFailure(
          code: .invalidValue,
          message: "unknown attr.type '\(text)'; GraphML's types are boolean, int, long, float, "
            + "double and string", offset: typeAttribute.value.start)
      }
      type = known
    }
    keys.declare(
      id: idBytes, domain: domain, name: name ?? String(decoding: idBytes, as: UTF8.self),
      type: type, offset: token.start)
    given.append(0)
    if token.isEmptyElement {
      _ = try lexer.next()
      return
    }
    while let child = try lexer.next() {
      if child.kind == .endTag && child.depth == token.depth { return }
      guard child.kind == .startTag else { continue }
      if isElement(child, "default") {
        value.removeAll()
        _ = try lexer.appendElementText(of: child, to: &value)
        keys[keys.count - 1].defaultValue = Array(value.elements)
      } else {
        try lexer.skipElement(of: child)
      }
    }
  }

  /// The key a `<data>` names, checked, with its text in `value`; `nil` when
  /// reported (an undeclared key, a value not of its type).
  mutating func data(_ token: XMLToken, path: DiagnosticPath) throws(LexFailure) -> Int? {
    let keyAttribute = lexer.attribute(local: "key")
    let key = keyAttribute.flatMap { attribute in lexer.withText(attribute.value) { keys.find($0) }
    }
    value.removeAll()
    let place = SourcePlace(source: 0, offset: token.end)
    var hadChildren = false
    if !token.isEmptyElement {
      hadChildren = try lexer.appendElementText(of: token, to: &value)
    } else {
      _ = try lexer.next()
    }
    // Elements inside a value are another tool's (yEd's drawings): not trustmap's data.
    if hadChildren { return nil }
    guard let key else {
      let name = keyAttribute.map { "'\(lexer.text($0.value))'" } ?? "no key"
      assembler.diagnostics.add(
        .error, .missingKey, at: SourcePlace(source: 0, offset: token.start), path: path,
        "<data> names \(name), which no <key> declares")
      return nil
    }
    given[key] = stamp
    return check(key, value.elements, at: place, path: path) ? key : nil
  }

  /// Whether `text` is a value of key `key`'s type, else reports it.
  mutating func check(
    _ key: Int, _ text: UnsafeBufferPointer<UInt8>, at place: SourcePlace, path: DiagnosticPath
  ) -> Bool {
    guard !keys[key].type.accepts(text) else { return true }
    assembler.diagnostics.add(
      .error, .wrongType, at: place, path: path,
      "expected \(keys[key].type == .int ? "an" : "a") \(keys[key].type.rawValue) for "
        + "'\(keys[key].name)', found "
        + "'\(NetworkAssembler.shortText(text))'")
    return false
  }

  /// A `<data>` of the graph itself: its name, its strong-tie threshold.
  private mutating func readGraphData(_ token: XMLToken) throws(LexFailure) {
    guard let key = try data(token, path: .document) else { return }
    let place = SourcePlace(source: 0, offset: token.end)
    switch keys[key].graphRole {
    case .name: assembler.name = String(decoding: value.elements, as: UTF8.self)
    case .threshold:
      let text = trimmedXMLSpace(value.elements)
      if let number = parseDecimal(text) {
        assembler.strongTieThreshold = assembler.checkedThreshold(
          number, text: NetworkAssembler.shortText(text), at: place)
      }
    default: break
    }
  }
}
