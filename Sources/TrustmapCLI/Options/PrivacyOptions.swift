import TrustCore

/// The options for data about real people: pseudonyms, attributes left out,
/// and a minimum group size (docs/design.md, 'Provenance and privacy').
extension Options {
  /// `--pseudonymise`.
  static let pseudonymise = Option<Bool>.flag(
    "--pseudonymise",
    help: "Replace every id and name with p- and 12 hex digits of HMAC-SHA256(key, id), the "
      + "same for the same key in every run; the key from --key-file or TRUSTMAP_KEY.")
  /// `--key-file`.
  static let keyFile = Option<String>.text(
    "--key-file", valueName: "file",
    help: "The pseudonym key: the file's bytes, a final line break left out. "
      + "(default: $TRUSTMAP_KEY)")
  /// `--drop-attributes`.
  static let dropAttributes = Option<[String]>(
    "--drop-attributes", valueName: "list",
    help: "Leave these attributes, comma-separated, out of everything written."
  ) { text in
    let names = text.split(separator: ",").map(String.init)
    return names.isEmpty ? .invalid : .value(names)
  }

  /// The privacy options of a command that writes about people: `convert`
  /// takes all but the minimum group size (it reports no groups).
  static func privacy(minimumGroupSize: Bool) -> [any OptionDeclaration] {
    [pseudonymise, keyFile, dropAttributes]
  }
}
