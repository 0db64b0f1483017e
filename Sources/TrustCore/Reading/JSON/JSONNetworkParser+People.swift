/// Reading the `people` array: each person object's keys, fed to the
/// assembler as an open person.
extension JSONNetworkParser {
  /// Reads person `index` at `offset`: `{"id": …, "name": …, "attributes":
  /// {…}, "reportsTo": …}`, keys in any order.
  ///
  /// - Complexity: O(*b*) in the object's bytes.
  mutating func parsePerson(_ index: Int, at offset: Int) throws(JSONScanner.Failure) {
    guard scanner.peek() == UInt8(ascii: "{") else {
      try wrongType(path: .person(index), at: offset, expected: "a person object", depth: 2)
      return
    }
    assembler.beginPerson(ordinal: index)
    var seen = KeySet()
    var unknownKeys: [(String, Int)] = []
    if try !scanner.open(UInt8(ascii: "{")) {
      repeat {
        let keyOffset = skipSpace()
        let key = try scanner.key()
        let valueOffset = skipSpace()
        if scanner.matches(key, "id") {
          if seen.insert(0) {
            duplicateKey("id", at: keyOffset, path: .person(index))
            try scanner.skipValue(depth: 3, maximumDepth: NetworkReader.maximumDepth)
            continue
          }
          if let number = try numericID() {
            _ = assembler.personID(numberBytes(number), at: place(valueOffset))
            continue
          }
          guard scanner.peek() == UInt8(ascii: "\"") else {
            try wrongType(
              path: .person(index, .id), at: valueOffset, expected: "a non-empty string", depth: 3)
            continue
          }
          let token = try scanner.string()
          scanner.withBytes(token) { _ = assembler.personID($0, at: place(valueOffset)) }
        } else if scanner.matches(key, "attributes") {
          if seen.insert(1) { duplicateKey("attributes", at: keyOffset, path: .person(index)) }
          try parseAttributes(index, at: valueOffset)
        } else if scanner.matches(key, "reportsTo") {
          if seen.insert(2) { duplicateKey("reportsTo", at: keyOffset, path: .person(index)) }
          if let number = try numericID() {
            assembler.personReportsTo(numberBytes(number), at: place(valueOffset))
            continue
          }
          guard scanner.peek() == UInt8(ascii: "\"") else {
            try wrongType(
              path: .person(index, .reportsTo), at: valueOffset,
              expected: "a person id (a string)", depth: 3)
            continue
          }
          let token = try scanner.string()
          scanner.withBytes(token) { assembler.personReportsTo($0, at: place(valueOffset)) }
        } else if scanner.matches(key, "name") {
          if seen.insert(3) { duplicateKey("name", at: keyOffset, path: .person(index)) }
          let name = try optionalString(path: .person(index, .name), at: valueOffset, depth: 3)
          assembler.personName(name)
        } else {
          try skipUnknownKey(key, at: keyOffset, depth: 3, noting: &unknownKeys)
        }
      } while try scanner.nextElement(close: UInt8(ascii: "}"))
    }
    var hinted: [Int] = []
    if !seen.contains(0),
      let hint = missingKey(
        "id", what: "the person's unique id", unknownKeys: unknownKeys, objectOffset: offset,
        path: .person(index), foreign: Self.personForeign)
    {
      hinted.append(hint)
    }
    if !unknownKeys.isEmpty {
      warnOfMisnamedKeys(
        unknownKeys, known: Self.personKeys, foreign: Self.personForeign, path: .person(index),
        except: hinted)
    }
    assembler.finishPerson()
  }

  /// Reads a person's attributes: an object of strings, numbers (kept as
  /// their text) and bools.
  private mutating func parseAttributes(_ index: Int, at offset: Int) throws(JSONScanner.Failure) {
    guard scanner.peek() == UInt8(ascii: "{") else {
      try wrongType(
        path: .person(index, .attributes), at: offset, expected: "an object of strings", depth: 3)
      return
    }
    if try scanner.open(UInt8(ascii: "{")) { return }
    repeat {
      let keyOffset = skipSpace()
      let keyToken = try scanner.key()
      let (key, repeated) = scanner.withBytes(keyToken) { assembler.personAttributeKey($0) }
      let valueOffset = skipSpace()
      if repeated {
        duplicateKey(
          assembler.attributeKeyText(key), at: keyOffset, path: .person(index, .attributes))
        try scanner.skipValue(depth: 4, maximumDepth: NetworkReader.maximumDepth)
        continue
      }
      guard let first = scanner.peek() else { throw scanner.unexpectedEnd("a value") }
      switch first {
      case UInt8(ascii: "\""):
        let token = try scanner.string()
        scanner.withBytes(token) { assembler.personAttribute(key: key, value: $0) }
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        let number = try scanner.number()
        assembler.personAttribute(
          key: key, value: UnsafeBufferPointer(rebasing: scanner.bytes[number.start..<number.end]))
      case UInt8(ascii: "t"), UInt8(ascii: "f"):
        let start = scanner.position
        _ = try scanner.literal()
        assembler.personAttribute(
          key: key, value: UnsafeBufferPointer(rebasing: scanner.bytes[start..<scanner.position]))
      default:
        let keyText = assembler.attributeKeyText(key)
        try wrongType(
          path: .person(index, .attribute(keyText)), at: valueOffset,
          expected: "a string, number or bool", depth: 4)
      }
    } while try scanner.nextElement(close: UInt8(ascii: "}"))
  }
}
