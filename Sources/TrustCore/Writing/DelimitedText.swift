/// Fields of comma-separated files (the CSV, Neo4j and GraphFrames layouts),
/// as RFC 4180 writes them: a field holding a comma, a double quote, a line
/// feed, a carriage return or another control character is quoted, its
/// quotes doubled; any other field is written as it is. CSV holds any text,
/// so nothing is replaced (trustmap's reader takes control characters only
/// inside quotes, where they cannot be binary data by mistake).
///
/// ```swift
/// var out = ChunkedOutput { print($0, terminator: "") }
/// out.appendCSVField("Ana, \"the lead\"".utf8)  // "Ana, ""the lead"""
/// out.appendCSVField("bo".utf8)                 // bo
/// ```
///
/// - Complexity: O(*k*) for *k* bytes.
extension ChunkedOutput {
  /// Appends one field, quoted when it has to be.
  mutating func appendCSVField(_ bytes: some Collection<UInt8>) {
    let done: Void? = bytes.withContiguousStorageIfAvailable { appendCSVField(buffer: $0) }
    if done == nil { Array(bytes).withUnsafeBufferPointer { appendCSVField(buffer: $0) } }
  }

  /// Appends one field, quoted when it has to be.
  mutating func appendCSVField(buffer bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 < 0x20 || $0 == 0x7F }) else {
      append(bytes: bytes)
      return
    }
    append(byte: 0x22)
    for byte in bytes {
      if byte == 0x22 { append(byte: 0x22) }
      append(byte: byte)
    }
    append(byte: 0x22)
  }

  /// Appends one field, quoted when it has to be.
  mutating func appendCSVField(_ text: String) {
    var text = text
    text.withUTF8 { appendCSVField(buffer: $0) }
  }
}
