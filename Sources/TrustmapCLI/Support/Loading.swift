import TrustCore

/// A network as read, with the digest of its bytes when the report needs one.
struct LoadedNetwork {
  var network: TrustNetwork
  var digest: InputDigest?
}

/// Reads the network a command line names, or fails with its first problems
/// (exit 1); hashes its bytes meanwhile when the report is JSON, for the provenance.
func loadNetwork(_ arguments: ParsedArguments) throws(CommandFailure) -> LoadedNetwork {
  try loadNetwork(arguments.file, digest: arguments.format.hasProvenance, reading: arguments)
}

/// Reads the network at `path`, or fails with its first problems (exit 1);
/// `arguments` give the input options (InputOptions.swift), if any.
func loadNetwork(_ path: String, digest: Bool = false, reading arguments: ParsedArguments? = nil)
  throws(CommandFailure) -> LoadedNetwork
{
  do {
    // The file is let go once read: its bytes do not stay in memory through the analysis.
    let file = try NetworkFile(path: path, digestingInBackground: digest)
    var options = arguments?.readOptions ?? ReadOptions()
    options.diagnosticLimit = 10
    let network = try file.network(format: arguments?.inputFormat, options: options)
    return LoadedNetwork(network: network, digest: digest ? file.digest() : nil)
  } catch {
    throw .input(describe(error, limit: 10))
  }
}

/// The problems of a failed load, as `FILE:LINE:COLUMN: error: PATH: message`
/// lines, then how many more there are.
func describe(_ error: NetworkLoadError, limit: Int) -> String {
  let source = displayName(of: error.source)
  var text = ""
  let errors = error.diagnostics.filter { $0.severity == .error }.prefix(limit)
  for diagnostic in errors {
    text += diagnostic.formatted(source: source) + "\n"
  }
  // Warnings may have taken some of the kept places: count what was listed.
  if error.errorCount > errors.count {
    text +=
      "\(source): \(error.errorCount - errors.count) more errors; "
      + "run 'trustmap validate \(error.source)' to list them\n"
  }
  return text
}

/// How an input is named in messages: `<stdin>` for `-`.
func displayName(of source: String) -> String { source == "-" ? "<stdin>" : source }

/// The session (the strong-tie graph with the command line's settings), or a
/// usage error for a context no tie uses or a bad threshold.
func makeSession(_ network: TrustNetwork, _ arguments: ParsedArguments) throws(CommandFailure)
  -> AnalysisSession
{
  do {
    return try AnalysisSession(network, settings: arguments.strongTieSettings)
  } catch {
    throw .usage(UsageError(error, command: arguments.command))
  }
}

/// One line on standard error when the file had warnings, unless `--quiet`.
func warningNote(_ network: TrustNetwork, _ arguments: ParsedArguments) -> String {
  warningNote(network, file: arguments.file, quiet: arguments.isQuiet)
}

/// One line on standard error when the file at `file` had warnings, unless `quiet`.
func warningNote(_ network: TrustNetwork, file: String, quiet: Bool) -> String {
  let count = network.warningCount
  guard !quiet else { return "" }
  let adjusted = weightNote(network.weightAdjustments, file: file)
  guard count > 0 else { return adjusted }
  return adjusted + "trustmap: \(count) warning\(count == 1 ? "" : "s") in \(file); "
    + "run 'trustmap validate \(file)' to see \(count == 1 ? "it" : "them")\n"
}

/// The communities `--community-by` names (the file's without it).
func communitySource(_ session: AnalysisSession, _ arguments: ParsedArguments)
  throws(CommandFailure) -> CommunitySource
{
  guard let name = arguments.value(of: Options.communityBy) else { return .file }
  return try usage(arguments) { () throws(TrustQueryError) in
    try session.communitySource(named: name)
  }
}

/// Runs a TrustCore question, turning what it throws into a usage error
/// phrased with the command line's options.
func usage<Value>(
  _ arguments: ParsedArguments, attributeOption: String = "--community-by",
  personOption: String = "--person", settingOptions: [String: String] = [:],
  _ body: () throws(TrustQueryError) -> Value
) throws(CommandFailure) -> Value {
  do {
    return try body()
  } catch {
    // Missing or unusable data is a fact about the input (exit 1), not about the asking.
    if error.code == .unanswerable || error.code == .invalidInput {
      throw .input("\(displayName(of: arguments.file)): error: \(error.message)\n")
    }
    throw .usage(
      UsageError(
        error, command: arguments.command, attributeOption: attributeOption,
        personOption: personOption, settingOptions: settingOptions))
  }
}
