/// The character classes of XML 1.0 (fifth edition) the lexer checks:
/// which characters a document may hold at all, which may start a name, and
/// which may continue one.
///
/// ```swift
/// XMLCharacters.isAllowed(0x0C)  // false: form feed is not an XML character
/// XMLCharacters.isNameStart(0xE9)  // true: "é" may start a name
/// ```
///
/// - Complexity: O(1) per character.
enum XMLCharacters {
  /// Whether `value` is a `Char`: tab, line feed, carriage return,
  /// U+0020–U+D7FF, U+E000–U+FFFD or U+10000–U+10FFFF.
  @inline(__always)
  static func isAllowed(_ value: UInt32) -> Bool {
    if value < 0x20 { return value == 0x09 || value == 0x0A || value == 0x0D }
    if value < 0xD800 { return true }
    if value < 0xE000 { return false }
    if value <= 0xFFFD { return true }
    return value >= 0x10000 && value <= 0x10FFFF
  }

  /// Whether an ASCII byte may start a name (`:` included, as XML allows it;
  /// the namespace rules then restrict where a colon may be).
  @inline(__always)
  static func isASCIINameStart(_ byte: UInt8) -> Bool {
    let folded = byte | 0x20
    return (folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z"))
      || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
  }

  /// Whether an ASCII byte may continue a name.
  @inline(__always)
  static func isASCIIName(_ byte: UInt8) -> Bool {
    isASCIINameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
      || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
  }

  /// Whether a non-ASCII scalar may start a name (`NameStartChar`).
  static func isNameStart(_ value: UInt32) -> Bool {
    switch value {
    case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
      0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF,
      0xFDF0...0xFFFD, 0x10000...0xEFFFF:
      return true
    default:
      return false
    }
  }

  /// Whether a non-ASCII scalar may continue a name (`NameChar`).
  static func isName(_ value: UInt32) -> Bool {
    isNameStart(value) || value == 0xB7 || (value >= 0x300 && value <= 0x36F)
      || value == 0x203F || value == 0x2040
  }

  /// Whether `byte` is XML white space: space, tab, line feed, carriage return.
  @inline(__always)
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }
}
