import Dispatch

/// The schema-driven half of the reader: walks the document with a
/// ``JSONScanner`` and fills the network's columns, recording problems.
struct NetworkParser {
  var scanner: JSONScanner
  var diagnostics: DiagnosticCollector

  private var people = People()
  private var ties = Ties()
  private var communities: [IndexedCommunity] = []
  private var name: String?
  private var threshold: Double?
  private var reportsToOffset: [Int] = []

  /// A reference by id that could not be resolved when it was read (the
  /// person may come later in the file). Raw references point into the input.
  private struct Reference {
    var owner: Int32
    var role: UInt8
    var start: Int
    var end: Int
    /// Index into `decodedReferences` when the id had escapes, else -1.
    var decoded: Int32
  }
  private var pending: [Reference] = []
  private var decodedReferences: [[UInt8]] = []
  private var memberOffsets: [[Int]] = []

  private static let roleReportsTo: UInt8 = 0
  private static let roleFrom: UInt8 = 1
  private static let roleTo: UInt8 = 2
  private static let roleMember: UInt8 = 3

  private var attributeSeen: [Int] = []
  private var objectOrdinal = 0
  private var contextBuffer: [Int32] = []
  /// Where each tie's `from` and `to` ids sit in the input, resolved after the parse.
  private var tieEnds: [TieEnd] = []
  private var tieOrdinals = OrdinalMap()
  private var personOrdinals = OrdinalMap()

  /// Arrays of ties at least this long (in bytes) are parsed in two halves at once.
  private let parallelMinimumBytes: Int
  /// The first part of the ties array, started before the people were read.
  private var earlyTies: TiesFirstPart?
  /// Whether ties of the common shape are read by ``plainTiePrefix(at:seen:ends:strength:mutual:)``.
  private let readsPlainTies: Bool

  init(
    bytes: UnsafeBufferPointer<UInt8>, diagnosticLimit: Int, parallelMinimumBytes: Int = 1 << 23,
    readsPlainTies: Bool = true
  ) {
    scanner = JSONScanner(bytes: bytes)
    diagnostics = DiagnosticCollector(limit: diagnosticLimit)
    self.parallelMinimumBytes = parallelMinimumBytes
    self.readsPlainTies = readsPlainTies
  }

  /// Reads the whole document; `nil` when a syntax error stopped the read.
  mutating func parse() -> TrustNetwork? {
    // A first part of the ties started early and never used (the document
    // turned out other than it looked) is waited for: it reads the same bytes.
    defer { _ = earlyTies?.finish() }
    do {
      try parseDocument()
    } catch {
      diagnostics.add(.error, error.code, at: error.offset, path: "", error.message)
      return nil
    }
    resolveTieEnds()
    resolvePending()
    checkSelfTies()
    tieEnds = []
    finishCommunities()
    checkReportsToCycles()
    return TrustNetwork(
      name: name, strongTieThreshold: threshold, people: people, ties: ties,
      communities: communities, warnings: [])
  }

  // MARK: - Document

