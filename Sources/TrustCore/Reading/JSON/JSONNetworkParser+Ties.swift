/// Reading one tie object of the `ties` array, in the general way: any
/// keys, in any order, every problem reported. Ties of the common shape are
/// read first by the plain-tie fast path (`JSONNetworkParser+PlainTies.swift`),
/// which hands over to this loop at the first key it does not expect.
extension JSONNetworkParser {
  /// Reads tie `index` at `offset` and adds it to the assembler, or drops
  /// it when it lacks a usable `from` or `to`.
  ///
  /// - Complexity: O(*b*) in the object's bytes.
  mutating func parseTie(_ index: Int, at offset: Int) throws(JSONScanner.Failure) {
    guard scanner.peek() == UInt8(ascii: "{") else {
      try wrongType(path: .tie(index), at: offset, expected: "a tie object", depth: 2)
      return
    }
    var seen = KeySet()
    var unknownKeys: [(String, Int)] = []
    var ends: (TieEnd?, TieEnd?) = (nil, nil)
    var strength = 1.0
    var mutual = false
    var valid = true
    let closed: Bool
    let prefix =
      readsPlainTies
      ? try plainTiePrefix(
        at: offset, seen: &seen, ends: &ends, strength: &strength, mutual: &mutual)
      : .notPlain
    switch prefix {
    case .closed: closed = true
    case .atKey: closed = false
    case .notPlain: closed = try scanner.open(UInt8(ascii: "{"))
    }
    if !closed {
      repeat {
        let keyOffset = skipSpace()
        let key = try scanner.key()
        let valueOffset = skipSpace()
        let isFrom = scanner.matches(key, "from")
        if isFrom || scanner.matches(key, "to") {
          if seen.insert(isFrom ? 0 : 1) {
            duplicateKey(isFrom ? "from" : "to", at: keyOffset, path: .tie(index))
            try scanner.skipValue(depth: 3, maximumDepth: NetworkReader.maximumDepth)
            continue
          }
          if let number = try numericID() {
            // A number names a person by its JSON text, as in attribute values.
            let end = TieEnd(start: number.start, length: number.end - number.start, quoted: false)
            if isFrom { ends.0 = end } else { ends.1 = end }
            continue
          }
          guard scanner.peek() == UInt8(ascii: "\"") else {
            try wrongType(
              path: .tie(index, isFrom ? .from : .to), at: valueOffset,
              expected: "a person id (a string)", depth: 3)
            valid = false
            continue
          }
          let end = try tieEnd(side: isFrom ? .from : .to, at: valueOffset)
          if isFrom { ends.0 = end } else { ends.1 = end }
        } else if scanner.matches(key, "strength") {
          if seen.insert(2) { duplicateKey("strength", at: keyOffset, path: .tie(index)) }
          let bytes = scanner.bytes
          if let number = try number(path: .tie(index, .strength), at: valueOffset, depth: 3),
            let value = assembler.checkedStrength(
              number.value, text: Self.numberText(number, in: bytes), at: place(valueOffset),
              ordinal: index)
          {
            strength = value
          }
          // A bad strength was reported; the record stays so its ends are checked too.
        } else if scanner.matches(key, "mutual") {
          if seen.insert(3) { duplicateKey("mutual", at: keyOffset, path: .tie(index)) }
          let first = scanner.peek()
          if first == UInt8(ascii: "t") || first == UInt8(ascii: "f") {
            mutual = try scanner.literal() == UInt8(ascii: "t")
          } else {
            try wrongType(
              path: .tie(index, .mutual), at: valueOffset, expected: "true or false", depth: 3)
          }
        } else if scanner.matches(key, "contexts") {
          if seen.insert(4) { duplicateKey("contexts", at: keyOffset, path: .tie(index)) }
          try parseContexts(index, at: valueOffset)
        } else {
          try skipUnknownKey(key, at: keyOffset, depth: 3, noting: &unknownKeys)
        }
      } while try scanner.nextElement(close: UInt8(ascii: "}"))
    }
    var hinted: [Int] = []
    if !seen.contains(0) {
      if let hint = missingKey(
        "from", what: "who trusts", unknownKeys: unknownKeys, objectOffset: offset,
        path: .tie(index), foreign: Self.tieForeign)
      {
        hinted.append(hint)
      }
      valid = false
    }
    if !seen.contains(1) {
      if let hint = missingKey(
        "to", what: "whom they trust", unknownKeys: unknownKeys, objectOffset: offset,
        path: .tie(index), foreign: Self.tieForeign)
      {
        hinted.append(hint)
      }
      valid = false
    }
    if !unknownKeys.isEmpty {
      warnOfMisnamedKeys(
        unknownKeys, known: Self.tieKeys, foreign: Self.tieForeign, path: .tie(index),
        except: hinted)
    }
    guard valid, let from = ends.0, let to = ends.1 else {
      assembler.dropTie()
      return
    }
    assembler.addTie(ordinal: index, from: from, to: to, strength: strength, mutual: mutual)
  }

  /// Reads the string at `offset` as a tie end: a range of the document
  /// when it has no escapes, else its decoded bytes staged with the assembler.
  private mutating func tieEnd(side: TieSide, at offset: Int) throws(JSONScanner.Failure)
    -> TieEnd
  {
    let token = try scanner.string()
    if !token.decoded && token.end - token.start <= TieEnd.longestRange {
      return TieEnd(start: token.start, length: token.end - token.start, quoted: true)
    }
    return scanner.withBytes(token) {
      assembler.stageTieEnd(id: $0, at: place(offset), side: side)
    }
  }

  /// Reads a tie's contexts: an array of strings.
  private mutating func parseContexts(_ index: Int, at offset: Int) throws(JSONScanner.Failure) {
    guard scanner.peek() == UInt8(ascii: "[") else {
      try wrongType(
        path: .tie(index, .contexts), at: offset, expected: "an array of strings", depth: 3)
      return
    }
    if try scanner.open(UInt8(ascii: "[")) { return }
    var element = 0
    repeat {
      let valueOffset = skipSpace()
      if scanner.peek() == UInt8(ascii: "\"") {
        let token = try scanner.string()
        scanner.withBytes(token) { assembler.addTieContext($0) }
      } else {
        try wrongType(
          path: .tie(index, .context(element)), at: valueOffset, expected: "a string", depth: 4)
      }
      element += 1
    } while try scanner.nextElement(close: UInt8(ascii: "]"))
  }
}
