/// SHA-256 (FIPS 180-4), for the input digests of a report's provenance and,
/// inside HMAC, the pseudonyms of ``HMACSHA256``: small, dependency-free,
/// streaming.
///
/// ```swift
/// var hash = SHA256()
/// hash.update(Array("abc".utf8))
/// hash.finish().hexadecimal  // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
///
/// - Complexity: O(*n*) for *n* bytes, 64 bytes per round of 64 steps.
package struct SHA256: Sendable {
  private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab,
    0x5be0_cd19
  )
  private var pending: [UInt8] = []
  private var length: UInt64 = 0

  private static let constants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  package init() {}

  /// Adds bytes to the message.
  package mutating func update(_ bytes: some Collection<UInt8>) {
    if let done = bytes.withContiguousStorageIfAvailable({ update(buffer: $0) }) { return done }
    Array(bytes).withUnsafeBufferPointer { update(buffer: $0) }
  }

  /// Adds the bytes of a buffer (a mapped file, say) without copying it.
  package mutating func update(buffer: UnsafeBufferPointer<UInt8>) {
    length &+= UInt64(buffer.count)
    var start = 0
    if !pending.isEmpty {
      let take = min(64 - pending.count, buffer.count)
      pending += buffer[0..<take]
      start = take
      guard pending.count == 64 else { return }
      let block = pending
      pending.removeAll(keepingCapacity: true)
      block.withUnsafeBytes { compress(blocks: $0) }
    }
    let whole = (buffer.count - start) / 64 * 64
    if whole > 0, let base = buffer.baseAddress {
      compress(blocks: UnsafeRawBufferPointer(start: base + start, count: whole))
    }
    pending += buffer[(start + whole)...]
  }

  /// The digest of everything added.
  package mutating func finish() -> Digest {
    let bits = length &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
    }
    tail.withUnsafeBytes { compress(blocks: $0) }
    pending = []
    let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
    return Digest(
      bytes: words.flatMap { word in
        (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) }
      })
  }

  /// The digest of `bytes`.
  package static func hash(_ bytes: some Collection<UInt8>) -> Digest {
    var hash = SHA256()
    hash.update(bytes)
    return hash.finish()
  }

  /// The digest of everything added and then `message`, without copying
  /// the message or allocating: whole blocks are compressed in place and the
  /// tail padded in a buffer on the stack. For HMAC's two short hashes per id.
  ///
  /// - Precondition: nothing is pending (only whole blocks were added).
  package func words(appending message: UnsafeRawBufferPointer) -> DigestWords {
    precondition(pending.isEmpty, "only after whole blocks")
    var copy = self
    let whole = message.count / 64 * 64
    if whole > 0 { copy.compress(blocks: UnsafeRawBufferPointer(rebasing: message[0..<whole])) }
    let rest = message.count - whole
    let bits = (length &+ UInt64(message.count)) &* 8
    withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { tail in
      tail.initializeMemory(as: UInt8.self, repeating: 0)
      if rest > 0 {
        tail.copyMemory(from: UnsafeRawBufferPointer(rebasing: message[whole...]))
      }
      tail[rest] = 0x80
      let size = rest < 56 ? 64 : 128
      for index in 0..<8 {
        tail[size - 1 - index] = UInt8(truncatingIfNeeded: bits >> UInt64(8 * index))
      }
      copy.compress(blocks: UnsafeRawBufferPointer(rebasing: tail[0..<size]))
    }
    return DigestWords(words: copy.state)
  }

  /// Runs the compression function over whole 64-byte blocks, the message
  /// schedule in a small buffer on the stack.
  private mutating func compress(blocks: UnsafeRawBufferPointer) {
    precondition(blocks.count % 64 == 0, "whole blocks only")
    Self.constants.withUnsafeBufferPointer { k in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
        var offset = 0
        while offset < blocks.count {
          for t in 0..<16 {
            let at = offset + 4 * t
            w[t] =
              UInt32(blocks[at]) << 24 | UInt32(blocks[at + 1]) << 16 | UInt32(blocks[at + 2]) << 8
              | UInt32(blocks[at + 3])
          }
          for t in 16..<64 {
            let s0 = rotate(w[t - 15], 7) ^ rotate(w[t - 15], 18) ^ (w[t - 15] >> 3)
            let s1 = rotate(w[t - 2], 17) ^ rotate(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
          }
          var (a, b, c, d, e, f, g, h) = state
          for t in 0..<64 {
            let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
            let choice = (e & f) ^ (~e & g)
            let temp1 = h &+ s1 &+ choice &+ k[t] &+ w[t]
            let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ s0 &+ majority)
          }
          state = (
            state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f,
            state.6 &+ g, state.7 &+ h
          )
          offset += 64
        }
      }
    }
  }

  @inline(__always)
  private func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
    value >> count | value << (32 - count)
  }

  /// A digest as its eight big-endian words, with no array behind it.
  package struct DigestWords: Sendable {
    package var words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    /// Calls `body` with the 32 bytes, big-endian, on the stack.
    package func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
      withUnsafeTemporaryAllocation(byteCount: 32, alignment: 4) { buffer in
        let (a, b, c, d, e, f, g, h) = words
        buffer.storeBytes(of: a.bigEndian, toByteOffset: 0, as: UInt32.self)
        buffer.storeBytes(of: b.bigEndian, toByteOffset: 4, as: UInt32.self)
        buffer.storeBytes(of: c.bigEndian, toByteOffset: 8, as: UInt32.self)
        buffer.storeBytes(of: d.bigEndian, toByteOffset: 12, as: UInt32.self)
        buffer.storeBytes(of: e.bigEndian, toByteOffset: 16, as: UInt32.self)
        buffer.storeBytes(of: f.bigEndian, toByteOffset: 20, as: UInt32.self)
        buffer.storeBytes(of: g.bigEndian, toByteOffset: 24, as: UInt32.self)
        buffer.storeBytes(of: h.bigEndian, toByteOffset: 28, as: UInt32.self)
        return body(UnsafeRawBufferPointer(buffer))
      }
    }

    /// The digest as bytes.
    package var digest: Digest { withBytes { Digest(bytes: Array($0)) } }
  }

  /// A 32-byte digest.
  package struct Digest: Sendable, Hashable {
    package var bytes: [UInt8]

    /// Lowercase hexadecimal, 64 digits.
    package var hexadecimal: String {
      let digits = Array("0123456789abcdef")
      return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }
  }
}

