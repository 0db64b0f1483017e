/// Text inside XML (GraphML, GEXF): names are text, never markup.
///
/// `&`, `<`, `>`, `"` and `'` become entity references; tab, line feed and
/// carriage return become character references (`&#9;`, `&#10;`, `&#13;`),
/// so that attribute-value normalisation cannot turn them into spaces; the
/// characters XML 1.0 forbids anywhere (U+0000 to U+001F but those three,
/// U+FFFE, U+FFFF) cannot be written at all and become U+FFFD, counted in
/// ``ChunkedOutput/replacedCharacters``. The same text is safe in element
/// content and in attribute values quoted with `"` or `'`.
///
/// ```swift
/// XMLText.escaped("Ana & \"Bo\" <3")   // (text: "Ana &amp; &quot;Bo&quot; &lt;3", replaced: 0)
/// XMLText.escaped("bell\u{7}")         // (text: "bell\u{FFFD}", replaced: 1)
/// ```
///
/// - Complexity: O(*k*) for *k* bytes; text with none of the special
///   characters is copied as it is.
enum XMLText {
  /// `text` escaped for XML, with the number of characters replaced.
  static func escaped(_ text: String) -> (text: String, replaced: Int) {
    var result = ""
    var out = ChunkedOutput { result += $0 }
    out.appendXML(text.utf8)
    try? out.finish()
    return (result, out.replacedCharacters)
  }

  /// Whether any byte of `bytes` may need escaping or replacing (0xEF leads
  /// the encodings of U+FFFE and U+FFFF).
  @inline(__always)
  static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.contains { byte in
      byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22
        || byte == 0x27 || byte == 0xEF
    }
  }
}

extension ChunkedOutput {
  /// Appends UTF-8 text escaped for XML (``XMLText``).
  mutating func appendXML(_ bytes: some Collection<UInt8>) {
    let done: Void? = bytes.withContiguousStorageIfAvailable { appendXML(buffer: $0) }
    if done == nil { Array(bytes).withUnsafeBufferPointer { appendXML(buffer: $0) } }
  }

  /// Appends UTF-8 text escaped for XML (``XMLText``).
  mutating func appendXML(buffer bytes: UnsafeBufferPointer<UInt8>) {
    guard XMLText.needsEscaping(bytes) else {
      append(bytes: bytes)
      return
    }
    for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
      switch scalar {
      case "&": append("&amp;")
      case "<": append("&lt;")
      case ">": append("&gt;")
      case "\"": append("&quot;")
      case "'": append("&apos;")
      case "\t": append("&#9;")
      case "\n": append("&#10;")
      case "\r": append("&#13;")
      case "\u{FFFE}", "\u{FFFF}": appendReplacement()
      default:
        if scalar.value < 0x20 { appendReplacement() } else { append(scalar: scalar) }
      }
    }
  }

  /// Appends text escaped for XML (``XMLText``).
  mutating func appendXML(_ text: String) {
    var text = text
    text.withUTF8 { appendXML(buffer: $0) }
  }
}
