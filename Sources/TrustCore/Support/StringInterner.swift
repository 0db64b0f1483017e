/// A set of UTF-8 strings stored once each, numbered densely in the order they
/// were first added, with look-up by bytes and no `String` on the hot path.
///
/// trustmap keeps person ids, attribute keys and values, and contexts this way:
/// the reader looks an id up straight from the bytes of the file, and a million
/// ids cost one byte buffer, one offset array and one open-addressing table.
///
/// ```swift
/// var ids = StringInterner()
/// let (ana, _) = ids.insert("ana")  // 0
/// ids.index(of: "ana")                  // 0
/// ids[0]                                // "ana"
/// ```
///
/// - Complexity: insert and look-up O(*k*) expected for a string of *k* bytes.
///   The hash is seeded per process, so crafted ids cannot force collisions.
struct StringInterner: Sendable {
  private(set) var bytes: [UInt8] = []
  /// `offsets[i] ..< offsets[i + 1]` are the bytes of string `i`.
  private(set) var offsets: [Int] = [0]
  /// Open-addressing slots; a slot with `index < 0` is empty. Shared by
  /// copies until one of them inserts.
  private var table = HugePageBuffer<Slot>(repeating: .empty, count: 16)
  private var slots: UnsafeMutableBufferPointer<Slot> { table.pointer }
  private(set) var count = 0

  /// One table slot: the string's first eight bytes, its hash with its length
  /// in the low byte, and its number. Strings of up to eight bytes are matched
  /// from the slot alone, in one cache line.
  fileprivate struct Slot: Sendable {
    var prefix: UInt64
    var tag: UInt32
    var index: Int32
    static let empty = Slot(prefix: 0, tag: 0, index: -1)
  }

  init() {}

  /// Reserves room for `count` strings of about `averageLength` bytes
  /// (``reserveCapacity(_:averageLength:)``).
  init(reservingCapacity count: Int, averageLength: Int = 8) {
    reserveCapacity(count, averageLength: averageLength)
  }

  /// The string numbered `index`.
  subscript(index: Int) -> String {
    String(decoding: bytes[offsets[index]..<offsets[index + 1]], as: UTF8.self)
  }

  /// The number of `string`, or `nil` if it was never added.
  func index(of string: String) -> Int? {
    var copy = string
    return copy.withUTF8 { index(of: $0) }
  }