/// HMAC-SHA256 (RFC 2104): a keyed digest, the pseudonyms of
/// `--pseudonymise` (the same id and key give the same pseudonym; without the
/// key no one can tell whose it is).
///
/// ```swift
/// let mac = HMACSHA256(key: Array("secret".utf8))
/// mac.authenticate(Array("ana".utf8)).hexadecimal.prefix(12)  // "p-" + these 12 digits
/// ```
package struct HMACSHA256: Sendable {
  /// SHA-256 after the key's inner and outer pad blocks: each message then
  /// costs its own blocks and one more, not four.
  private let inner: SHA256
  private let outer: SHA256

  package init(key: [UInt8]) {
    var block = key.count > 64 ? SHA256.hash(key).bytes : key
    block += [UInt8](repeating: 0, count: 64 - block.count)
    var inner = SHA256()
    inner.update(block.map { $0 ^ 0x36 })
    var outer = SHA256()
    outer.update(block.map { $0 ^ 0x5c })
    self.inner = inner
    self.outer = outer
  }

  /// The keyed digest of `message`.
  package func authenticate(_ message: some Collection<UInt8>) -> SHA256.Digest {
    if let done = message.withContiguousStorageIfAvailable({
      words(UnsafeRawBufferPointer($0)).digest
    }) {
      return done
    }
    return Array(message).withUnsafeBytes { words($0).digest }
  }

  /// The keyed digest of `message` as words, allocating nothing.
  package func words(_ message: UnsafeRawBufferPointer) -> SHA256.DigestWords {
    inner.words(appending: message).withBytes { outer.words(appending: $0) }
  }
}
