/// Strings inside JSON (trustmap's own format, node-link): quoted, with `"`,
/// `\` and the control characters escaped as RFC 8259 asks (`\n`, `\t`,
/// `\u0001`, …); everything else, non-ASCII included, is written as UTF-8.
/// JSON holds any text, so nothing is replaced.
///
/// ```swift
/// var out = ChunkedOutput { print($0, terminator: "") }
/// out.appendJSONString("say \"hi\"\n".utf8)  // "say \"hi\"\n"
/// ```
///
/// - Complexity: O(*k*) for *k* bytes.
extension ChunkedOutput {
  /// Appends `bytes` as a quoted JSON string.
  mutating func appendJSONString(_ bytes: some Collection<UInt8>) {
    let done: Void? = bytes.withContiguousStorageIfAvailable { appendJSONString(buffer: $0) }
    if done == nil { Array(bytes).withUnsafeBufferPointer { appendJSONString(buffer: $0) } }
  }

  /// Appends `bytes` as a quoted JSON string.
  mutating func appendJSONString(buffer bytes: UnsafeBufferPointer<UInt8>) {
    append(byte: UInt8(ascii: "\""))
    if !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      append(bytes: bytes)
    } else {
      for byte in bytes {
        switch byte {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x00..<0x20:
          let hex = Array("0123456789abcdef".utf8)
          append("\\u00")
          append(byte: hex[Int(byte >> 4)])
          append(byte: hex[Int(byte & 0xF)])
        default: append(byte: byte)
        }
      }
    }
    append(byte: UInt8(ascii: "\""))
  }

  /// Appends `text` as a quoted JSON string.
  mutating func appendJSONString(_ text: String) {
    var text = text
    text.withUTF8 { appendJSONString(buffer: $0) }
  }
}