  /// The number of the string with these bytes, or `nil`.
  func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
    let (tag, prefix) = Self.tagAndPrefix(key, seed: Self.seed, readableEnd: nil)
    let (found, _) = probe(key, tag: tag, prefix: prefix)
    return found
  }

  /// Finds `key`: its number, or `nil` and the empty slot where it would go.
  @inline(__always)
  private func probe(_ key: UnsafeBufferPointer<UInt8>, tag: UInt32, prefix: UInt64)
    -> (found: Int?, slot: Int)
  {
    withExtendedLifetime(table) {
      let slots = table.pointer
      let mask = slots.count - 1
      var slot = Int(tag >> 8) & mask
      while true {
        let entry = slots[slot]
        if entry.index < 0 { return (nil, slot) }
        if entry.tag == tag && entry.prefix == prefix
          && (key.count <= 8 || restEqual(Int(entry.index), key))
        {
          return (Int(entry.index), slot)
        }
        slot = (slot + 1) & mask
      }
    }
  }

  private func restEqual(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = offsets[index]
    let length = offsets[index + 1] - start
    guard length == key.count, let keyBase = key.baseAddress else { return false }
    return bytes.withUnsafeBufferPointer { stored in
      guard let base = stored.baseAddress else { return false }
      return memoryEqual(base + start, keyBase, length)
    }
  }

  /// Calls `body` with a read-only view for many look-ups in a row: the table's
  /// storage is pinned once, so no reference counting happens per look-up and
  /// the processor can overlap the cache misses of independent look-ups.
  func withLookup<Result>(_ body: (Lookup) throws -> Result) rethrows -> Result {
    try withExtendedLifetime(table) {
      try offsets.withUnsafeBufferPointer { offsets in
        try bytes.withUnsafeBufferPointer { bytes in
          try body(
            Lookup(
              slots: UnsafeBufferPointer(table.pointer), offsets: offsets, bytes: bytes,
              seed: Self.seed))
        }
      }
    }
  }

  /// A pinned, read-only view of the table (see ``withLookup(_:)``).
  struct Lookup {
    fileprivate let slots: UnsafeBufferPointer<Slot>
    fileprivate let offsets: UnsafeBufferPointer<Int>
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    /// The process's hash seed, read once (a global costs a check per use).
    fileprivate let seed: UInt64

    /// The number of the string with these bytes, or `nil`.
    @inline(__always)
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
      let (tag, prefix) = StringInterner.tagAndPrefix(key, seed: seed, readableEnd: nil)
      let slot = Int(tag >> 8) & (slots.count &- 1)
      return probe(key, tag: tag, prefix: prefix, from: slot, first: slots[slot])
    }

    /// Looks up `count` keys at once, calling `body(i, number or nil)` for
    /// each in order. Every key's first slot is loaded before any is compared,
    /// so when the table is bigger than the caches the processor overlaps
    /// their misses instead of waiting for each in turn.
    ///
    /// When every key lies inside a buffer ending at `readableEnd`, a key's
    /// last few bytes are read as one word (masked) wherever eight bytes
    /// remain readable: fewer instructions between the loads, more of them in
    /// flight at once.
    ///
    /// - Complexity: O(*k*) expected per key of *k* bytes; `count` slots of scratch.
    @inline(__always)
    func indices(
      count: Int, readableEnd: UnsafeRawPointer? = nil, key: (Int) -> UnsafeBufferPointer<UInt8>,
      _ body: (Int, Int?) -> Void
    ) {
      let mask = slots.count &- 1
      withUnsafeTemporaryAllocation(of: Slot.self, capacity: count) { first in
        withUnsafeTemporaryAllocation(of: Slot.self, capacity: count) { keys in
          for item in 0..<count {
            let (tag, prefix) = StringInterner.tagAndPrefix(
              key(item), seed: seed, readableEnd: readableEnd)
            keys.initializeElement(at: item, to: Slot(prefix: prefix, tag: tag, index: 0))
          }
          // The loads alone, in a loop of a few instructions each: many
          // more of them fit in the processor's window at once than when
          // each waits behind its key's hashing.
          for item in 0..<count {
            first.initializeElement(at: item, to: slots[Int(keys[item].tag >> 8) & mask])
          }
          for item in 0..<count {
            let tag = keys[item].tag
            body(
              item,
              probe(
                key(item), tag: tag, prefix: keys[item].prefix, from: Int(tag >> 8) & mask,
                first: first[item]))
          }
        }
      }
    }

    /// Probes from `slot`, whose entry `first` is already loaded.
    @inline(__always)
    private func probe(
      _ key: UnsafeBufferPointer<UInt8>, tag: UInt32, prefix: UInt64, from slot: Int, first: Slot
    ) -> Int? {
      let mask = slots.count &- 1
      var slot = slot
      var entry = first
      while true {
        if entry.index < 0 { return nil }
        if entry.tag == tag && entry.prefix == prefix {
          let index = Int(entry.index)
          if key.count <= 8 { return index }
          let start = offsets[index]
          if offsets[index &+ 1] &- start == key.count, let keyBase = key.baseAddress,
            let base = bytes.baseAddress, memoryEqual(base + start, keyBase, key.count)
          {
            return index
          }
        }
        slot = (slot &+ 1) & mask
        entry = slots[slot]
      }
    }
  }

  /// Adds `string` if new; returns its number and whether it was added.
  @discardableResult
  mutating func insert(_ string: String) -> (index: Int, inserted: Bool) {
    var copy = string
    return copy.withUTF8 { insert($0) }
  }

  /// Adds the string with these bytes if new; returns its number and whether it was added.
  @discardableResult
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int, inserted: Bool) {
    let (tag, prefix) = Self.tagAndPrefix(key, seed: Self.seed, readableEnd: nil)
    var (found, slot) = probe(key, tag: tag, prefix: prefix)
    if let found { return (found, false) }
    let index = count
    if !isKnownUniquelyReferenced(&table) { table = table.copy() }
    bytes.append(contentsOf: key)
    offsets.append(bytes.count)
    count += 1
    if count * 4 > slots.count * 3 {
      grow()
      let mask = slots.count - 1
      slot = Int(tag >> 8) & mask
      while slots[slot].index >= 0 { slot = (slot + 1) & mask }
    }
    slots[slot] = Slot(prefix: prefix, tag: tag, index: Int32(truncatingIfNeeded: index))
    return (index, true)
  }

  /// All strings, in number order.
  var strings: [String] { (0..<count).map { self[$0] } }

  /// Makes room for `total` strings in all, of about `averageLength`
  /// bytes, so that inserting them never rehashes the table: the table is
  /// sized as inserting would leave it, at most three quarters full.
  ///
  /// - Complexity: O(*c*) for the table's new capacity *c*, once.
  mutating func reserveCapacity(_ total: Int, averageLength: Int = 8) {
    bytes.reserveCapacity(total * averageLength)
    offsets.reserveCapacity(total + 1)
    var capacity = slots.count
    while total * 4 > capacity * 3 { capacity <<= 1 }
    if capacity > slots.count { rehash(capacity: capacity) }
  }

  /// Loads the table slots where the probes of `count` keys start, all at
  /// once, so that inserting them next finds their slots in the cache: the
  /// processor overlaps the misses of independent loads, which one insert
  /// at a time cannot (reading a million people's ids spent most of its
  /// time waiting for each id's slot in turn). Returns a value made from
  /// the slots, which the caller keeps so that the loads are not dropped.
  ///
  /// - Complexity: O(*k*) for *k* bytes of keys.
  func touchSlots(count: Int, key: (Int) -> UnsafeBufferPointer<UInt8>) -> UInt32 {
    let slots = table.pointer
    let mask = slots.count &- 1
    let seed = Self.seed
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { positions in
      for item in 0..<count {
        let (tag, _) = Self.tagAndPrefix(key(item), seed: seed, readableEnd: nil)
        positions.initializeElement(at: item, to: Int(tag >> 8) & mask)
      }
      var seen: UInt32 = 0
      for item in 0..<count { seen ^= slots[positions[item]].tag }
      return seen
    }
  }

  private mutating func grow() { rehash(capacity: slots.count * 2) }

  private mutating func rehash(capacity: Int) {
    let fresh = HugePageBuffer<Slot>(repeating: .empty, count: capacity)
    let mask = capacity - 1
    for entry in slots where entry.index >= 0 {
      var slot = Int(entry.tag >> 8) & mask
      while fresh.pointer[slot].index >= 0 { slot = (slot + 1) & mask }
      fresh.pointer[slot] = entry
    }
    table = fresh
  }

  /// Per-process random seed, so a hostile file cannot aim ids at one slot.
  private static let seed: UInt64 = UInt64.random(in: 1...UInt64.max)

  /// The tag of `key` (a seeded 64-bit multiply-mix hash over eight bytes at
  /// a time, folded to 32 bits, with the length in the low byte) and its
  /// prefix (the first eight bytes, zero-padded), in one pass over its bytes.
  /// With `readableEnd`, a last partial word is one masked load when eight
  /// bytes are readable from its start.
  @inline(__always)
  fileprivate static func tagAndPrefix(
    _ key: UnsafeBufferPointer<UInt8>, seed: UInt64, readableEnd: UnsafeRawPointer?
  ) -> (tag: UInt32, prefix: UInt64) {
    let count = key.count
    var state = seed ^ (UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15)
    var prefix: UInt64 = 0
    if let base = key.baseAddress {
      let raw = UnsafeRawPointer(base)
      var index = 0
      while index &+ 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if index == 0 { prefix = word }
        state = mix(state ^ word)
        index &+= 8
      }
      if index < count {
        var word: UInt64 = 0
        if let readableEnd, raw + (index &+ 8) <= readableEnd {
          // The bytes in little-endian order, as the loop below builds them.
          let bits = UInt64(count &- index) &* 8
          word =
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            & ((1 << bits) &- 1)
        } else {
          var shift: UInt64 = 0
          while index < count {
            word |= UInt64(base[index]) << shift
            shift &+= 8
            index &+= 1
          }
        }
        if count < 8 { prefix = word }
        state = mix(state ^ word)
      }
    }
    state = mix(state)
    let hash = UInt32(truncatingIfNeeded: state ^ (state >> 32))
    return ((hash & 0xFFFF_FF00) | UInt32(min(count, 255)), prefix)
  }

  private static func mix(_ value: UInt64) -> UInt64 {
    let product = value.multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
    return product.high ^ product.low
  }
}

/// Byte-wise equality of two memory ranges of the same length.
@inline(__always)
func memoryEqual(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, _ count: Int) -> Bool
{
  var index = 0
  let leftRaw = UnsafeRawPointer(left)
  let rightRaw = UnsafeRawPointer(right)
  while index + 8 <= count {
    if leftRaw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      != rightRaw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
    {
      return false
    }
    index += 8
  }
  while index < count {
    if left[index] != right[index] { return false }
    index += 1
  }
  return true
}
