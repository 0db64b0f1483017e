/// Reading the `communities` array: each community object's keys, fed to
/// the assembler as an open community.
extension JSONNetworkParser {
  /// Reads community `index` at `offset`: `{"id": …, "name": …, "members": […]}`.
  ///
  /// - Complexity: O(*b*) in the object's bytes.
  mutating func parseCommunity(_ index: Int, at offset: Int) throws(JSONScanner.Failure) {
    guard scanner.peek() == UInt8(ascii: "{") else {
      try wrongType(path: .community(index), at: offset, expected: "a community object", depth: 2)
      return
    }
    assembler.beginCommunity(ordinal: index)
    var seen = KeySet()
    var unknownKeys: [(String, Int)] = []
    if try !scanner.open(UInt8(ascii: "{")) {
      repeat {
        let keyOffset = skipSpace()
        let key = try scanner.key()
        let valueOffset = skipSpace()
        if scanner.matches(key, "id") {
          if seen.insert(0) { duplicateKey("id", at: keyOffset, path: .community(index)) }
          let id = try optionalString(path: .community(index, .id), at: valueOffset, depth: 3)
          assembler.communityID(id, at: place(valueOffset))
        } else if scanner.matches(key, "name") {
          if seen.insert(1) { duplicateKey("name", at: keyOffset, path: .community(index)) }
          let name = try optionalString(
            path: .community(index, .name), at: valueOffset, depth: 3)
          assembler.communityName(name)
        } else if scanner.matches(key, "members") {
          if seen.insert(2) { duplicateKey("members", at: keyOffset, path: .community(index)) }
          try parseMembers(index, at: valueOffset)
        } else {
          try skipUnknownKey(key, at: keyOffset, depth: 3, noting: &unknownKeys)
        }
      } while try scanner.nextElement(close: UInt8(ascii: "}"))
    }
    if !seen.contains(0) {
      missingKey(
        "id", what: "the community's id", unknownKeys: unknownKeys, objectOffset: offset,
        path: .community(index))
    }
    if !seen.contains(2) {
      missingKey(
        "members", what: "the list of member ids", unknownKeys: unknownKeys,
        objectOffset: offset, path: .community(index))
    }
    assembler.finishCommunity()
  }

  /// Reads a community's members: an array of person ids.
  private mutating func parseMembers(_ index: Int, at offset: Int) throws(JSONScanner.Failure) {
    guard scanner.peek() == UInt8(ascii: "[") else {
      try wrongType(
        path: .community(index, .members), at: offset, expected: "an array of person ids",
        depth: 3)
      return
    }
    if try scanner.open(UInt8(ascii: "[")) { return }
    var element = 0
    repeat {
      let memberOffset = skipSpace()
      if scanner.peek() == UInt8(ascii: "\"") {
        let token = try scanner.string()
        scanner.withBytes(token) { assembler.addMember($0, at: place(memberOffset)) }
      } else if let number = try numericID() {
        assembler.addMember(numberBytes(number), at: place(memberOffset))
      } else {
        try wrongType(
          path: .community(index, .member(element)), at: memberOffset, expected: "a person id",
          depth: 4)
      }
      element += 1
    } while try scanner.nextElement(close: UInt8(ascii: "]"))
  }
}
