import Testing

@testable import TrustCore

@Suite("Interned strings")
struct StringInternerTests {
  /// Keys of every length from 0 to 24 bytes (across the 8-byte words and the
  /// masked last word), plus multi-byte UTF-8.
  static let keys: [String] = (0...24).map { String(repeating: "k", count: $0) } + ["p12345", "é", "ü1234567", "a\u{0}b"]

  @Test func numbersInOrderOfFirstInsertion() {
    var interner = StringInterner()
    for (number, key) in Self.keys.enumerated() {
      #expect(interner.insert(key) == (number, true))
    }
    #expect(interner.insert("p12345") == (25, false))
    #expect(interner.count == Self.keys.count)
    #expect(Self.keys.indices.allSatisfy { interner[$0] == Self.keys[$0] })
    #expect(interner.index(of: "missing") == nil)
  }

  /// The batched look-up reads a key's last bytes as one word where eight
  /// bytes are readable; at the very end of its buffer it must fall back to
  /// reading them one by one, and find the same numbers either way.
  @Test func batchedLookUpsAgreeWhereverTheKeySits() {
    var interner = StringInterner()
    for key in Self.keys { interner.insert(key) }
    let probes = Self.keys + ["kkkkkkkkkkkkkkkkkkkkkkkkk", "p12346", "x"]
    for probe in probes {
      let expected = interner.index(of: probe)
      // The key alone in its buffer (nothing readable after it), then with slack after.
      for slack in [0, 3, 8, 16] {
        let buffer = Array(probe.utf8) + [UInt8](repeating: UInt8(ascii: "\""), count: slack)
        buffer.withUnsafeBufferPointer { buffer in
          let key = UnsafeBufferPointer(rebasing: buffer[0..<probe.utf8.count])
          let end = UnsafeRawPointer(buffer.baseAddress.map { $0 + buffer.count })
          interner.withLookup { lookup in
            #expect(lookup.index(of: key) == expected, "\(probe)")
            var found: [Int?] = []
            lookup.indices(count: 3, readableEnd: end, key: { _ in key }) { _, index in found.append(index) }
            #expect(found == [expected, expected, expected], "\(probe) with \(slack) bytes after it")
          }
        }
      }
    }
  }
}
