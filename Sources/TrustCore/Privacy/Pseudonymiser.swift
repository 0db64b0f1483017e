/// Keyed pseudonyms for ids: `p-` and the first 12 hex digits of
/// HMAC-SHA256(key, id) (docs/design.md, 'Provenance and privacy').
///
/// The same key gives the same pseudonym for the same id in every run and
/// every file, so survey waves can still be joined; without the key, no one
/// can tell whose a pseudonym is, even knowing every id that might be in the
/// file (a plain hash would give that away to anyone who hashed the staff list).
///
/// ```swift
/// let pseudonyms = try Pseudonymiser(key: Array("correct horse battery staple".utf8))
/// pseudonyms.pseudonym(for: "ana")  // "p-" + 12 hex digits, the same every time
/// ```
///
/// - Complexity: O(*k*) per id of *k* bytes: two SHA-256 blocks for ids
///   under 56 bytes, the key's pad blocks computed once.
public struct Pseudonymiser: Sendable {
  private let mac: HMACSHA256
  /// A short fingerprint of the key (`k-` and 8 hex digits of its MAC of a
  /// fixed text): two reports made with the same key show the same one, and
  /// it reveals nothing of the key.
  public let keyFingerprint: String

  /// How many hex digits a pseudonym has, unless two ids of one network would share it.
  public static let digits = 12

  /// A pseudonymiser for `key`.
  ///
  /// - Throws: ``TrustQueryError`` (`invalidSetting`) for an empty key.
  public init(key: [UInt8]) throws(TrustQueryError) {
    guard !key.isEmpty else {
      throw TrustQueryError.invalid("key", "", expected: "at least one byte")
    }
    let mac = HMACSHA256(key: key)
    self.mac = mac
    keyFingerprint =
      "k-"
      + Array("trustmap pseudonym key".utf8).withUnsafeBytes { Self.hex(mac.words($0), digits: 8) }
  }

  /// The pseudonym of `id`: `p-` and 12 lower-case hex digits.
  public func pseudonym(for id: String) -> String {
    var copy = id
    return copy.withUTF8 { pseudonym(forBytes: UnsafeRawBufferPointer($0)) }
  }

  /// The pseudonym of the id with these UTF-8 bytes, with `digits` hex digits (12 to 64).
  func pseudonym(forBytes id: UnsafeRawBufferPointer, digits: Int = Pseudonymiser.digits)
    -> String
  {
    "p-" + Self.hex(mac.words(id), digits: digits)
  }

  /// The first `digits` hex digits of a digest.
  private static func hex(_ words: SHA256.DigestWords, digits: Int) -> String {
    words.withBytes { bytes in
      let table = Array("0123456789abcdef".utf8)
      var text = [UInt8](repeating: 0, count: digits)
      for index in 0..<digits {
        let byte = bytes[index / 2]
        text[index] = table[Int(index % 2 == 0 ? byte >> 4 : byte & 15)]
      }
      return String(decoding: text, as: UTF8.self)
    }
  }
}
