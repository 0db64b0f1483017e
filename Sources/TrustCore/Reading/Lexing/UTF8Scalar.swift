/// Decodes one UTF-8 sequence for the lexers: the scalar value and the
/// sequence's length, or a length of 0 when the bytes at `index` are not
/// valid UTF-8 (a stray continuation byte, an overlong form, an encoded
/// surrogate, a value past U+10FFFF, a sequence cut short by `limit`).
///
/// ```swift
/// let (value, length) = decodeUTF8Scalar(bytes, at: 0, limit: bytes.count)  // "é": (0xE9, 2)
/// ```
///
/// - Complexity: O(1).
@inline(__always)
func decodeUTF8Scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int)
  -> (value: UInt32, length: Int)
{
  assert(index >= 0 && index < limit && limit <= bytes.count)
  let lead = bytes[index]
  if lead < 0x80 { return (UInt32(lead), 1) }
  @inline(__always) func trail(_ at: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
    guard at < limit else { return nil }
    let byte = bytes[at]
    return byte >= low && byte <= high ? UInt32(byte & 0x3F) : nil
  }
  switch lead {
  case 0xC2...0xDF:
    guard let one = trail(index + 1) else { return (0, 0) }
    return (UInt32(lead & 0x1F) << 6 | one, 2)
  case 0xE0...0xEF:
    let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
    let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
    guard let one = trail(index + 1, low, high), let two = trail(index + 2) else { return (0, 0) }
    return (UInt32(lead & 0x0F) << 12 | one << 6 | two, 3)
  case 0xF0...0xF4:
    let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
    let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
    guard let one = trail(index + 1, low, high), let two = trail(index + 2),
      let three = trail(index + 3)
    else { return (0, 0) }
    return (UInt32(lead & 0x07) << 18 | one << 12 | two << 6 | three, 4)
  default:
    return (0, 0)
  }
}

/// The failure for invalid UTF-8 at `offset`, with the byte in the message.
///
/// ```swift
/// throw invalidUTF8Failure(bytes, at: 12)  // "invalid UTF-8 byte 0xFF"
/// ```
///
/// - Complexity: O(1).
func invalidUTF8Failure(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> LexFailure {
  LexFailure(
    code: .invalidUTF8, message: "invalid UTF-8 byte \(lexHex(bytes[offset]))", offset: offset)
}
