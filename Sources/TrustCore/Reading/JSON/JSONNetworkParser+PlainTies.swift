/// The plain-tie fast path: most ties in real files have one shape,
/// `{"from": "a", "to": "b", "strength": 0.5, "mutual": true}`, and reading
/// it straight from the bytes, with no token or key comparison of the
/// general loop, is what makes a large ties array fast
/// (`JSONNetworkParser+Ties.swift` reads everything else).
extension JSONNetworkParser {
  /// How far ``plainTiePrefix(at:seen:ends:strength:mutual:)`` read a tie.
  enum PlainPrefix {
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
  mutating func plainTiePrefix(
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
          let length = next &- index &- 1
          guard length <= TieEnd.longestRange else { return nil }
          return TieEnd(start: index &+ 1, length: length, quoted: true)
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
}
