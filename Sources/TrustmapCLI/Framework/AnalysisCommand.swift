import TrustCore

/// What an analysis produces, in each format: text for people, one JSON
/// document (the TrustCore answer's own shape) and a CSV table.
protocol Report {
  /// The report for people.
  func text() -> TextReport
  /// The JSON document.
  func json() -> any JSONEncodable
  /// The CSV table.
  func csv() -> Table
  /// The CSV table as rows made while they are written; by default
  /// ``csv()``'s. A report whose rows grow with people × communities gives
  /// them as it computes them.
  func csvRows() -> RowStream
  /// Whether every line of its text names the file already (`validate`), so
  /// a batch over several files needs no `== FILE` header.
  var namesItsFile: Bool { get }
}

extension Report {
  var namesItsFile: Bool { false }
  func csvRows() -> RowStream { RowStream(csv()) }
}

/// A command that reads a network, builds its strong-tie graph with the
/// graph options, asks TrustCore one question and renders the answer: the
/// loading, phases, warnings note and rendering are here once, and each
/// command only says which question and how to show it.
protocol AnalysisCommand: Command {
  /// The formats it writes.
  static var formats: [OutputFormat] { get }
  /// How many phases after the graph is built (for the progress percentage).
  static func phaseCount(_ arguments: ParsedArguments) -> Int
  /// The phase named while the report is written, if it is worth timing.
  static var writingPhase: String? { get }
  /// Asks the question in `session` and returns the answer, ready to render.
  static func report(
    _ session: AnalysisSession, _ arguments: ParsedArguments, progress: ProgressReporter
  ) throws(CommandFailure) -> any Report
}

extension AnalysisCommand {
  static var formats: [OutputFormat] { [.text, .json, .csv] }
  static func phaseCount(_ arguments: ParsedArguments) -> Int { 1 }
  static var writingPhase: String? { nil }

  static func run(_ arguments: ParsedArguments, output: (String) -> Void) throws(CommandFailure)
    -> String
  {
    try ReportBatch.run(arguments, output: output) { arguments throws(CommandFailure) in
      let progress = ProgressReporter(
        quiet: arguments.isQuiet, phases: 3 + phaseCount(arguments))
      progress.phase("reading the network")
      let loaded = try loadNetwork(arguments)
      let prepared = try applyPrivacy(loaded.network, arguments)
      let arguments = prepared.arguments
      progress.phase("building the strong-tie graph")
      let session = try makeSession(prepared.network, arguments)
      session.progress = progress.hook
      progress.phase("analysing")
      let report = try report(session, arguments, progress: progress)
      if let writingPhase { progress.phase(writingPhase) }
      return BatchItem(
        report: report,
        provenance: {
          provenance(
            session.provenance(input: loaded.digest), arguments, privacy: prepared.settings)
        },
        notes: { warningNote(loaded.network, arguments) + progress.finish() })
    }
  }
}

extension Command {
  /// A session's provenance, with the command line's own settings and what privacy did.
  static func provenance(
    _ made: Provenance, _ arguments: ParsedArguments, privacy: [(String, SettingValue)]
  ) -> Provenance {
    var made = made
    for (name, value) in commandLineSettings(arguments) + privacy {
      made = made.adding(name, value)
    }
    return made
  }
}

extension Command {
  static func commandLineSettings(_ arguments: ParsedArguments) -> [(String, SettingValue)] {
    []
  }
}