  private mutating func parseDocument() throws(JSONScanner.Failure) {
    var start = 0
    let bytes = scanner.bytes
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
      start = 3
      scanner.position = 3
    }
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
          if seen.insert(0) { duplicateKey("trustmap", at: keyOffset, path: "") }
          versionSeen = true
          try parseVersion(at: valueOffset)
        } else if scanner.matches(key, "people") {
          if seen.insert(1) { duplicateKey("people", at: keyOffset, path: "") }
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
          let repeated = seen.insert(2)
          if repeated { duplicateKey("ties", at: keyOffset, path: "") }
          if !repeated, let early = earlyTies, early.open == valueOffset {
            earlyTies = nil
            try parseTiesInTwo(open: valueOffset, first: early)
          } else if !repeated && scanner.bytes.count - valueOffset >= parallelMinimumBytes,
            scanner.peek() == UInt8(ascii: "["), let comma = splitGuess(ofArrayAt: valueOffset)
          {
            try parseTiesInTwo(
              open: valueOffset, first: TiesFirstPart(of: self, open: valueOffset, comma: comma))
          } else {
            try parseArray(named: "ties", at: valueOffset) {
              parser, index, offset throws(JSONScanner.Failure) in
              try parser.parseTie(index, at: offset)
            }
          }
        } else if scanner.matches(key, "communities") {
          if seen.insert(3) { duplicateKey("communities", at: keyOffset, path: "") }
          try parseArray(named: "communities", at: valueOffset) {
            parser, index, offset throws(JSONScanner.Failure) in
            try parser.parseCommunity(index, at: offset)
          }
        } else if scanner.matches(key, "name") {
          if seen.insert(4) { duplicateKey("name", at: keyOffset, path: "") }
          name = try optionalString(path: "name", at: valueOffset)
        } else if scanner.matches(key, "strongTieThreshold") {
          if seen.insert(5) { duplicateKey("strongTieThreshold", at: keyOffset, path: "") }
          threshold = try unitNumber(
            path: "strongTieThreshold", at: valueOffset, what: "the strong-tie threshold",
            code: .invalidValue)
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
    if !versionSeen {
      missingKey(
        "trustmap", what: "the format version, 1", unknownKeys: unknownKeys, objectOffset: start,
        path: "")
    }
    if !seen.contains(1) {
      missingKey(
        "people", what: "the list of people", unknownKeys: unknownKeys, objectOffset: start,
        path: "")
    }
    if people.count > Int(Int32.max) - 1 || ties.strength.count > Int(Int32.max) - 1 {
      diagnostics.add(
        .error, .tooLarge, at: start, path: "",
        "more than \(Int32.max - 1) people or ties: beyond what one trustmap network indexes")
    }
  }

  /// Skips the value of a key the format does not know (allowed, for forward
  /// compatibility), noting the first few keys for "did you mean" hints.
  private mutating func skipUnknownKey(
    _ key: JSONScanner.StringToken, at offset: Int, depth: Int,
    noting unknownKeys: inout [(String, Int)]
  ) throws(JSONScanner.Failure) {
    if unknownKeys.count < 16 { unknownKeys.append((scanner.text(key), offset)) }
    try scanner.skipValue(depth: depth, maximumDepth: NetworkReader.maximumDepth)
  }

  /// Skips white space and returns the offset of the value that follows.
  @inline(__always)
  private mutating func skipSpace() -> Int {
    _ = scanner.peek()
    return scanner.position
  }

  private mutating func parseVersion(at offset: Int) throws(JSONScanner.Failure) {
    guard let first = scanner.peek() else { throw scanner.unexpectedEnd("a value") }
    if first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) {
      let number = try scanner.number()
      if !(number.isInteger && number.value == 1) {
        let text = String(
          decoding: UnsafeBufferPointer(rebasing: scanner.bytes[number.start..<number.end]),
          as: UTF8.self)
        diagnostics.add(
          .error, .unsupportedVersion, at: offset, path: "trustmap",
          "unsupported format version \(text); this trustmap reads version 1")
      }
      return
    }
    try wrongType(path: "trustmap", at: offset, expected: "the integer 1", depth: 1)
  }

  /// Parses an array whose elements `element` reads, or reports a wrong type.
  private mutating func parseArray(
    named path: String, at offset: Int,
    _ element: (inout NetworkParser, Int, Int) throws(JSONScanner.Failure) -> Void
  ) throws(JSONScanner.Failure) {
    guard scanner.peek() == UInt8(ascii: "[") else {
      try wrongType(path: path, at: offset, expected: "an array", depth: 1)
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

  // MARK: - People

  private mutating func parsePerson(_ index: Int, at offset: Int) throws(JSONScanner.Failure) {
    guard scanner.peek() == UInt8(ascii: "{") else {
      try wrongType(path: "people[\(index)]", at: offset, expected: "a person object", depth: 2)
      return
    }
    objectOrdinal += 1
    var seen = KeySet()
    var unknownKeys: [(String, Int)] = []
    var personIndex = -1
    var displayName: String?
    var managerIndex: Int32 = -1
    var managerReference: Reference?
    var managerOffset = -1
    let firstAttribute = people.attributeKey.count
    if try !scanner.open(UInt8(ascii: "{")) {
      repeat {
        let keyOffset = skipSpace()
        let key = try scanner.key()
        let valueOffset = skipSpace()
        if scanner.matches(key, "id") {
          if seen.insert(0) {
            duplicateKey("id", at: keyOffset, path: "people[\(index)]")
            try scanner.skipValue(depth: 3, maximumDepth: NetworkReader.maximumDepth)
            continue
          }
          personIndex = try parsePersonId(index, at: valueOffset)
        } else if scanner.matches(key, "attributes") {
          if seen.insert(1) { duplicateKey("attributes", at: keyOffset, path: "people[\(index)]") }
          try parseAttributes(index, at: valueOffset)
        } else if scanner.matches(key, "reportsTo") {
          if seen.insert(2) { duplicateKey("reportsTo", at: keyOffset, path: "people[\(index)]") }
          guard scanner.peek() == UInt8(ascii: "\"") else {
            try wrongType(
              path: "people[\(index)].reportsTo", at: valueOffset,
              expected: "a person id (a string)",
              depth: 3)
            continue
          }
          let token = try scanner.string()
          managerOffset = valueOffset
          if let found = lookUp(token) {
            managerIndex = Int32(truncatingIfNeeded: found)
            managerReference = nil
          } else {
            managerIndex = -1
            managerReference = reference(token, owner: 0, role: Self.roleReportsTo)
          }
        } else if scanner.matches(key, "name") {
          if seen.insert(3) { duplicateKey("name", at: keyOffset, path: "people[\(index)]") }
          displayName = try optionalString(path: "people[\(index)].name", at: valueOffset, depth: 3)
        } else {
          try skipUnknownKey(key, at: keyOffset, depth: 3, noting: &unknownKeys)
        }
      } while try scanner.nextElement(close: UInt8(ascii: "}"))
    }
    if !seen.contains(0) {
      missingKey(
        "id", what: "the person's unique id", unknownKeys: unknownKeys, objectOffset: offset,
        path: "people[\(index)]")
    }
    personOrdinals.record(kept: personIndex >= 0)
    guard personIndex >= 0 else {
      // The person is dropped; so are the attributes read for it.
      let extra = people.attributeKey.count - firstAttribute
      people.attributeKey.removeLast(extra)
      people.attributeValue.removeLast(extra)
      return
    }
    if let name = displayName {
      people.nameSlot.append(Int32(truncatingIfNeeded: people.names.count))
      people.names.append(name)
    } else {
      people.nameSlot.append(-1)
    }
    people.attributeOffsets.append(people.attributeKey.count)
    people.reportsTo.append(managerIndex)
    reportsToOffset.append(managerOffset)
    if var reference = managerReference {
      reference.owner = Int32(truncatingIfNeeded: personIndex)
      pending.append(reference)
    }
  }

  /// Reads an id and adds it; returns the new person's index, or -1 if it is invalid or taken.
  private mutating func parsePersonId(_ index: Int, at offset: Int) throws(JSONScanner.Failure)
    -> Int
  {
    guard scanner.peek() == UInt8(ascii: "\"") else {
      try wrongType(
        path: "people[\(index)].id", at: offset, expected: "a non-empty string", depth: 3)
      return -1
    }
    let token = try scanner.string()
    let problem: String? = scanner.withBytes(token) { bytes in
      if bytes.isEmpty { return "an id must not be empty" }
      if let control = bytes.first(where: { $0 < 0x20 || $0 == 0x7F }) {
        return "an id must not contain control characters (found U+\(hex4(UInt32(control))))"
      }
      return nil
    }
    if let problem {
      diagnostics.add(.error, .invalidValue, at: offset, path: "people[\(index)].id", problem)
      return -1
    }
    let expected = people.ids.count
    let (personIndex, inserted) = scanner.withBytes(token) { people.ids.insert($0) }
    guard inserted, personIndex == expected else {
      diagnostics.add(
        .error, .duplicateId, at: offset, path: "people[\(index)].id",
        "duplicate person id '\(scanner.text(token))' (first used by people[\(personIndex)])")
      return -1
    }
    return personIndex
  }

  private mutating func parseAttributes(_ index: Int, at offset: Int) throws(JSONScanner.Failure) {
    guard scanner.peek() == UInt8(ascii: "{") else {
      try wrongType(
        path: "people[\(index)].attributes", at: offset, expected: "an object of strings", depth: 3)
      return
    }
    if try scanner.open(UInt8(ascii: "{")) { return }
    repeat {
      let keyOffset = skipSpace()
      let keyToken = try scanner.key()
      let (keyIndex, _) = scanner.withBytes(keyToken) { people.attributeKeys.insert($0) }
      while attributeSeen.count <= keyIndex { attributeSeen.append(0) }
      let valueOffset = skipSpace()
      let isDuplicate = attributeSeen[keyIndex] == objectOrdinal
      attributeSeen[keyIndex] = objectOrdinal
      if isDuplicate {
        duplicateKey(
          people.attributeKeys[keyIndex], at: keyOffset, path: "people[\(index)].attributes")
        try scanner.skipValue(depth: 4, maximumDepth: NetworkReader.maximumDepth)
        continue
      }
      guard let first = scanner.peek() else { throw scanner.unexpectedEnd("a value") }
      let valueIndex: Int
      switch first {
      case UInt8(ascii: "\""):
        let token = try scanner.string()
        valueIndex = scanner.withBytes(token) { people.attributeValues.insert($0).index }
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        let number = try scanner.number()
        valueIndex =
          people.attributeValues.insert(
            UnsafeBufferPointer(rebasing: scanner.bytes[number.start..<number.end])
          ).index
      case UInt8(ascii: "t"), UInt8(ascii: "f"):
        let start = scanner.position
        _ = try scanner.literal()
        valueIndex =
          people.attributeValues.insert(
            UnsafeBufferPointer(rebasing: scanner.bytes[start..<scanner.position])
          ).index
      default:
        let path = "people[\(index)].attributes.\(people.attributeKeys[keyIndex])"
        try wrongType(path: path, at: valueOffset, expected: "a string, number or bool", depth: 4)
        continue
      }
      people.attributeKey.append(Int32(truncatingIfNeeded: keyIndex))
      people.attributeValue.append(Int32(truncatingIfNeeded: valueIndex))
    } while try scanner.nextElement(close: UInt8(ascii: "}"))
  }

  // MARK: - Ties

  private mutating func parseTie(_ index: Int, at offset: Int) throws(JSONScanner.Failure) {
    guard scanner.peek() == UInt8(ascii: "{") else {
      try wrongType(path: "ties[\(index)]", at: offset, expected: "a tie object", depth: 2)
      return
    }
    var seen = KeySet()
    var unknownKeys: [(String, Int)] = []
    var ends: (TieEnd?, TieEnd?) = (nil, nil)
    var endReferences: (Reference?, Reference?) = (nil, nil)
    var strength = 1.0
    var mutual = false
    var valid = true
    contextBuffer.removeAll(keepingCapacity: true)
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
          let field = isFrom ? "from" : "to"
          if seen.insert(isFrom ? 0 : 1) {
            duplicateKey(field, at: keyOffset, path: "ties[\(index)]")
            try scanner.skipValue(depth: 3, maximumDepth: NetworkReader.maximumDepth)
            continue
          }
          guard scanner.peek() == UInt8(ascii: "\"") else {
            try wrongType(
              path: "ties[\(index)].\(field)", at: valueOffset, expected: "a person id (a string)",
              depth: 3)
            valid = false
            continue
          }
          let token = try scanner.string()
          let end: TieEnd
          if token.decoded {
            var deferred = reference(token, owner: 0, role: isFrom ? Self.roleFrom : Self.roleTo)
            deferred.owner = Int32(truncatingIfNeeded: ties.strength.count)
            end = TieEnd(start: UInt32(truncatingIfNeeded: deferred.start + 1), length: .max)
            if isFrom { ends.0 = end } else { ends.1 = end }
            if isFrom { endReferences.0 = deferred } else { endReferences.1 = deferred }
          } else {
            end = TieEnd(
              start: UInt32(truncatingIfNeeded: token.start),
              length: UInt32(truncatingIfNeeded: token.end - token.start))
            if isFrom { ends.0 = end } else { ends.1 = end }
          }
        } else if scanner.matches(key, "strength") {
          if seen.insert(2) { duplicateKey("strength", at: keyOffset, path: "ties[\(index)]") }
          if let value = try unitNumber(
            path: "ties[\(index)].strength", at: valueOffset, what: "a strength",
            code: .strengthOutOfRange, depth: 3)
          {
            strength = value
          }
          // A bad strength was reported; the record stays so its ends are checked too.
        } else if scanner.matches(key, "mutual") {
          if seen.insert(3) { duplicateKey("mutual", at: keyOffset, path: "ties[\(index)]") }
          let first = scanner.peek()
          if first == UInt8(ascii: "t") || first == UInt8(ascii: "f") {
            mutual = try scanner.literal() == UInt8(ascii: "t")
          } else {
            try wrongType(
              path: "ties[\(index)].mutual", at: valueOffset, expected: "true or false", depth: 3)
          }
        } else if scanner.matches(key, "contexts") {
          if seen.insert(4) { duplicateKey("contexts", at: keyOffset, path: "ties[\(index)]") }
          try parseContexts(index, at: valueOffset)
        } else {
          try skipUnknownKey(key, at: keyOffset, depth: 3, noting: &unknownKeys)
        }
      } while try scanner.nextElement(close: UInt8(ascii: "}"))
    }
    if !seen.contains(0) {
      missingKey(
        "from", what: "who trusts", unknownKeys: unknownKeys, objectOffset: offset,
        path: "ties[\(index)]")
      valid = false
    }
    if !seen.contains(1) {
      missingKey(
        "to", what: "whom they trust", unknownKeys: unknownKeys, objectOffset: offset,
        path: "ties[\(index)]")
      valid = false
    }
    tieOrdinals.record(kept: valid)
    guard valid, let fromEnd = ends.0, let toEnd = ends.1 else { return }
    tieEnds.append(fromEnd)
    tieEnds.append(toEnd)
    ties.strength.append(strength + 0)  // + 0 turns -0 into 0
    ties.mutual.append(mutual)
    ties.setContextsOfLastRecord(contextBuffer)
    if let reference = endReferences.0 { pending.append(reference) }
    if let reference = endReferences.1 { pending.append(reference) }
  }

  /// How far ``plainTiePrefix(at:seen:ends:strength:mutual:)`` read a tie.
  private enum PlainPrefix {
    /// The whole object, closing brace included.
    case closed
    /// Up to the start of a key it leaves to the general loop.
    case atKey
    /// Nothing: the position is back at the opening brace.
    case notPlain
  }

  /// Reads the common shape of a tie straight from the bytes: the keys
  /// `from`, `to`, `strength`, `mutual` in that order, ids without escapes
  /// or non-ASCII bytes, a strength in [0, 1], white space anywhere.
  ///
  /// It stops at the first key it does not expect, or whose value is not
  /// plain, leaving the position at that key for the general loop, which then
  /// sees exactly what it would have seen alone (so every message is the
  /// same). It records nothing but the fields it fills.
  @inline(__always)
  private mutating func plainTiePrefix(
    at offset: Int, seen: inout KeySet, ends: inout (TieEnd?, TieEnd?), strength: inout Double,
    mutual: inout Bool
  ) throws(JSONScanner.Failure) -> PlainPrefix {
    let bytes = scanner.bytes
    let count = bytes.count
    @inline(__always) func skipSpace(_ index: inout Int) {
      skipJSONSpace(in: bytes, from: &index, before: count)
    }
    /// Whether the bytes at `index` are `"name"` with its quotes.
    @inline(__always) func isKey(_ name: StaticString, at index: Int) -> Bool {
      let length = name.utf8CodeUnitCount
      guard index &+ length &+ 2 <= count, bytes[index] == UInt8(ascii: "\""),
        bytes[index &+ length &+ 1] == UInt8(ascii: "\""), let base = bytes.baseAddress
      else { return false }
      return memoryEqual(base + (index &+ 1), name.utf8Start, length)
    }
    /// Past the key's colon and white space, or -1.
    @inline(__always) func valueStart(afterKeyOf length: Int, at index: Int) -> Int {
      var next = index &+ length &+ 2
      skipSpace(&next)
      guard next < count, bytes[next] == UInt8(ascii: ":") else { return -1 }
      next &+= 1
      skipSpace(&next)
      return next
    }
    /// Past the colon of the key `name` at `index`, where the value starts
    /// with `first` or `second` (the kinds of value this prefix reads), or nil.
    @inline(__always) func plainValueStart(
      of name: StaticString, at index: Int, startingWith first: UInt8, or second: UInt8
    ) -> Int? {
      let next = valueStart(afterKeyOf: name.utf8CodeUnitCount, at: index)
      guard next >= 0, next < count, bytes[next] == first || bytes[next] == second else {
        return nil
      }
      return next
    }
    /// A plain id's end at `index` (its opening quote), or nil.
    @inline(__always) func plainId(at index: Int, end: inout Int) -> TieEnd? {
      guard index < count, bytes[index] == UInt8(ascii: "\"") else { return nil }
      var next = index &+ 1
      while next < count {
        let byte = bytes[next]
        if byte == UInt8(ascii: "\"") {
          end = next &+ 1
          return TieEnd(
            start: UInt32(truncatingIfNeeded: index &+ 1),
            length: UInt32(truncatingIfNeeded: next &- index &- 1))
        }
        if byte < 0x20 || byte >= 0x80 || byte == UInt8(ascii: "\\") { return nil }
        next &+= 1
      }
      return nil
    }

    var index = offset &+ 1
    skipSpace(&index)
    // from, then to: both plain, or the general loop reads the whole object.
    guard isKey("from", at: index) else {
      scanner.position = offset
      return .notPlain
    }
    var next = valueStart(afterKeyOf: 4, at: index)
    guard next >= 0, let from = plainId(at: next, end: &index) else {
      scanner.position = offset
      return .notPlain
    }
    skipSpace(&index)
    guard index < count, bytes[index] == UInt8(ascii: ",") else {
      scanner.position = offset
      return .notPlain
    }
    index &+= 1
    skipSpace(&index)
    guard isKey("to", at: index) else {
      scanner.position = offset
      return .notPlain
    }
    next = valueStart(afterKeyOf: 2, at: index)
    guard next >= 0, let to = plainId(at: next, end: &index) else {
      scanner.position = offset
      return .notPlain
    }
    _ = seen.insert(0)
    _ = seen.insert(1)
    ends = (from, to)
    // Then strength and mutual, each optional, in that order.
    /// After a value: past the comma and white space to the next key (true),
    /// or past the closing brace (false); a syntax error as the general loop throws it.
    func nextKey() throws(JSONScanner.Failure) -> Bool {
      guard try scanner.nextElement(close: UInt8(ascii: "}")) else { return false }
      skipSpace(&scanner.position)
      return true
    }
    scanner.position = index
    guard try nextKey() else { return .closed }
    var key = scanner.position
    if isKey("strength", at: key) {
      guard
        let next = plainValueStart(
          of: "strength", at: key, startingWith: UInt8(ascii: "0"), or: UInt8(ascii: "1"))
      else { return .atKey }
      scanner.position = next
      let number = try scanner.number()
      guard number.value >= 0 && number.value <= 1 else {
        scanner.position = key
        return .atKey
      }
      _ = seen.insert(2)
      strength = number.value
      guard try nextKey() else { return .closed }
      key = scanner.position
    }
    if isKey("mutual", at: key) {
      guard
        let next = plainValueStart(
          of: "mutual", at: key, startingWith: UInt8(ascii: "t"), or: UInt8(ascii: "f"))
      else { return .atKey }
      scanner.position = next
      mutual = try scanner.literal() == UInt8(ascii: "t")
      _ = seen.insert(3)
      guard try nextKey() else { return .closed }
    }
    return .atKey
  }

  /// Resolves the ids of every tie's ends in one tight loop after the parse:
  /// the look-ups are independent, so the processor overlaps their cache misses.
  private mutating func resolveTieEnds() {
    let count = ties.strength.count
    let bytes = UnsafeSendable(scanner.bytes)
    // Made here, every slot written once by the block that resolves it: an
    // end not found, or with escapes (set by resolvePending), is -1 for now.
    var fromColumn = [Int32](unsafeUninitializedCapacity: count) { $1 = count }
    var toColumn = [Int32](unsafeUninitializedCapacity: count) { $1 = count }
    let total = count * 2
    let block = 1 << 16
    let unknownByBlock = SharedBuffer<[Int]>(repeating: [], count: (total + block - 1) / block)
    fromColumn.withUnsafeMutableBufferPointer { fromPointer in
      toColumn.withUnsafeMutableBufferPointer { toPointer in
        let from = UnsafeSendable(fromPointer)
        let to = UnsafeSendable(toPointer)
        people.ids.withLookup { ids in
          tieEnds.withUnsafeBufferPointer { ends in
            let shared = UnsafeSendable((ids, ends))
            // Blocks of tie ends on every core; the table is only read.
            forEachBlockInParallel(count: total, block: block) { _, range in
              let (ids, ends) = shared.value
              let bytes = bytes.value
              var unknown: [Int] = []
              let batch = 64
              var base = range.lowerBound
              while base < range.upperBound {
                ids.indices(
                  count: min(batch, range.upperBound &- base),
                  readableEnd: UnsafeRawPointer(bytes.baseAddress.map { $0 + bytes.count })
                ) { item in
                  let end = ends[base &+ item]
                  // An id with escapes (resolved later) is looked up as empty, never found.
                  let start = Int(end.start)
                  let length = end.length == .max ? 0 : Int(end.length)
                  return UnsafeBufferPointer(rebasing: bytes[start..<start &+ length])
                } _: { item, found in
                  let slot = base &+ item
                  var value: Int32 = -1
                  if ends[slot].length != .max {
                    if let found {
                      value = Int32(truncatingIfNeeded: found)
                    } else {
                      unknown.append(slot)
                    }
                  }
                  if slot & 1 == 0 {
                    from.value[slot >> 1] = value
                  } else {
                    to.value[slot >> 1] = value
                  }
                }
                base &+= batch
              }
              unknownByBlock.pointer[range.lowerBound / block] = unknown
            }
          }
        }
      }
    }
    ties.from = fromColumn
    ties.to = toColumn
    // Ends with escapes stay -1 here; resolvePending sets them.
    for slot in unknownByBlock.array.joined() {
      let start = Int(tieEnds[slot].start)
      let key = UnsafeBufferPointer(
        rebasing: scanner.bytes[start..<start + Int(tieEnds[slot].length)])
      unknownTieEnd(tie: slot >> 1, side: slot & 1, key: key, offset: start - 1)
    }
  }

  private mutating func unknownTieEnd(
    tie: Int, side: Int, key: UnsafeBufferPointer<UInt8>, offset: Int
  ) {
    guard diagnostics.wants(offset) else {
      diagnostics.count(.error)
      return
    }
    let text = String(decoding: key, as: UTF8.self)
    let hint = closestId(to: text).map { "; did you mean '\($0)'?" } ?? ""
    let field = side == 0 ? "from" : "to"
    diagnostics.add(
      .error, .unknownPerson, at: offset, path: "ties[\(tieOrdinals.ordinal(of: tie))].\(field)",
      "tie \(field) unknown person '\(text)'\(hint)")
  }

  /// Warns of each tie from a person to themselves (they are ignored).
  private mutating func checkSelfTies() {
    for tie in 0..<ties.from.count where ties.from[tie] >= 0 && ties.from[tie] == ties.to[tie] {
      diagnostics.add(
        .warning, .selfTie, at: Int(tieEnds[tie * 2].start) - 1,
        path: "ties[\(tieOrdinals.ordinal(of: tie))]",
        "a tie from '\(people.id(of: Int(ties.from[tie])))' to themselves is ignored")
    }
  }

  // MARK: - Ties in two halves at once

  /// A guess at a comma between two elements near the middle of the array at
  /// `open`: the first `}` `,` `{` (white space allowed) past the middle. It
  /// may sit inside a string; the first half's parse checks it (see
  /// ``parseTiesInTwo(open:second:)``). `nil` when none is near.
  func splitGuess(ofArrayAt open: Int, from start: Int? = nil) -> Int? {
    let bytes = scanner.bytes
    var index = start ?? open + (bytes.count - open) / 2
    let limit = min(bytes.count - 1, index + (1 << 20))
    while index < limit {
      if bytes[index] == UInt8(ascii: "}") {
        var next = index + 1
        skipJSONSpace(in: bytes, from: &next, before: limit)
        if next < limit && bytes[next] == UInt8(ascii: ",") {
          let comma = next
          next += 1
          skipJSONSpace(in: bytes, from: &next, before: limit)
          if next < limit && bytes[next] == UInt8(ascii: "{") { return comma }
        }
      }
      index += 1
    }
    return nil
  }

  /// Parses the ties array in two parts on two threads, each into a parser of
  /// its own: the first on another thread (``TiesFirstPart``, already
  /// running), the second here from a guessed comma. The first part's parse
  /// checks the guess: it must stop exactly at that comma, between two
  /// elements. Then the parts are put together in order, so the network and
  /// every diagnostic are the same as in one pass; on a wrong guess the array
  /// is read again in one go.
  ///
  /// The first part is the larger one: its columns, with room for the whole
  /// array, are adopted, and only the second part's are copied after them.
  private mutating func parseTiesInTwo(open: Int, first: TiesFirstPart)
    throws(JSONScanner.Failure)
  {
    let comma = first.comma
    var second = NetworkParser(
      bytes: scanner.bytes, diagnosticLimit: diagnostics.limit, parallelMinimumBytes: .max,
      readsPlainTies: readsPlainTies)
    second.reserveTies(forBytesFrom: comma)
    var secondFailure: JSONScanner.Failure?
    do throws(JSONScanner.Failure) {
      _ = try second.parseTieElements(from: comma + 1, stopAfterComma: nil)
    } catch {
      secondFailure = error
    }
    let (firstPart, firstStop, firstFailure) = first.finish()
    if let firstFailure {
      // The first part failed before the guess mattered: its error is the first.
      absorbTies(from: firstPart, ordinalShift: 0)
      throw firstFailure
    }
    guard firstStop == comma else {
      // The guess was not between two elements (or the array ended first).
      scanner.position = open
      try parseArray(named: "ties", at: open) { parser, index, offset throws(JSONScanner.Failure) in
        try parser.parseTie(index, at: offset)
      }
      return
    }
    let firstCount = firstPart.ties.strength.count + firstPart.tieOrdinals.dropped
    let end = second.scanner.position
    // Each part leaves its parser as it is absorbed, so no column is held twice.
    absorbTies(from: consume firstPart, ordinalShift: 0)
    absorbTies(from: consume second, ordinalShift: firstCount)
    if let secondFailure { throw secondFailure }
    scanner.position = end
  }

  /// Makes room in the tie columns for as many ties as the bytes from
  /// `start` could hold (a tie takes at least 21), so none grows by copying;
  /// room never written stays virtual, costing no memory.
  private mutating func reserveTies(forBytesFrom start: Int) {
    let most = (scanner.bytes.count - start) / 21 + 1
    ties.reserveCapacity(most)
    tieEnds.reserveCapacity(most * 2)
  }

  /// Before the people are read, finds the ties array that follows them
  /// (`"people": [...], "ties": [`, by a quick scan of the brackets outside
  /// strings) and starts reading its first part on another thread, so
  /// that reading the people and the ties overlap. The split leaves the
  /// second part smaller, as its thread reads the people first. `nil` when
  /// the ties do not follow the people or no split is found.
  private func startTiesEarly(afterPeopleAt open: Int) -> TiesFirstPart? {
    let bytes = scanner.bytes
    let count = bytes.count
    guard open < count, bytes[open] == UInt8(ascii: "[") else { return nil }
    var index = open
    var depth = 0
    var inString = false
    while index < count {
      let byte = bytes[index]
      if inString {
        if byte == UInt8(ascii: "\\") {
          index += 2
          continue
        }
        if byte == UInt8(ascii: "\"") { inString = false }
      } else if byte == UInt8(ascii: "\"") {
        inString = true
      } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
        depth += 1
      } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
        depth -= 1
        if depth == 0 { break }
      }
      index += 1
    }
    func skipSpace(_ index: inout Int) { skipJSONSpace(in: bytes, from: &index, before: count) }
    index += 1
    skipSpace(&index)
    guard index < count, bytes[index] == UInt8(ascii: ",") else { return nil }
    index += 1
    skipSpace(&index)
    let key = Array("\"ties\"".utf8)
    guard index + key.count <= count,
      UnsafeBufferPointer(rebasing: bytes[index..<index + key.count]).elementsEqual(key)
    else { return nil }
    index += key.count
    skipSpace(&index)
    guard index < count, bytes[index] == UInt8(ascii: ":") else { return nil }
    index += 1
    skipSpace(&index)
    guard index < count, bytes[index] == UInt8(ascii: "[") else { return nil }
    let tiesOpen = index
    // Read beside the first part, a byte of people takes about four times
    // as long as a byte of ties (measured on M: 5.8 MB of people 0.1 s, ties
    // about 220 MB/s): balance people + second part against the first part.
    let peopleBytes = tiesOpen - open
    let tiesBytes = count - tiesOpen
    let secondPart = max(tiesBytes / 8, (tiesBytes - 4 * peopleBytes) / 2)
    guard
      let comma = splitGuess(ofArrayAt: tiesOpen, from: tiesOpen + tiesBytes - secondPart)
    else {
      return nil
    }
    return TiesFirstPart(of: self, open: tiesOpen, comma: comma)
  }

  /// The first part of a split ties array, read on another thread from the
  /// array's start up to the element that ends at the guessed `comma`;
  /// ``finish()`` waits for it and hands back what it read.
  private final class TiesFirstPart: @unchecked Sendable {
    /// Where the ties array opens, and the comma after which the second part starts.
    let open: Int
    let comma: Int
    private let group = DispatchGroup()
    private var parser: NetworkParser?
    private var stop = -1
    private var failure: JSONScanner.Failure?

    init(of owner: NetworkParser, open: Int, comma: Int) {
      self.open = open
      self.comma = comma
      var parser = NetworkParser(
        bytes: owner.scanner.bytes, diagnosticLimit: owner.diagnostics.limit,
        parallelMinimumBytes: .max, readsPlainTies: owner.readsPlainTies)
      // Room for the whole array: the second part is appended without moving this one.
      parser.reserveTies(forBytesFrom: open)
      self.parser = parser
      DispatchQueue.global().async(group: group) { [self] in
        guard var parser = self.parser else { return }
        self.parser = nil  // moved out, so the columns are not shared while they grow
        do throws(JSONScanner.Failure) {
          stop = try parser.parseTieElements(from: open + 1, stopAfterComma: comma)
        } catch {
          failure = error
        }
        self.parser = parser
      }
    }

    /// Waits for the part to be read; its parser, the offset of the last
    /// comma it read (-1 when the array ended), and the error that stopped it.
    func finish() -> (NetworkParser, Int, JSONScanner.Failure?) {
      group.wait()
      let result =
        parser
        ?? NetworkParser(bytes: UnsafeBufferPointer(start: nil, count: 0), diagnosticLimit: 1)
      parser = nil
      return (result, stop, failure)
    }
  }

  /// Reads tie elements from `start`, numbering them from 0, until the comma
  /// at `stopAfterComma` or the array's end; returns the offset of the last
  /// comma read (-1 when the array ended).
  private mutating func parseTieElements(from start: Int, stopAfterComma: Int?)
    throws(JSONScanner.Failure) -> Int
  {
    scanner.position = start
    if scanner.peek() == UInt8(ascii: "]") {
      scanner.position += 1
      return -1  // an empty array: nothing to split
    }
    var index = 0
    while true {
      let offset = skipSpace()
      try parseTie(index, at: offset)
      index += 1
      guard try scanner.nextElement(close: UInt8(ascii: "]")) else { return -1 }
      if let stop = stopAfterComma, scanner.position > stop { return scanner.position - 1 }
    }
  }

  /// Appends the ties another parser read (the next part of the same array).
  private mutating func absorbTies(from other: consuming NetworkParser, ordinalShift: Int) {
    let base = ties.strength.count
    if base == 0 && ties.contextNames.count == 0 && tieEnds.isEmpty {
      // The first part: adopt its columns instead of copying them.
      ties = other.ties
      tieEnds = other.tieEnds
    } else {
      var contextCode: [Int32] = []
      for context in 0..<other.ties.contextNames.count {
        contextCode.append(
          Int32(
            truncatingIfNeeded: ties.contextNames.insert(other.ties.contextNames[context]).index))
      }
      ties.appendContexts(of: other.ties, recordCount: base, mappingCodes: contextCode)
      ties.strength += other.ties.strength
      ties.mutual += other.ties.mutual
      tieEnds += other.tieEnds
    }
    let decodedBase = Int32(truncatingIfNeeded: decodedReferences.count)
    for var reference in other.pending {
      reference.owner += Int32(truncatingIfNeeded: base)
      if reference.decoded >= 0 { reference.decoded += decodedBase }
      pending.append(reference)
    }
    decodedReferences += other.decodedReferences
    tieOrdinals.absorb(other.tieOrdinals.shifted(by: ordinalShift))
    diagnostics.absorb(other.diagnostics, shiftingTieOrdinalsBy: ordinalShift)
  }

  private mutating func parseContexts(_ index: Int, at offset: Int) throws(JSONScanner.Failure) {
    guard scanner.peek() == UInt8(ascii: "[") else {
      try wrongType(
        path: "ties[\(index)].contexts", at: offset, expected: "an array of strings", depth: 3)
      return
    }
    if try scanner.open(UInt8(ascii: "[")) { return }
    var element = 0
    repeat {
      let valueOffset = skipSpace()
      if scanner.peek() == UInt8(ascii: "\"") {
        let token = try scanner.string()
        let context = scanner.withBytes(token) { ties.contextNames.insert($0).index }
        let code = Int32(truncatingIfNeeded: context)
        if !contextBuffer.contains(code) { contextBuffer.append(code) }
      } else {
        try wrongType(
          path: "ties[\(index)].contexts[\(element)]", at: valueOffset, expected: "a string",
          depth: 4)
      }
      element += 1
    } while try scanner.nextElement(close: UInt8(ascii: "]"))
  }

  // MARK: - Communities

  private mutating func parseCommunity(_ index: Int, at offset: Int) throws(JSONScanner.Failure) {
    let path = "communities[\(index)]"
    guard scanner.peek() == UInt8(ascii: "{") else {
      try wrongType(path: path, at: offset, expected: "a community object", depth: 2)
      return
    }
    var seen = KeySet()
    var unknownKeys: [(String, Int)] = []
    var id: String?
    var displayName: String?
    var members: [Int32] = []
    var offsets: [Int] = []
    var references: [Reference] = []
    if try !scanner.open(UInt8(ascii: "{")) {
      repeat {
        let keyOffset = skipSpace()
        let key = try scanner.key()
        let valueOffset = skipSpace()
        if scanner.matches(key, "id") {
          if seen.insert(0) { duplicateKey("id", at: keyOffset, path: path) }
          id = try optionalString(path: "\(path).id", at: valueOffset, depth: 3)
          if let given = id {
            if given.isEmpty {
              diagnostics.add(
                .error, .invalidValue, at: valueOffset, path: "\(path).id",
                "an id must not be empty")
              id = nil
            } else if let clash = communities.firstIndex(where: { $0.id == given }) {
              diagnostics.add(
                .error, .duplicateId, at: valueOffset, path: "\(path).id",
                "duplicate community id '\(given)' (first used by communities[\(clash)])")
              id = nil
            }
          }
        } else if scanner.matches(key, "name") {
          if seen.insert(1) { duplicateKey("name", at: keyOffset, path: path) }
          displayName = try optionalString(path: "\(path).name", at: valueOffset, depth: 3)
        } else if scanner.matches(key, "members") {
          if seen.insert(2) { duplicateKey("members", at: keyOffset, path: path) }
          guard scanner.peek() == UInt8(ascii: "[") else {
            try wrongType(
              path: "\(path).members", at: valueOffset, expected: "an array of person ids", depth: 3
            )
            continue
          }
          if try scanner.open(UInt8(ascii: "[")) { continue }
          var element = 0
          repeat {
            let memberOffset = skipSpace()
            if scanner.peek() == UInt8(ascii: "\"") {
              let token = try scanner.string()
              if let found = lookUp(token) {
                members.append(Int32(truncatingIfNeeded: found))
                offsets.append(memberOffset)
              } else {
                references.append(reference(token, owner: 0, role: Self.roleMember))
              }
            } else {
              try wrongType(
                path: "\(path).members[\(element)]", at: memberOffset, expected: "a person id",
                depth: 4)
            }
            element += 1
          } while try scanner.nextElement(close: UInt8(ascii: "]"))
        } else {
          try skipUnknownKey(key, at: keyOffset, depth: 3, noting: &unknownKeys)
        }
      } while try scanner.nextElement(close: UInt8(ascii: "}"))
    }
    if !seen.contains(0) {
      missingKey(
        "id", what: "the community's id", unknownKeys: unknownKeys, objectOffset: offset, path: path
      )
    }
    if !seen.contains(2) {
      missingKey(
        "members", what: "the list of member ids", unknownKeys: unknownKeys, objectOffset: offset,
        path: path)
    }
    guard let id else { return }
    let communityIndex = Int32(truncatingIfNeeded: communities.count)
    for var reference in references {
      reference.owner = communityIndex
      pending.append(reference)
    }
    communities.append(IndexedCommunity(id: id, name: displayName ?? id, members: members))
    memberOffsets.append(offsets)
  }

  // MARK: - References

  private func lookUp(_ token: JSONScanner.StringToken) -> Int? {
    scanner.withBytes(token) { people.ids.index(of: $0) }
  }

  private mutating func reference(_ token: JSONScanner.StringToken, owner: Int32, role: UInt8)
    -> Reference
  {
    if token.decoded {
      decodedReferences.append(scanner.scratch)
      return Reference(
        owner: owner, role: role, start: token.start - 1, end: token.end,
        decoded: Int32(truncatingIfNeeded: decodedReferences.count - 1))
    }
    return Reference(owner: owner, role: role, start: token.start - 1, end: token.end, decoded: -1)
  }

  private func referenceText(_ reference: Reference) -> String {
    if reference.decoded >= 0 {
      return String(decoding: decodedReferences[Int(reference.decoded)], as: UTF8.self)
    }
    return String(
      decoding: UnsafeBufferPointer(rebasing: scanner.bytes[reference.start + 1..<reference.end]),
      as: UTF8.self)
  }

  private mutating func resolvePending() {
    var memberAdditions: [Int32: [(Int32, Int)]] = [:]
    for reference in pending {
      let found: Int?
      if reference.decoded >= 0 {
        found = decodedReferences[Int(reference.decoded)].withUnsafeBufferPointer {
          people.ids.index(of: $0)
        }
      } else {
        found = people.ids.index(
          of: UnsafeBufferPointer(rebasing: scanner.bytes[reference.start + 1..<reference.end]))
      }
      let owner = Int(reference.owner)
      guard let found else {
        let path: String
        let what: String
        switch reference.role {
        case Self.roleReportsTo:
          path = "people[\(personOrdinals.ordinal(of: owner))].reportsTo"
          what = "reports to"
        case Self.roleFrom:
          path = "ties[\(tieOrdinals.ordinal(of: owner))].from"
          what = "tie from"
        case Self.roleTo:
          path = "ties[\(tieOrdinals.ordinal(of: owner))].to"
          what = "tie to"
        default:
          path = "communities[\(owner)].members"
          what = "member"
        }
        let offset = reference.start
        if diagnostics.wants(offset) {
          let text = referenceText(reference)
          let hint = closestId(to: text).map { "; did you mean '\($0)'?" } ?? ""
          diagnostics.add(
            .error, .unknownPerson, at: offset, path: path,
            "\(what) unknown person '\(text)'\(hint)")
        } else {
          diagnostics.count(.error)
        }
        continue
      }
      let value = Int32(truncatingIfNeeded: found)
      switch reference.role {
      case Self.roleReportsTo: people.reportsTo[owner] = value
      case Self.roleFrom: ties.from[owner] = value
      case Self.roleTo: ties.to[owner] = value
      default: memberAdditions[reference.owner, default: []].append((value, reference.start))
      }
    }
    for (community, additions) in memberAdditions {
      for (member, offset) in additions {
        communities[Int(community)].members.append(member)
        memberOffsets[Int(community)].append(offset)
      }
    }
    pending = []
    decodedReferences = []
  }

  /// The most similar existing person id, for a "did you mean" hint.
  private func closestId(to text: String) -> String? {
    guard people.ids.count <= 100_000 else { return nil }
    return closestCandidate(to: text, among: (0..<people.ids.count).lazy.map { people.ids[$0] })
  }

  /// Sorts each community's members into file order and drops repeats with a warning.
  private mutating func finishCommunities() {
    for community in communities.indices {
      let members = communities[community].members
      let offsets = memberOffsets[community]
      var order = Array(members.indices)
      order.sort { (members[$0], offsets[$0]) < (members[$1], offsets[$1]) }
      var unique: [Int32] = []
      unique.reserveCapacity(members.count)
      for position in order {
        if let last = unique.last, last == members[position] {
          diagnostics.add(
            .warning, .duplicateMember, at: offsets[position],
            path: "communities[\(community)].members",
            "'\(people.id(of: Int(members[position])))' is listed more than once; counted once")
          continue
        }
        unique.append(members[position])
      }
      communities[community].members = unique
    }
  }

  /// Reports every reports-to cycle once, without recursion.
  private mutating func checkReportsToCycles() {
    let count = people.count
    var state = [Int32](repeating: 0, count: count)  // 0 new, >0 walk number, -1 done
    var walk: Int32 = 0
    var path: [Int] = []
    for start in 0..<count where state[start] == 0 {
      walk += 1
      path.removeAll(keepingCapacity: true)
      var current = start
      while current >= 0 && state[current] == 0 {
        state[current] = walk
        path.append(current)
        current = Int(people.reportsTo[current])
      }
      if current >= 0 && state[current] == walk {
        guard let cycleStart = path.firstIndex(of: current) else { continue }
        let cycle = Array(path[cycleStart...])
        let first = cycle.min() ?? current
        var names = cycle.prefix(12).map { "'\(people.id(of: $0))'" }
        if cycle.count > 12 { names.append("… (\(cycle.count) people)") }
        names.append("'\(people.id(of: cycle[0]))'")
        diagnostics.add(
          .error, .reportsToCycle, at: reportsToOffset[first],
          path: "people[\(personOrdinals.ordinal(of: first))].reportsTo",
          "reports-to cycle: \(names.joined(separator: " → ")); reports-to links must form a tree")
      }
      for person in path { state[person] = -1 }
    }
  }

  // MARK: - Values and problems

  private mutating func optionalString(
    path: @autoclosure () -> String, at offset: Int, depth: Int = 1
  )
    throws(JSONScanner.Failure) -> String?
  {
    guard scanner.peek() == UInt8(ascii: "\"") else {
      try wrongType(path: path(), at: offset, expected: "a string", depth: depth)
      return nil
    }
    let token = try scanner.string()
    return scanner.text(token)
  }

  /// Reads a number in [0, 1]; reports and returns `nil` otherwise.
  private mutating func unitNumber(
    path: @autoclosure () -> String, at offset: Int, what: String, code: NetworkDiagnostic.Code,
    depth: Int = 1
  ) throws(JSONScanner.Failure) -> Double? {
    guard let first = scanner.peek() else { throw scanner.unexpectedEnd("a number") }
    guard first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
    else {
      try wrongType(path: path(), at: offset, expected: "a number from 0 to 1", depth: depth)
      return nil
    }
    let number = try scanner.number()
    if !number.value.isFinite {
      let text = numberText(number)
      diagnostics.add(
        .error, .numberOutOfRange, at: offset, path: path(),
        "\(text) is out of range for a number")
      return nil
    }
    guard number.value >= 0 && number.value <= 1 else {
      let text = numberText(number)
      diagnostics.add(
        .error, code, at: offset, path: path(),
        "\(what) must be from 0 to 1, not \(text)")
      return nil
    }
    return number.value
  }

  private func numberText(_ number: JSONScanner.NumberToken) -> String {
    let length = number.end - number.start
    let shown = min(length, 40)
    let text = String(
      decoding: UnsafeBufferPointer(rebasing: scanner.bytes[number.start..<number.start + shown]),
      as: UTF8.self)
    return shown < length ? text + "…" : text
  }

  /// Reports a value of the wrong type and skips it.
  private mutating func wrongType(
    path: @autoclosure () -> String, at offset: Int, expected: String, depth: Int
  )
    throws(JSONScanner.Failure)
  {
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
    diagnostics.add(
      .error, .wrongType, at: offset, path: path(), "expected \(expected), found \(found)")
  }

  private mutating func duplicateKey(_ key: String, at offset: Int, path: String) {
    diagnostics.add(
      .error, .duplicateKey, at: offset, path: path, "the key '\(key)' appears more than once")
  }

  private mutating func missingKey(
    _ key: String, what: String, unknownKeys: [(String, Int)], objectOffset: Int, path: String
  ) {
    if let (similar, offset) = unknownKeys.first(where: { isLikelyMisspelling($0.0, of: key) }) {
      diagnostics.add(
        .error, .missingKey, at: offset, path: path,
        "missing required key '\(key)' (\(what)); found '\(similar)': did you mean '\(key)'?")
    } else {
      diagnostics.add(
        .error, .missingKey, at: objectOffset, path: path,
        "missing required key '\(key)' (\(what))")
    }
  }
}

