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

  private var buffer: [UInt8] = []
  private let sink: (String) throws -> Void
  /// How many characters were written as U+FFFD because the format cannot hold them.
  var replacedCharacters = 0

  /// Output that hands its chunks to `sink`.
  init(sink: @escaping (String) throws -> Void) {
    self.sink = sink
    buffer.reserveCapacity(Self.chunkSize + (Self.chunkSize >> 4))
  }

  /// Appends text as it is (markup the writer controls).
  mutating func append(_ text: StaticString) {
    buffer.append(
      contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Appends text as it is.
  mutating func append(raw text: String) {
    buffer.append(contentsOf: text.utf8)
  }

  /// Appends bytes as they are.
  mutating func append(bytes: some Collection<UInt8>) {
    buffer.append(contentsOf: bytes)
  }

  /// Appends one byte.
  mutating func append(byte: UInt8) {
    buffer.append(byte)
  }

  /// Appends one character, UTF-8 encoded.
  mutating func append(scalar: Unicode.Scalar) {
    UTF8.encode(scalar) { buffer.append($0) }
  }

  /// Appends a whole number in decimal.
  mutating func append(_ value: Int) {
    buffer.append(contentsOf: String(value).utf8)
  }

  /// Appends a number in its shortest form that reads back as the same
  /// double: `0.9`, `1.0`, `1e-05`; `0.0` for zero.
  mutating func append(number value: Double) {
    buffer.append(contentsOf: value.description.utf8)
  }

  /// Hands the gathered text to the sink once it holds a chunk; call after
  /// each record.
  mutating func endRecord() throws {
    if buffer.count >= Self.chunkSize { try flush() }
  }

  /// Hands over whatever is left.
  mutating func finish() throws {
    try flush()
  }

  private mutating func flush() throws {
    guard !buffer.isEmpty else { return }
    let chunk = String(decoding: buffer, as: UTF8.self)
    buffer.removeAll(keepingCapacity: true)
    try sink(chunk)
  }

  /// Appends U+FFFD, the replacement character, and counts it.
  mutating func appendReplacement() {
    buffer.append(contentsOf: [0xEF, 0xBF, 0xBD])
    replacedCharacters += 1
  }
}

extension StringInterner {
  /// The UTF-8 bytes of string `index`, without making a `String`.
  func utf8(_ index: Int) -> ArraySlice<UInt8> {
    bytes[offsets[index]..<offsets[index + 1]]
  }
}
