/// Reads a network file in trustmap's JSON format: walks the document with a
/// ``JSONScanner`` key by key and feeds what it finds to a
/// ``NetworkAssembler``, which makes the checks about the network. This
/// walk makes only the checks about the JSON itself: syntax, types,
/// required and repeated keys, the format version.
///
/// The parts of the walk live beside this file: people, ties (with the
/// plain-tie fast path and the two-thread split of a long ties array), and
/// communities; the value readers and JSON problems they share are in
/// `JSONNetworkParser+Values.swift`.
///
/// ```swift
/// var parser = JSONNetworkParser(bytes: buffer, diagnosticLimit: 1000)
/// let result = parser.read(source: "network.json")  // Result<TrustNetwork, NetworkLoadError>
/// ```
///
/// - Complexity: O(*n*) expected in the input size.
struct JSONNetworkParser {
  var scanner: JSONScanner
  var assembler: NetworkAssembler

  /// Arrays of ties at least this long (in bytes) are parsed in two parts at once.
  let parallelMinimumBytes: Int
  /// The first part of the ties array, started before the people were read.
  var earlyTies: TiesFirstPart?
  /// Whether ties of the common shape are read by ``plainTiePrefix(at:seen:ends:strength:mutual:)``.
  let readsPlainTies: Bool

  /// The document is the assembler's source 0.
  static let source = 0

  init(
    bytes: UnsafeBufferPointer<UInt8>, diagnosticLimit: Int, parallelMinimumBytes: Int = 1 << 23,
    readsPlainTies: Bool = true
  ) {
    scanner = JSONScanner(bytes: bytes)
    assembler = NetworkAssembler(diagnosticLimit: diagnosticLimit)
    _ = assembler.addSource(name: nil, bytes: bytes)
    self.parallelMinimumBytes = parallelMinimumBytes
    self.readsPlainTies = readsPlainTies
  }

  /// A parser for a part of `owner`'s ties array, feeding an assembler of its own.
  init(tiesPartOf owner: JSONNetworkParser) {
    scanner = JSONScanner(bytes: owner.scanner.bytes)
    assembler = NetworkAssembler(sharingSourcesOf: owner.assembler)
    parallelMinimumBytes = .max
    readsPlainTies = owner.readsPlainTies
  }

  /// Reads the whole document into a network, or every problem found; a
  /// syntax error stops the read there.
  mutating func read(source: String) -> Result<TrustNetwork, NetworkLoadError> {
    // A first part of the ties started early and never used (the document
    // turned out other than it looked) is waited for: it reads the same bytes.
    defer { _ = earlyTies?.finish() }
    do {
      try parseDocument()
    } catch {
      assembler.diagnostics.add(
        .error, error.code, at: place(error.offset), path: .document, error.message)
      return .failure(assembler.failure(source: source))
    }
    return assembler.finish(source: source)
  }

  /// The place of byte `offset` of the document.
  @inline(__always)
  func place(_ offset: Int) -> SourcePlace { SourcePlace(source: Self.source, offset: offset) }

  // MARK: - Document

