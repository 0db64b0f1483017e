/// Names as text in SVG and HTML, never as markup: ``XMLText``'s escaping
/// (the one escaper of the project), and then the characters that steer
/// the direction of text (U+200E, U+200F, U+061C, U+202A to U+202E,
/// U+2066 to U+2069) written as character references, so a source viewer
/// shows them and a reader of the file sees where they are. (The map's
/// composed sentences put names between U+2068 and U+2069, isolates, so a
/// right-to-left override inside a name reorders nothing around it.)
///
/// ```swift
/// MarkupText.escaped("<script>&\"x\u{202E}")  // "&lt;script&gt;&amp;&quot;x&#x202E;"
/// ```
///
/// - Complexity: O(*k*) for *k* bytes; ASCII-only text is only escaped.
package enum MarkupText {
  /// `text` escaped for XML and HTML content and quoted attributes.
  package static func escaped(_ text: String) -> String {
    let escaped = XMLText.escaped(text).text
    guard escaped.utf8.contains(where: { $0 >= 0x80 }) else { return escaped }
    var result = ""
    result.reserveCapacity(escaped.utf8.count)
    for scalar in escaped.unicodeScalars {
      if isDirectionControl(scalar) {
        result += "&#x" + String(scalar.value, radix: 16, uppercase: true) + ";"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Whether `scalar` steers the direction of text.
  static func isDirectionControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }
}
