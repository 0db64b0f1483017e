/// Text between double quotes with backslash escapes, as Graphviz DOT and
/// Pajek labels (read the way networkx's `read_pajek` splits a line, with
/// Python's `shlex`) take it: `"` is written `\"` and `\` is written `\\`.
/// In DOT a line feed is written `\n` and a carriage return `\r` (Graphviz's
/// line breaks); other control characters cannot be written and become
/// U+FFFD, counted in ``ChunkedOutput/replacedCharacters``.
///
/// ```swift
/// var out = ChunkedOutput { print($0, terminator: "") }
/// out.appendQuoted("Ana \"the lead\"".utf8)  // "Ana \"the lead\""
/// ```
///
/// - Complexity: O(*k*) for *k* bytes.
extension ChunkedOutput {
  /// Appends `bytes` between double quotes, escaped.
  mutating func appendQuoted(_ bytes: some Collection<UInt8>) {
    let done: Void? = bytes.withContiguousStorageIfAvailable { appendQuoted(buffer: $0) }
    if done == nil { Array(bytes).withUnsafeBufferPointer { appendQuoted(buffer: $0) } }
  }

  /// Appends `bytes` between double quotes, escaped.
  mutating func appendQuoted(buffer bytes: UnsafeBufferPointer<UInt8>) {
    append(byte: 0x22)
    if !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      append(bytes: bytes)
    } else {
      for byte in bytes {
        switch byte {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append(byte: byte)
        case 0x00..<0x20: appendReplacement()
        default: append(byte: byte)
        }
      }
    }
    append(byte: 0x22)
  }

  /// Appends `text` between double quotes, escaped.
  mutating func appendQuoted(_ text: String) {
    var text = text
    text.withUTF8 { appendQuoted(buffer: $0) }
  }

  /// Appends `bytes` bare when they are a plain token (no white space,
  /// quotes, backslash, `#` or control characters, and not empty), else
  /// quoted: a whitespace-separated token that `shlex` and edge-list readers split alike.
  mutating func appendToken(_ bytes: some Collection<UInt8>) {
    let plain =
      !bytes.isEmpty
      && !bytes.contains { $0 <= 0x20 || $0 == 0x22 || $0 == 0x27 || $0 == 0x5C || $0 == 0x23 }
    if plain { append(bytes: bytes) } else { appendQuoted(bytes) }
  }
}