/// A small set of key numbers (0 to 63) seen in one object.
private struct KeySet {
  private var bits: UInt64 = 0
  /// Adds `key`; returns whether it was already there.
  mutating func insert(_ key: Int) -> Bool {
    let mask: UInt64 = 1 << UInt64(key)
    defer { bits |= mask }
    return bits & mask != 0
  }
  func contains(_ key: Int) -> Bool { bits & (1 << UInt64(key)) != 0 }
}

/// The bytes of a tie's end id in the input (`length == .max`: resolved
/// through a pending reference because the id had escapes; `start` is then
/// still one past the opening quote, as self-tie warnings point at the quote).
private struct TieEnd {
  var start: UInt32
  var length: UInt32
}

/// Maps the index of a kept element to its position in the file's array,
/// for messages, when some elements were dropped as invalid.
private struct OrdinalMap {
  private var ordinals: [Int32]?
  private var first = 0
  private var seen = 0
  private var kept = 0

  init(startingAt first: Int = 0) {
    self.first = first
    seen = first
  }

  /// How many elements were dropped as invalid.
  var dropped: Int { (seen - first) - kept }

  /// The same map for elements numbered from `shift` on.
  func shifted(by shift: Int) -> OrdinalMap {
    var copy = self
    copy.first += shift
    copy.seen += shift
    copy.ordinals = ordinals?.map { $0 + Int32(truncatingIfNeeded: shift) }
    return copy
  }

  /// Appends another map that continues this one (its first element follows this one's last).
  mutating func absorb(_ other: OrdinalMap) {
    if ordinals == nil && other.ordinals == nil && other.first == seen && kept == seen - first {
      seen = other.seen
      kept += other.kept
      return
    }
    var merged = ordinals ?? (0..<kept).map { Int32(truncatingIfNeeded: first + $0) }
    merged += other.ordinals ?? (0..<other.kept).map { Int32(truncatingIfNeeded: other.first + $0) }
    ordinals = merged
    seen = other.seen
    kept += other.kept
  }

  mutating func record(kept isKept: Bool) {
    if !isKept && ordinals == nil {
      ordinals = (0..<kept).map { Int32(truncatingIfNeeded: first + $0) }
    }
    if isKept {
      ordinals?.append(Int32(truncatingIfNeeded: seen))
      kept += 1
    }
    seen += 1
  }

  func ordinal(of index: Int) -> Int {
    guard let ordinals, index < ordinals.count else { return first + index }
    return Int(ordinals[index])
  }
}
