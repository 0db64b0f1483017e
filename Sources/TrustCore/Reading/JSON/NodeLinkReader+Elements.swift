/// Reading node-link JSON's `graph`, its nodes and its links.
extension NodeLinkReader {
  /// `graph`: the name, the strong-tie threshold and the communities.
  mutating func readGraph() throws(JSONScanner.Failure) {
    try object(path: .key("graph"), depth: 1) { reader, key, _ throws(JSONScanner.Failure) in
      let offset = reader.skipSpace()
      if reader.scanner.matches(key, "name"), reader.scanner.peek() == UInt8(ascii: "\"") {
        reader.assembler.name = try reader.string()
      } else if reader.scanner.matches(key, "strongTieThreshold"),
        let first = reader.scanner.peek(),
        first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
      {
        let number = try reader.scanner.number()
        reader.assembler.strongTieThreshold = reader.assembler.checkedThreshold(
          number.value, text: JSONNetworkParser.numberText(number, in: reader.scanner.bytes),
          at: reader.place(offset))
      } else if reader.scanner.matches(key, "communities") {
        try reader.array("communities", depth: 2) {
          reader, index, offset throws(JSONScanner.Failure) in
          try reader.readCommunity(index, at: offset)
        }
      } else {
        try reader.skip(depth: 2)
      }
    }
  }

  /// `{"id": …, "name": …, "members": […]}`.
  private mutating func readCommunity(_ index: Int, at offset: Int) throws(JSONScanner.Failure) {
    assembler.beginCommunity(ordinal: index)
    try object(path: .community(index), depth: 3) { reader, key, _ throws(JSONScanner.Failure) in
      let valueOffset = reader.skipSpace()
      if reader.scanner.matches(key, "id") {
        let id = try reader.idValue(path: .community(index, .id)) { _, bytes, _, _ in
          String(decoding: bytes, as: UTF8.self)
        }
        reader.assembler.communityID(id, at: reader.place(valueOffset))
      } else if reader.scanner.matches(key, "name"), reader.scanner.peek() == UInt8(ascii: "\"") {
        reader.assembler.communityName(try reader.string())
      } else if reader.scanner.matches(key, "members") {
        try reader.array("members", depth: 4) { reader, member, _ throws(JSONScanner.Failure) in
          _ = try reader.idValue(path: .community(index, .member(member))) { reader, bytes, at, _ in
            reader.assembler.addMember(bytes, at: reader.place(at))
          }
        }
      } else {
        try reader.skip(depth: 4)
      }
    }
    assembler.finishCommunity()
  }

  /// The string at the scanner, decoded. In two steps, since in
  /// `scanner.text(try scanner.string())` the receiver is read before the
  /// argument scans, and a decoded string would come from the previous one's buffer.
  mutating func string() throws(JSONScanner.Failure) -> String {
    let token = try scanner.string()
    return scanner.text(token)
  }

  /// A node: a person.
  mutating func readNode(_ index: Int, at offset: Int) throws(JSONScanner.Failure) {
    assembler.beginPerson(ordinal: index)
    var hasID = false
    try object(path: .person(index), depth: 2) { reader, key, _ throws(JSONScanner.Failure) in
      let valueOffset = reader.skipSpace()
      if reader.scanner.matches(key, "id") {
        hasID = true
        _ = try reader.idValue(path: .person(index, .id)) { reader, bytes, at, _ in
          reader.assembler.personID(bytes, at: reader.place(at))
        }
      } else if reader.scanner.matches(key, "label"), reader.scanner.peek() == UInt8(ascii: "\"") {
        reader.assembler.personName(try reader.string())
      } else if reader.scanner.matches(key, "reportsTo"), reader.scanner.peek() != UInt8(ascii: "n")
      {
        _ = try reader.idValue(path: .person(index, .reportsTo)) { reader, bytes, at, _ in
          reader.assembler.personReportsTo(bytes, at: reader.place(at))
        }
      } else {
        try reader.attribute(key, person: index, at: valueOffset)
      }
    }
    if !hasID {
      assembler.diagnostics.add(
        .error, .missingKey, at: place(offset), path: .person(index),
        "missing required key 'id' (the person's unique id)")
    }
    assembler.finishPerson()
  }

