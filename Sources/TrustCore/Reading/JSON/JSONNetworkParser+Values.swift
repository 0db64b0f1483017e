/// The values every part of the JSON walk reads (strings, numbers) and the
/// problems about the JSON itself it reports: a value of the wrong type, a
/// key given twice, a required key missing.
extension JSONNetworkParser {
  /// Reads a string, or reports a wrong type and returns `nil`.
  ///
  /// ```swift
  /// let name = try parser.optionalString(path: .key("name"), at: offset)  // "Acme"
  /// ```
  mutating func optionalString(
    path: @autoclosure () -> DiagnosticPath, at offset: Int, depth: Int = 1
  ) throws(JSONScanner.Failure) -> String? {
    guard scanner.peek() == UInt8(ascii: "\"") else {
      try wrongType(path: path(), at: offset, expected: "a string", depth: depth)
      return nil
    }
    let token = try scanner.string()
    return scanner.text(token)
  }

  /// Reads a number, or reports a wrong type (expecting a number from 0 to
  /// 1, the only numbers the format has) and returns `nil`.
  mutating func number(path: @autoclosure () -> DiagnosticPath, at offset: Int, depth: Int)
    throws(JSONScanner.Failure) -> JSONScanner.NumberToken?
  {
    guard let first = scanner.peek() else { throw scanner.unexpectedEnd("a number") }
    guard first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
    else {
      try wrongType(path: path(), at: offset, expected: "a number from 0 to 1", depth: depth)
      return nil
    }
    return try scanner.number()
  }

  /// A number's text as `bytes` write it, at most 40 bytes (with `…` when cut).
  static func numberText(_ number: JSONScanner.NumberToken, in bytes: UnsafeBufferPointer<UInt8>)
    -> String
  {
    NetworkAssembler.shortText(UnsafeBufferPointer(rebasing: bytes[number.start..<number.end]))
  }

  /// Reports a value of the wrong type and skips it.
  mutating func wrongType(
    path: @autoclosure () -> DiagnosticPath, at offset: Int, expected: String, depth: Int
  ) throws(JSONScanner.Failure) {
    let found: String
    switch scanner.peek() {
    case UInt8(ascii: "\""): found = "a string"
    case UInt8(ascii: "{"): found = "an object"
    case UInt8(ascii: "["): found = "an array"
    case UInt8(ascii: "t"), UInt8(ascii: "f"): found = "a bool"
    case UInt8(ascii: "n"): found = "null"
    default: found = "a number"
    }
    try scanner.skipValue(depth: depth, maximumDepth: NetworkReader.maximumDepth)
    assembler.diagnostics.add(
      .error, .wrongType, at: place(offset), path: path(), "expected \(expected), found \(found)")
  }

  /// Reports a key given twice in one object.
  mutating func duplicateKey(_ key: String, at offset: Int, path: DiagnosticPath) {
    assembler.diagnostics.add(
      .error, .duplicateKey, at: place(offset), path: path,
      "the key '\(key)' appears more than once")
  }

  /// Reports a required key missing from the object at `objectOffset`,
  /// pointing at a likely misspelling of it among `unknownKeys` if there is one.
  /// Returns the offset of the key named in the hint, if any.
  @discardableResult
  mutating func missingKey(
    _ key: String, what: String, unknownKeys: [(String, Int)], objectOffset: Int,
    path: DiagnosticPath, foreign: [String: String] = [:]
  ) -> Int? {
    if let (similar, offset) = Self.stand(in: unknownKeys, for: key, foreign: foreign) {
      assembler.diagnostics.add(
        .error, .missingKey, at: place(offset), path: path,
        "missing required key '\(key)' (\(what)); found '\(similar)': did you mean '\(key)'?")
      return offset
    } else {
      assembler.diagnostics.add(
        .error, .missingKey, at: place(objectOffset), path: path,
        "missing required key '\(key)' (\(what))")
      return nil
    }
  }
}
