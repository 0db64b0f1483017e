import TrustCore

/// The formal section of `analyse`, for networks with reports-to links:
/// the strong ties by class, the cross-unit share and the managers none of
/// whose reports trusts them.
struct FormalSection: AnalyseSection {
  static let name = "formal"
  let answer: FormalAnswer
  let network: TrustNetwork
  let groups: GroupSuppression

  /// The managers with no trusted report, but none whose team (they and
  /// their span) is under `--min-group`.
  private var lonely: [ManagerReach] {
    answer.managers.filter { $0.reportsWithStrongTie == 0 && !groups.hides($0.span + 1) }
  }

  static func applies(to session: AnalysisSession) -> Bool { session.forest.linkCount > 0 }

  init(_ context: AnalyseContext) throws(CommandFailure) {
    context.progress.phase("formal structure")
    let session = context.session
    answer = try context.ask { () throws(TrustQueryError) in try FormalQuery().run(in: session) }
    network = session.network
    groups = GroupSuppression(context.arguments)
  }

  func text() -> TextReport {
    var report = TextReport()
    report.line("Formal versus social (strong ties by their place in the reports-to tree)")
    report.append(FormalReportText.classes(answer.classes))
    let share = formatNumber(answer.units.crossUnitShare, decimals: 3)
    report.line("  cross-unit share of strong ties (units at depth 1): \(share)")
    if !lonely.isEmpty {
      report.line(
        "  formal authority only (no report trusts them): "
          + spokenList(lonely.map { network.people.name(of: $0.person) }, limit: 10))
    }
    return report
  }

  func json() -> any JSONEncodable {
    var overview = FormalOverview(answer, network: network)
    overview.managersWithoutTrustedTie = lonely.map { network.people.id(of: $0.person) }
    return overview
  }
}