  /// Any other key of a node: an attribute, its value's text (a string, a
  /// number's digits, `true` or `false`); `null` gives none; a list or an
  /// object is skipped with a warning.
  private mutating func attribute(_ keyToken: JSONScanner.StringToken, person: Int, at offset: Int)
    throws(JSONScanner.Failure)
  {
    // A key whose value gives no attribute is not interned, so it names no column.
    switch scanner.peek() {
    case UInt8(ascii: "n"):
      _ = try scanner.literal()
      return
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      let name = scanner.withBytes(keyToken) { String(decoding: $0, as: UTF8.self) }
      assembler.diagnostics.add(
        .warning, .wrongType, at: place(offset), path: .person(person, .attribute(name)),
        "the attribute '\(name)' is a list or an object; trustmap attributes are text, so it is skipped"
      )
      try skip(depth: 3)
      return
    default: break
    }
    let (key, repeated) = scanner.withBytes(keyToken) { assembler.personAttributeKey($0) }
    guard !repeated, let first = scanner.peek() else {
      try skip(depth: 3)
      return
    }
    switch first {
    case UInt8(ascii: "\""):
      let token = try scanner.string()
      scanner.withBytes(token) { assembler.personAttribute(key: key, value: $0) }
    case UInt8(ascii: "t"), UInt8(ascii: "f"):
      let start = scanner.position
      _ = try scanner.literal()
      assembler.personAttribute(
        key: key, value: UnsafeBufferPointer(rebasing: scanner.bytes[start..<scanner.position]))
    default:
      let number = try scanner.number()
      assembler.personAttribute(
        key: key, value: UnsafeBufferPointer(rebasing: scanner.bytes[number.start..<number.end]))
    }
  }

  /// A link: a tie record.
  mutating func readLink(_ index: Int, at offset: Int) throws(JSONScanner.Failure) {
    var from: TieEnd?
    var to: TieEnd?
    var strength = 1.0
    var mutual = false
    var dropped = false
    try object(path: .tie(index), depth: 2) { reader, key, _ throws(JSONScanner.Failure) in
      let valueOffset = reader.skipSpace()
      let isSource = reader.scanner.matches(key, "source")
      if isSource || reader.scanner.matches(key, "target") {
        let side: TieSide = isSource ? .from : .to
        let end = try reader.idValue(path: .tie(index, isSource ? .from : .to)) {
          reader, bytes, at, _ in
          reader.assembler.tieEnd(id: bytes, at: reader.place(at), side: side)
        }
        if isSource { from = end } else { to = end }
      } else if reader.scanner.matches(key, "weight") || reader.scanner.matches(key, "strength") {
        guard let first = reader.scanner.peek(),
          first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
        else {
          reader.assembler.diagnostics.add(
            .error, .wrongType, at: reader.place(valueOffset), path: .tie(index, .strength),
            "expected a number from 0 to 1")
          try reader.skip(depth: 3)
          return
        }
        let number = try reader.scanner.number()
        let text = JSONNetworkParser.numberText(number, in: reader.scanner.bytes)
        switch reader.assembler.weight(
          number.value, text: text, at: reader.place(valueOffset), ordinal: index)
        {
        case .keep(let value): strength = value
        case .drop: dropped = true
        }
      } else if reader.scanner.matches(key, "mutual") {
        mutual = try reader.flag(path: .tie(index, .mutual)) ?? false
      } else if reader.scanner.matches(key, "contexts"), reader.scanner.peek() == UInt8(ascii: "\"")
      {
        // A networkx graph built from a table holds contexts as one text,
        // `work;friends`, as trustmap writes them to GraphML.
        let token = try reader.scanner.string()
        reader.scanner.withBytes(token) { text in
          var parts = CSVCellParts(text, separator: UInt8(ascii: ";"))
          while let part = parts.next() {
            reader.assembler.addTieContext(UnsafeBufferPointer(rebasing: text[part]))
          }
        }
      } else if reader.scanner.matches(key, "contexts") {
        try reader.array("contexts", depth: 3) { reader, element, at throws(JSONScanner.Failure) in
          guard reader.scanner.peek() == UInt8(ascii: "\"") else {
            reader.assembler.diagnostics.add(
              .error, .wrongType, at: reader.place(at), path: .tie(index, .context(element)),
              "expected a string")
            try reader.skip(depth: 4)
            return
          }
          let token = try reader.scanner.string()
          reader.scanner.withBytes(token) { reader.assembler.addTieContext($0) }
        }
      } else {
        try reader.skip(depth: 3)
      }
    }
    guard let from, let to, !dropped else {
      if from == nil || to == nil {
        assembler.diagnostics.add(
          .error, .missingKey, at: place(offset), path: .tie(index),
          "missing required key '\(from == nil ? "source" : "target")'")
      }
      assembler.dropTie()
      return
    }
    assembler.addTie(ordinal: index, from: from, to: to, strength: strength, mutual: mutual)
  }
}
