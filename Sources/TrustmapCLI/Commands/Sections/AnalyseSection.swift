import TrustCore

/// One section of the `analyse` report: a type that names itself, asks
/// TrustCore its question, and shows the answer in each format. The
/// registry below lists them once; `--sections` and its help come from it,
/// so adding a section is its type and one line there.
protocol AnalyseSection: Sendable {
  /// The name `--sections` takes, and the section's key in the JSON report.
  static var name: String { get }
  /// Whether the section belongs in a report on this network when not asked
  /// for by name (the formal section needs reports-to links).
  static func applies(to session: AnalysisSession) -> Bool
  /// Asks the section's question.
  init(_ context: AnalyseContext) throws(CommandFailure)
  /// The section for people.
  func text() -> TextReport
  /// The section's value in the JSON report.
  func json() -> any JSONEncodable
  /// The section's columns in the per-person CSV (none by default).
  var csvColumns: [Table.Column] { get }
  /// The section's cells for one person, beside ``csvColumns``.
  func csvCells(person: Int) -> [Cell]
}

extension AnalyseSection {
  static func applies(to session: AnalysisSession) -> Bool { true }
  var csvColumns: [Table.Column] { [] }
  func csvCells(person: Int) -> [Cell] { [] }
}

/// What every section of one `analyse` run shares: the session (so what
/// one section computes, the next reuses), the communities in use, the
/// command line's settings and the progress line.
struct AnalyseContext {
  let session: AnalysisSession
  let communities: CommunitySource
  let arguments: ParsedArguments
  let progress: ProgressReporter

  var network: TrustNetwork { session.network }

  /// Runs a TrustCore question, phrasing its error for the command line.
  func ask<Value>(_ body: () throws(TrustQueryError) -> Value) throws(CommandFailure) -> Value {
    try usage(arguments, body)
  }
}

/// Every section, in report order.
let analyseSections: [any AnalyseSection.Type] = [
  SummarySection.self,
  CommunitiesSection.self,
  FormalSection.self,
  KeystonesSection.self,
  DiversitySection.self,
  TribesSection.self,
]
