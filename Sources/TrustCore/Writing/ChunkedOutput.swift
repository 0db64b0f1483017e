/// The bytes a writer produces, handed to its sink in chunks of about a
/// megabyte, so that a network of any size is written without its text ever
/// sitting in memory whole (the way ``NetworkGenerator`` streams).
///
/// Writers append raw text (markup, numbers) and escaped text (names, ids)
/// through the format's escaping extensions (``appendXML(_:)``,
/// ``appendJSONString(_:)``, …); each counts the characters its format cannot
/// hold, which it writes as U+FFFD.
///
/// ```swift
/// var out = ChunkedOutput { chunk in print(chunk, terminator: "") }
/// out.append("<node id=\"")
/// out.appendXML("a&b".utf8)
/// out.append("\"/>\n")
/// try out.endRecord()  // hands over a chunk once a megabyte has gathered
/// try out.finish()     // <node id="a&amp;b"/>
/// ```
///
/// - Complexity: O(1) amortised per byte appended.
struct ChunkedOutput {
  /// About how many bytes a chunk holds.
  static let chunkSize = 1 << 20

  /// The bytes gathered: one allocation, grown only for a record longer
  /// than the headroom above a chunk.
  private final class Storage {
    var base: UnsafeMutablePointer<UInt8>
    var capacity: Int
    var count = 0

    init(capacity: Int) {
      base = .allocate(capacity: capacity)
      self.capacity = capacity
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    func reserve(_ extra: Int) {
      if count + extra > capacity { grow(count + extra) }
    }

    private func grow(_ needed: Int) {
      let capacity = max(needed, self.capacity * 2)
      let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
      bigger.update(from: base, count: count)
      base.deallocate()
      base = bigger
      self.capacity = capacity
    }
  }

  private let storage = Storage(capacity: chunkSize + (chunkSize >> 2))
  private let sink: (String) throws -> Void
  /// How many characters were written as U+FFFD because the format cannot hold them.
  var replacedCharacters = 0

  /// Output that hands its chunks to `sink`.
  init(sink: @escaping (String) throws -> Void) {
    self.sink = sink
  }

  /// Appends the bytes at `start` as they are.
  @inline(__always)
  mutating func append(raw start: UnsafePointer<UInt8>, count: Int) {
    storage.reserve(count)
    (storage.base + storage.count).update(from: start, count: count)
    storage.count += count
  }

  /// Appends text as it is (markup the writer controls).
  @inline(__always)
  mutating func append(_ text: StaticString) {
    append(raw: text.utf8Start, count: text.utf8CodeUnitCount)
  }

  /// Appends text as it is.
  mutating func append(raw text: String) {
    var text = text
    text.withUTF8 { append(bytes: $0) }
  }

  /// Appends bytes as they are.
  @inline(__always)
  mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
    if let base = bytes.baseAddress { append(raw: base, count: bytes.count) }
  }

  /// Appends bytes as they are.
  mutating func append(bytes: some Collection<UInt8>) {
    let done: Void? = bytes.withContiguousStorageIfAvailable { append(bytes: $0) }
    if done == nil {
      storage.reserve(bytes.count)
      for byte in bytes { append(byte: byte) }
    }
  }

  /// Appends one byte.
  @inline(__always)
  mutating func append(byte: UInt8) {
    storage.reserve(1)
    storage.base[storage.count] = byte
    storage.count += 1
  }

  /// Appends one character, UTF-8 encoded.
  mutating func append(scalar: Unicode.Scalar) {
    UTF8.encode(scalar) { append(byte: $0) }
  }

  /// Appends a whole number in decimal.
  mutating func append(_ value: Int) {
    var text = String(value)
    text.withUTF8 { append(bytes: $0) }
  }

  /// Appends a number in its shortest form that reads back as the same
  /// double: `0.9`, `1.0`, `1e-05`; `0.0` for zero.
  mutating func append(number value: Double) {
    var text = value.description
    text.withUTF8 { append(bytes: $0) }
  }

  /// Hands the gathered text to the sink once it holds a chunk; call after
  /// each record.
  @inline(__always)
  mutating func endRecord() throws {
    if storage.count >= Self.chunkSize { try flush() }
  }

  /// Hands over whatever is left.
  mutating func finish() throws {
    try flush()
  }

  private mutating func flush() throws {
    guard storage.count > 0 else { return }
    let chunk = String(
      decoding: UnsafeBufferPointer(start: storage.base, count: storage.count), as: UTF8.self)
    storage.count = 0
    try sink(chunk)
  }

  /// Appends U+FFFD, the replacement character, and counts it.
  mutating func appendReplacement() {
    append("\u{FFFD}")
    replacedCharacters += 1
  }
}

extension StringInterner {
  /// The UTF-8 bytes of string `index`, without making a `String`.
  func utf8(_ index: Int) -> ArraySlice<UInt8> {
    bytes[offsets[index]..<offsets[index + 1]]
  }
}
