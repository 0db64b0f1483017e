/// Reading GEXF's `<node>` and `<edge>` elements: their XML attributes,
/// then their `<attvalues>`, then the defaults of attributes not given.
extension GEXFReader {
  /// Calls `body` with each `<attvalue>` inside the element `token` opened
  /// (its attribute's index and value); skips everything else in it.
  private mutating func attvalues(
    of token: XMLToken, in attributes: [Attribute], path: DiagnosticPath,
    _ body: (inout GEXFReader, Int, UnsafeBufferPointer<UInt8>, SourcePlace) -> Void
  ) throws(LexFailure) {
    if token.isEmptyElement {
      _ = try lexer.next()
      return
    }
    while let child = try lexer.next() {
      if child.kind == .endTag && child.depth == token.depth { return }
      guard child.kind == .startTag else { continue }
      if isElement(child, "attvalues") { continue }
      guard isElement(child, "attvalue") else {
        try lexer.skipElement(of: child)
        continue
      }
      let reference = lexer.attribute(local: "for") ?? lexer.attribute(local: "id")
      let index = reference.flatMap { reference in
        lexer.withText(reference.value) { Self.find($0, in: attributes) }
      }
      guard let index else {
        let name = reference.map { "'\(lexer.text($0.value))'" } ?? "no attribute"
        assembler.diagnostics.add(
          .error, .missingKey, at: SourcePlace(source: 0, offset: child.start), path: path,
          "<attvalue> names \(name), which no <attribute> declares")
        try lexer.skipElement(of: child)
        continue
      }
      given[index] = stamp
      if let text = lexer.attribute(local: "value") {
        let place = SourcePlace(source: 0, offset: text.value.start)
        value.removeAll()
        lexer.withText(text.value) { value.append(contentsOf: $0) }
        let copy = value.elements
        body(&self, index, copy, place)
      }
      try lexer.skipElement(of: child)
    }
  }

  /// `<node id label>`: a person.
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
    if let label = lexer.attribute(local: "label") { assembler.personName(lexer.text(label.value)) }
    try attvalues(of: token, in: nodeAttributes, path: .person(ordinal)) {
      reader, index, text, place in
      reader.nodeValue(index, text, at: place)
    }
    for index in nodeAttributes.indices where given[index] != stamp {
      guard let fallback = nodeAttributes[index].defaultValue else { continue }
      let place = SourcePlace(source: 0, offset: nodeAttributes[index].offset)
      fallback.withUnsafeBufferPointer { nodeValue(index, $0, at: place) }
    }
    assembler.finishPerson()
  }

  private mutating func nodeValue(
    _ index: Int, _ text: UnsafeBufferPointer<UInt8>, at place: SourcePlace
  ) {
    switch nodeAttributes[index].title {
    case "reportsTo": if !text.isEmpty { assembler.personReportsTo(text, at: place) }
    case "communities": communities.add(text, person: assembler.openPerson.index, at: place)
    default:
      let key =
        nodeAttributes[index].key
        ?? Array(nodeAttributes[index].title.utf8).withUnsafeBufferPointer {
          assembler.personAttributeKey($0).key
        }
      nodeAttributes[index].key = key
      assembler.personAttribute(key: key, value: text)
    }
  }

  /// `<edge source target [type] [weight]>`: a tie record.
  mutating func readEdge(_ token: XMLToken) throws(LexFailure) {
    let ordinal = edgeOrdinal
    edgeOrdinal += 1
    stamp += 1
    let from = end(lexer.attribute(local: "source"), "source", side: .from, token, ordinal)
    let to = end(lexer.attribute(local: "target"), "target", side: .to, token, ordinal)
    var mutual = undirectedByDefault
    if let type = lexer.attribute(local: "type") {
      let kind = lexer.withText(type.value) { text -> Int in
        if asciiEqualsIgnoringCase(text, "mutual") || asciiEqualsIgnoringCase(text, "undirected") {
          return 1
        }
        return asciiEqualsIgnoringCase(text, "directed") ? 0 : -1
      }
      if kind < 0 {
        assembler.diagnostics.add(
          .error, .invalidValue, at: SourcePlace(source: 0, offset: type.value.start),
          path: .tie(ordinal, .mutual),
          "expected type directed, undirected or mutual, found '\(lexer.text(type.value))'")
      } else {
        mutual = kind == 1
      }
    }
    var verdict = WeightVerdict.keep(1)
    if let weight = lexer.attribute(local: "weight") {
      let place = SourcePlace(source: 0, offset: weight.value.start)
      verdict = lexer.withText(weight.value) {
        assembler.weight(parsing: trimmedXMLSpace($0), at: place, ordinal: ordinal)
      }
    }
    try attvalues(of: token, in: edgeAttributes, path: .tie(ordinal)) { reader, index, text, _ in
      reader.edgeValue(index, text)
    }
    for index in edgeAttributes.indices where given[index] != stamp {
      guard let fallback = edgeAttributes[index].defaultValue else { continue }
      fallback.withUnsafeBufferPointer { edgeValue(index, $0) }
    }
    guard let from, let to, case .keep(let strength) = verdict else {
      assembler.dropTie()
      return
    }
    assembler.addTie(ordinal: ordinal, from: from, to: to, strength: strength, mutual: mutual)
  }

  private mutating func edgeValue(_ index: Int, _ text: UnsafeBufferPointer<UInt8>) {
    let title = edgeAttributes[index].title
    guard title == "contexts" || title == "context" else { return }
    var parts = CSVCellParts(text, separator: UInt8(ascii: ";"))
    while let part = parts.next() {
      assembler.addTieContext(UnsafeBufferPointer(rebasing: text[part]))
    }
  }

  /// The tie end an edge's `source` or `target` names, or `nil` (reported).
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
}
