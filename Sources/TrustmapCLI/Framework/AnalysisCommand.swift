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
    let progress = ProgressReporter(
      quiet: arguments.isQuiet, phases: 3 + phaseCount(arguments))
    progress.phase("reading the network")
    let network = try loadNetwork(arguments)
    progress.phase("building the strong-tie graph")
    let session = try makeSession(network, arguments)
    progress.phase("analysing")
    let report = try report(session, arguments, progress: progress)
    if let writingPhase { progress.phase(writingPhase) }
    switch arguments.format {
    case .text: output(report.text().rendered())
    case .json: output(report.json().jsonText + "\n")
    case .csv: output(report.csv().renderedCSV())
    }
    return warningNote(network, arguments) + progress.finish()
  }
}
