/// Reading GraphML's `<node>` and `<edge>` elements: each opened in the
/// assembler, given its `<data>` children by key role, then the defaults
/// of the keys it did not give, and finished.
extension GraphMLReader {
  /// `<node id>` and its data: a person.
  mutating func readNode(_ token: XMLToken) throws(LexFailure) {
    let ordinal = nodeOrdinal
    nodeOrdinal += 1
    stamp += 1
    assembler.beginPerson(ordinal: ordinal)
    if let id = lexer.attribute(local: "id") {
      let place = SourcePlace(source: 0, offset: id.value.start - 1)
      lexer.withText(id.value) { _ = assembler.personID($0, at: place) }
    } else {
      assembler.diagnostics.add(
        .error, .missingKey, at: SourcePlace(source: 0, offset: token.start),
        path: .person(ordinal), "missing required attribute 'id' (the person's unique id)")
    }
    if token.isEmptyElement {
      _ = try lexer.next()
    } else {
      while let child = try lexer.next() {
        if child.kind == .endTag && child.depth == token.depth { break }
        guard child.kind == .startTag else { continue }
        guard isElement(child, "data") else {
          try lexer.skipElement(of: child)
          continue
        }
        guard let key = try data(child, path: .person(ordinal)) else { continue }
        nodeValue(key, value.elements, at: SourcePlace(source: 0, offset: child.end))
      }
    }
    for key in 0..<keys.count where given[key] != stamp && keys[key].nodeRole != .ignored {
      guard let fallback = keys[key].defaultValue else { continue }
      fallback.withUnsafeBufferPointer {
        nodeValue(key, $0, at: SourcePlace(source: 0, offset: keys[key].offset))
      }
    }
    assembler.finishPerson()
  }

  /// Gives the open person the value `text` of key `key`.
  private mutating func nodeValue(
    _ key: Int, _ text: UnsafeBufferPointer<UInt8>, at place: SourcePlace
  ) {
    switch keys[key].nodeRole {
    case .label: assembler.personName(String(decoding: text, as: UTF8.self))
    case .reportsTo: if !text.isEmpty { assembler.personReportsTo(text, at: place) }
    case .communities: communities.add(text, person: assembler.openPerson.index, at: place)
    case .attribute:
      let attribute =
        keys[key].attributeKey
        ?? Array(keys[key].name.utf8).withUnsafeBufferPointer {
          assembler.personAttributeKey($0).key
        }
      keys[key].attributeKey = attribute
      assembler.personAttribute(key: attribute, value: text)
    default: break
    }
  }

  /// `<edge source target [directed]>` and its data: a tie record.
  mutating func readEdge(_ token: XMLToken) throws(LexFailure) {
    let ordinal = edgeOrdinal
    edgeOrdinal += 1
    stamp += 1
    let from = end(lexer.attribute(local: "source"), "source", side: .from, token, ordinal)
    let to = end(lexer.attribute(local: "target"), "target", side: .to, token, ordinal)
    var mutual = undirectedByDefault
    if let directed = lexer.attribute(local: "directed") {
      let place = SourcePlace(source: 0, offset: directed.value.start)
      switch lexer.withText(directed.value, { GraphMLKeys.boolean($0) }) {
      case .some(let isDirected): mutual = !isDirected
      case .none:
        assembler.diagnostics.add(
          .error, .wrongType, at: place, path: .tie(ordinal, .mutual),
          "expected directed=\"true\" or \"false\", found '\(lexer.text(directed.value))'")
      }
    }
    var edge = EdgeValues(mutual: mutual)
    if token.isEmptyElement {
      _ = try lexer.next()
    } else {
      while let child = try lexer.next() {
        if child.kind == .endTag && child.depth == token.depth { break }
        guard child.kind == .startTag else { continue }
        guard isElement(child, "data") else {
          try lexer.skipElement(of: child)
          continue
        }
        guard let key = try data(child, path: .tie(ordinal)) else { continue }
        edgeValue(
          key, value.elements, ordinal: ordinal, at: SourcePlace(source: 0, offset: child.end),
          &edge)
      }
    }
    for key in 0..<keys.count where given[key] != stamp && keys[key].edgeRole != .ignored {
      guard let fallback = keys[key].defaultValue else { continue }
      fallback.withUnsafeBufferPointer {
        edgeValue(
          key, $0, ordinal: ordinal, at: SourcePlace(source: 0, offset: keys[key].offset), &edge)
      }
    }
    guard let from, let to, !edge.dropped else {
      assembler.dropTie()
      return
    }
    assembler.addTie(
      ordinal: ordinal, from: from, to: to, strength: edge.strength, mutual: edge.mutual)
  }

  /// The tie end an edge's `source` or `target` attribute names, or `nil`
  /// (reported) when the edge has none.
  private mutating func end(
    _ attribute: XMLAttribute?, _ name: String, side: TieSide, _ token: XMLToken, _ ordinal: Int
  ) -> TieEnd? {
    guard let attribute else {
      assembler.diagnostics.add(
        .error, .missingKey, at: SourcePlace(source: 0, offset: token.start),
        path: .tie(ordinal), "missing required attribute '\(name)'")
      return nil
    }
    let place = SourcePlace(source: 0, offset: attribute.value.start - 1)
    return lexer.withText(attribute.value) { assembler.tieEnd(id: $0, at: place, side: side) }
  }

  /// What an edge's data gave.
  struct EdgeValues {
    var mutual: Bool
    var strength = 1.0
    var dropped = false
  }

  private mutating func edgeValue(
    _ key: Int, _ text: UnsafeBufferPointer<UInt8>, ordinal: Int, at place: SourcePlace,
    _ edge: inout EdgeValues
  ) {
    switch keys[key].edgeRole {
    case .weight:
      switch assembler.weight(parsing: trimmedXMLSpace(text), at: place, ordinal: ordinal) {
      case .keep(let value): edge.strength = value
      case .drop: edge.dropped = true
      }
    case .mutual:
      if let mutual = GraphMLKeys.boolean(text) { edge.mutual = mutual }
    case .contexts:
      var parts = CSVCellParts(text, separator: UInt8(ascii: ";"))
      while let part = parts.next() {
        assembler.addTieContext(UnsafeBufferPointer(rebasing: text[part]))
      }
    default: break
    }
  }
}
