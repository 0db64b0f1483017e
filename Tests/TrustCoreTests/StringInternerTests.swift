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

  /// The table is shared by copies until one inserts (it is memory of its
  /// own, on huge pages, not an array): a copy's inserts, growth included,
  /// never show in the original.
  @Test func copiesAreIndependent() {
    var original = StringInterner()
    original.insert("ana")
    var copy = original
    copy.insert("bo")
    for number in 0..<200_000 { copy.insert("p\(number)") }  // grows to a 4 MiB table
    #expect(original.count == 1)
    #expect(original.index(of: "bo") == nil)
    #expect(original.index(of: "p7") == nil)
    #expect(original.index(of: "ana") == 0)
    #expect(copy.index(of: "bo") == 1)
    #expect(copy.index(of: "p199999") == 200_001)
    var third = copy
    third.insert("zed")
    #expect(copy.index(of: "zed") == nil)
    #expect(third.index(of: "p0") == 2)
  }

  /// Large buffers start on a huge-page boundary; small ones are not padded.
  @Test func largeBuffersAreAlignedToHugePages() {
    let large = HugePageBuffer<UInt64>(repeating: 7, count: 1 << 20)  // 8 MiB
    #expect(Int(bitPattern: large.pointer.baseAddress) % hugePageSize == 0)
    #expect(large.pointer.allSatisfy { $0 == 7 })
    let copy = large.copy()
    large.pointer[5] = 1
    #expect(copy.pointer[5] == 7)
    let small = HugePageBuffer<UInt8>(repeating: 1, count: 3)
    #expect(Array(small.pointer) == [1, 1, 1])
    let shared = SharedBuffer<Int32>(uninitializedCount: 1 << 20)  // 4 MiB
    #expect(Int(bitPattern: shared.pointer.baseAddress) % hugePageSize == 0)
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

  /// Room reserved ahead and slots warmed before inserting change nothing
  /// of what is stored: the same numbers, look-ups and strings, with no
  /// rehash while the reserved strings go in.
  @Test func reservingAndWarmingKeepEveryNumber() {
    let keys = (0..<5000).map { "id-\($0 &* 7919 % 10007)" } + ["", "a", "a-much-longer-key-than-eight"]
    var plain = StringInterner()
    var reserved = StringInterner()
    reserved.reserveCapacity(10)
    reserved.reserveCapacity(keys.count)
    reserved.reserveCapacity(3)  // never shrinks
    for (position, key) in keys.enumerated() {
      var copy = key
      copy.withUTF8 { bytes in
        _ = reserved.touchSlots(count: 1) { _ in bytes }
        #expect(reserved.insert(bytes) == plain.insert(bytes), "\(position)")
      }
    }
    #expect(reserved.count == plain.count)
    #expect(reserved.strings == plain.strings)
    for key in keys + ["absent", "id-10008"] {
      #expect(reserved.index(of: key) == plain.index(of: key), "\(key)")
    }
  }
}