  private mutating func parseDocument() throws(JSONScanner.Failure) {
    var start = 0
    let bytes = scanner.bytes
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      start = 3
      scanner.position = 3
    }
    assembler.networkPlace = place(start)
    guard bytes.count < Int(UInt32.max) else {
      throw JSONScanner.Failure(
        code: .tooLarge, message: "the file is over 4 GiB, the largest network file trustmap reads",
        offset: 0)
    }
    guard let first = scanner.peek() else {
      throw JSONScanner.Failure(
        code: .emptyInput, message: "the input is empty; expected a network object", offset: start)
    }
    guard first == UInt8(ascii: "{") else {
      if first == UInt8(ascii: "[") || first == UInt8(ascii: "\"") {
        throw JSONScanner.Failure(
          code: .wrongType, message: "the document must be an object with 'trustmap' and 'people'",
          offset: scanner.position)
      }
      throw scanner.unexpected("'{' to start the network object")
    }
    var seen = KeySet()
    var unknownKeys: [(String, Int)] = []
    var versionSeen = false
    if try !scanner.open(UInt8(ascii: "{")) {
      repeat {
        let keyOffset = skipSpace()
        let key = try scanner.key()
        let valueOffset = skipSpace()
        if scanner.matches(key, "trustmap") {
          if seen.insert(0) { duplicateKey("trustmap", at: keyOffset, path: .document) }
          versionSeen = true
          try parseVersion(at: valueOffset)
        } else if scanner.matches(key, "people") {
          if seen.insert(1) { duplicateKey("people", at: keyOffset, path: .document) }
          if !seen.contains(2) && earlyTies == nil
            && scanner.bytes.count - valueOffset >= parallelMinimumBytes
          {
            earlyTies = startTiesEarly(afterPeopleAt: valueOffset)
          }
          try parseArray(named: "people", at: valueOffset) {
            parser, index, offset throws(JSONScanner.Failure) in
            try parser.parsePerson(index, at: offset)
          }
        } else if scanner.matches(key, "ties") {
          try parseTies(at: valueOffset, repeated: seen.insert(2), keyOffset: keyOffset)
        } else if scanner.matches(key, "communities") {
          if seen.insert(3) { duplicateKey("communities", at: keyOffset, path: .document) }
          try parseArray(named: "communities", at: valueOffset) {
            parser, index, offset throws(JSONScanner.Failure) in
            try parser.parseCommunity(index, at: offset)
          }
        } else if scanner.matches(key, "name") {
          if seen.insert(4) { duplicateKey("name", at: keyOffset, path: .document) }
          assembler.name = try optionalString(path: .key("name"), at: valueOffset)
        } else if scanner.matches(key, "strongTieThreshold") {
          if seen.insert(5) { duplicateKey("strongTieThreshold", at: keyOffset, path: .document) }
          var threshold: Double?
          if let number = try number(path: .key("strongTieThreshold"), at: valueOffset, depth: 1) {
            threshold = assembler.checkedThreshold(
              number.value, text: Self.numberText(number, in: bytes), at: place(valueOffset))
          }
          assembler.strongTieThreshold = threshold
        } else {
          try skipUnknownKey(key, at: keyOffset, depth: 1, noting: &unknownKeys)
        }
      } while try scanner.nextElement(close: UInt8(ascii: "}"))
    }
    if scanner.peek() != nil {
      throw JSONScanner.Failure(
        code: .syntax, message: "unexpected content after the network object",
        offset: scanner.position)
    }
    var hinted: [Int] = []
    if !versionSeen,
      let hint = missingKey(
        "trustmap", what: "the format version, 1", unknownKeys: unknownKeys, objectOffset: start,
        path: .document, foreign: Self.documentForeign)
    {
      hinted.append(hint)
    }
    if !seen.contains(1),
      let hint = missingKey(
        "people", what: "the list of people", unknownKeys: unknownKeys, objectOffset: start,
        path: .document, foreign: Self.documentForeign)
    {
      hinted.append(hint)
    }
    if !unknownKeys.isEmpty {
      warnOfMisnamedKeys(
        unknownKeys, known: Self.documentKeys, foreign: Self.documentForeign, path: .document,
        except: hinted)
    }
  }

  private mutating func parseVersion(at offset: Int) throws(JSONScanner.Failure) {
    guard let first = scanner.peek() else { throw scanner.unexpectedEnd("a value") }
    if first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) {
      let number = try scanner.number()
      if !(number.isInteger && number.value == 1) {
        let text = String(
          decoding: UnsafeBufferPointer(rebasing: scanner.bytes[number.start..<number.end]),
          as: UTF8.self)
        assembler.diagnostics.add(
          .error, .unsupportedVersion, at: place(offset), path: .key("trustmap"),
          "unsupported format version \(text); this trustmap reads version 1")
      }
      return
    }
    try wrongType(path: .key("trustmap"), at: offset, expected: "the integer 1", depth: 1)
  }

  /// Parses an array whose elements `element` reads, or reports a wrong type.
  mutating func parseArray(
    named key: String, at offset: Int,
    _ element: (inout JSONNetworkParser, Int, Int) throws(JSONScanner.Failure) -> Void
  ) throws(JSONScanner.Failure) {
    guard scanner.peek() == UInt8(ascii: "[") else {
      try wrongType(path: .key(key), at: offset, expected: "an array", depth: 1)
      return
    }
    if try scanner.open(UInt8(ascii: "[")) { return }
    var index = 0
    repeat {
      let elementOffset = skipSpace()
      try element(&self, index, elementOffset)
      index += 1
    } while try scanner.nextElement(close: UInt8(ascii: "]"))
  }

  /// Skips the value of a key the format does not know (allowed, for forward
  /// compatibility), noting the first few keys for "did you mean" hints.
  mutating func skipUnknownKey(
    _ key: JSONScanner.StringToken, at offset: Int, depth: Int,
    noting unknownKeys: inout [(String, Int)]
  ) throws(JSONScanner.Failure) {
    if unknownKeys.count < 16 { unknownKeys.append((scanner.text(key), offset)) }
    try scanner.skipValue(depth: depth, maximumDepth: NetworkReader.maximumDepth)
  }

  /// A number where a person id is expected, read as its JSON text
  /// (`"id": 17` is the person `17`), or `nil` when the value is not a number.
  mutating func numericID() throws(JSONScanner.Failure) -> JSONScanner.NumberToken? {
    guard let first = scanner.peek(),
      first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
    else { return nil }
    return try scanner.number()
  }

  /// The bytes of a number's text in the document.
  func numberBytes(_ number: JSONScanner.NumberToken) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: scanner.bytes[number.start..<number.end])
  }

  /// Skips white space and returns the offset of the value that follows.
  @inline(__always)
  mutating func skipSpace() -> Int {
    _ = scanner.peek()
    return scanner.position
  }
}

/// A small set of key numbers (0 to 63) seen in one object.
///
/// ```swift
/// var seen = KeySet()
/// seen.insert(2)  // false: new
/// seen.insert(2)  // true: a repeated key
/// ```
///
/// - Complexity: O(1), one word.
struct KeySet {
  private var bits: UInt64 = 0
  /// Adds `key`; returns whether it was already there.
  @inline(__always)
  mutating func insert(_ key: Int) -> Bool {
    let mask: UInt64 = 1 << UInt64(key)
    defer { bits |= mask }
    return bits & mask != 0
  }
  @inline(__always)
  func contains(_ key: Int) -> Bool { bits & (1 << UInt64(key)) != 0 }
}
