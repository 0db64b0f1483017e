import TrustCore

/// Reads the network named on the command line, or fails with its diagnostics (exit 1).
func loadNetwork(_ parsed: ParsedArguments) throws(CommandFailure) -> TrustNetwork {
  do {
    return try TrustNetwork(contentsOfFile: parsed.file, diagnosticLimit: 10)
  } catch {
    throw .input(describe(error, limit: 10))
  }
}

/// The problems of a failed load, as `FILE:LINE:COLUMN: error: PATH: message` lines.
func describe(_ error: NetworkLoadError, limit: Int) -> String {
  let source = error.source == "-" ? "<stdin>" : error.source
  var text = ""
  let errors = error.diagnostics.filter { $0.severity == .error }
  for diagnostic in errors.prefix(limit) {
    text += diagnostic.formatted(source: source) + "\n"
  }
  if error.errorCount > limit {
    text +=
      "\(source): \(error.errorCount - limit) more errors; "
      + "run 'trustmap validate \(error.source)' to list them\n"
  }
  return text
}

/// Builds the strong-tie graph with the command line's settings.
func buildGraph(_ network: TrustNetwork, _ parsed: ParsedArguments) throws(CommandFailure)
  -> TrustGraph
{
  let settings = try usage { () throws(UsageError) in try parsed.strongTieSettings() }
  do {
    return try TrustGraph(network, settings: settings)
  } catch {
    let suggestion = error.unknownContexts.first.flatMap {
      closestName(to: $0, among: error.knownContexts)
    }
    throw .usage(
      UsageError(
        message: error.description, command: parsed.command,
        suggestion: suggestion.map { "Did you mean '--context \($0)'?" }))
  }
}

/// One line on standard error when the file had warnings, unless `--quiet`.
func warningSummary(_ network: TrustNetwork, _ parsed: ParsedArguments) -> String {
  guard !network.warnings.isEmpty, !parsed.has(.quiet) else { return "" }
  let count = network.warnings.count
  return "trustmap: \(count) warning\(count == 1 ? "" : "s") in \(parsed.file); "
    + "run 'trustmap validate \(parsed.file)' to see \(count == 1 ? "it" : "them")\n"
}
