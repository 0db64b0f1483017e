/// The traps a hand-made converter falls into, as warnings that name the
/// right key: an unknown key of the network, a person or a tie that is a
/// misspelling of one the format knows (`strenght`) or the name another
/// format gives it (`weight`, `source`, `target`, `edges`, `nodes`), since
/// such a key is skipped and `"weight": 0.3` would leave the tie at strength 1.
/// Other unknown keys stay silent: the format allows them, for what later
/// versions add.
extension JSONNetworkParser {
  /// What another format calls the keys of each object, by that name.
  static let documentKeys = [
    "trustmap", "name", "strongTieThreshold", "people", "ties", "communities",
  ]
  static let documentForeign = [
    "edges": "ties", "links": "ties", "nodes": "people", "vertices": "people",
    "groups": "communities", "version": "trustmap",
  ]
  static let personKeys = ["id", "name", "attributes", "reportsTo"]
  static let personForeign = [
    "label": "name", "manager": "reportsTo", "reports_to": "reportsTo", "attrs": "attributes",
    "properties": "attributes", "key": "id",
  ]
  static let tieKeys = ["from", "to", "strength", "mutual", "contexts"]
  static let tieForeign = [
    "weight": "strength", "source": "from", "target": "to", "ego": "from", "alter": "to",
    "context": "contexts", "type": "contexts", "directed": "mutual", "value": "strength",
  ]

  /// The key `key` most likely stands for: another format's name for it,
  /// else the known key it is a misspelling of, else `nil`.
  ///
  /// ```swift
  /// JSONNetworkParser.intendedKey("strenght", known: tieKeys, foreign: tieForeign)  // "strength"
  /// JSONNetworkParser.intendedKey("weight", known: tieKeys, foreign: tieForeign)    // "strength"
  /// ```
  ///
  /// - Complexity: O(*c* × *k*) for *c* known keys of about *k* characters.
  static func intendedKey(_ key: String, known: [String], foreign: [String: String]) -> String? {
    if let alias = foreign[key] ?? foreign[asciiLowercased(key)] { return alias }
    if known.contains(key) { return nil }
    return closestCandidate(to: key, among: known)
  }

  /// Warns of each of an object's unknown keys that stands for a known one,
  /// except `intended` keys reported already as a missing key's hint.
  mutating func warnOfMisnamedKeys(
    _ unknownKeys: [(String, Int)], known: [String], foreign: [String: String],
    path: DiagnosticPath, except hinted: [Int] = []
  ) {
    for (key, offset) in unknownKeys where !hinted.contains(offset) {
      guard let intended = Self.intendedKey(key, known: known, foreign: foreign) else { continue }
      assembler.diagnostics.add(
        .warning, .invalidValue, at: place(offset), path: path,
        "unknown key '\(key)' is ignored; did you mean '\(intended)'?")
    }
  }

  /// The unknown key a missing required key was probably given as (its
  /// misspelling, or another format's name for it), with its offset.
  static func stand(
    in unknownKeys: [(String, Int)], for key: String, foreign: [String: String]
  ) -> (String, Int)? {
    unknownKeys.first { foreign[$0.0] == key || isLikelyMisspelling($0.0, of: key) }
  }
}
