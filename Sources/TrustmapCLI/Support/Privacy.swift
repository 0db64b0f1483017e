import TrustCore

/// The network a report is made from, with `--pseudonymise` and
/// `--drop-attributes` applied, and the command line's ids (`--person`,
/// `--community`, `--start`) mapped to the pseudonyms of those people, so
/// that a user names people as the file does and reads only pseudonyms.
///
/// - Throws: a usage error for a pseudonym without a key, a key file without
///   `--pseudonymise`, or an attribute to drop that no one has (naming the
///   closest); an input error for a key file that cannot be read.
func applyPrivacy(_ network: TrustNetwork, _ arguments: ParsedArguments) throws(CommandFailure)
  -> PrivateNetwork
{
  let command = arguments.command
  let dropped = arguments.values(of: Options.dropAttributes).flatMap { $0 }
  for name in dropped where !network.attributeKeys.contains(name) {
    throw .usage(
      UsageError(
        "unknown attribute '\(name)' for '--drop-attributes'", command: command,
        suggestion: UsageError.didYouMean(closestCandidate(to: name, among: network.attributeKeys)))
    )
  }
  guard arguments.has(Options.pseudonymise) else {
    if arguments.has(Options.keyFile) {
      throw .usage(UsageError("'--key-file' is the key of '--pseudonymise'", command: command))
    }
    return PrivateNetwork(
      network: network.droppingAttributes(Set(dropped)), arguments: arguments,
      settings: dropped.isEmpty ? [] : [("droppedAttributes", .list(dropped))])
  }
  let key = try pseudonymKey(arguments)
  let pseudonyms: Pseudonymiser
  do {
    pseudonyms = try Pseudonymiser(key: key)
  } catch {
    throw .usage(UsageError("the pseudonym key is empty", command: command))
  }
  let shared = network.pseudonymised(by: pseudonyms, droppingAttributes: Set(dropped))
  // The pseudonymised network's own ids: a pseudonym lengthened to stay unique is looked up, not remade.
  let mapped = arguments.mappingIDs(
    person: { id in network.index(of: id).map { shared.people.id(of: $0) } ?? id },
    community: { id in
      network.indexedCommunities.firstIndex { $0.id == id }.map { shared.indexedCommunities[$0].id }
        ?? id
    })
  var settings: [(String, SettingValue)] = [
    ("pseudonymised", .flag(true)), ("pseudonymKey", .text(pseudonyms.keyFingerprint)),
  ]
  if !dropped.isEmpty { settings.append(("droppedAttributes", .list(dropped))) }
  return PrivateNetwork(network: shared, arguments: mapped, settings: settings)
}

/// A network made ready to report on: what ``applyPrivacy(_:_:)`` returns.
struct PrivateNetwork {
  /// The network, pseudonymised and with attributes left out as asked.
  var network: TrustNetwork
  /// The command line, its ids mapped to pseudonyms.
  var arguments: ParsedArguments
  /// What the provenance says of it: pseudonymised with which key's fingerprint, what was left out.
  var settings: [(String, SettingValue)]
}

/// The bytes of the pseudonym key: `--key-file`'s (a final line break left
/// out, as `echo` writes one), else `TRUSTMAP_KEY`'s.
private func pseudonymKey(_ arguments: ParsedArguments) throws(CommandFailure) -> [UInt8] {
  if let path = arguments.value(of: Options.keyFile) {
    var bytes: [UInt8]
    do {
      bytes = try TrustNetwork.readAllBytes(path: path)
    } catch {
      let reason = error.diagnostics.first?.message ?? "cannot read"
      throw .input("\(path): error: the key file: \(reason)\n")
    }
    if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
    return bytes
  }
  if let key = Environment.value("TRUSTMAP_KEY") { return Array(key.utf8) }
  throw .usage(
    UsageError(
      "'--pseudonymise' needs a key: give --key-file FILE or set TRUSTMAP_KEY "
        + "(trustmap never makes one up, so the same key can pseudonymise every wave)",
      command: arguments.command))
}
