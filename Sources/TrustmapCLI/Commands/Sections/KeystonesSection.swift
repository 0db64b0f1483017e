import TrustCore

/// The keystones section of `analyse`: the ten people whose leaving cuts off most.
struct KeystonesSection: AnalyseSection {
  static let name = "keystones"
  let report: KeystoneReport
  let count: Int
  let network: TrustNetwork

  init(_ context: AnalyseContext) throws(CommandFailure) {
    context.progress.phase("keystones")
    let session = context.session
    let answer = try context.ask { () throws(TrustQueryError) in
      try KeystonesQuery(communities: .file).run(in: session)
    }
    count = answer.keystones.people.count
    report = KeystoneReport(answer, network: session.network, limit: 10)
    network = session.network
  }

  func text() -> TextReport {
    var text = TextReport()
    text.line("Keystones (\(count) people whose leaving would split trust; the first ten)")
    if report.keystones.isEmpty {
      text.line("  none: no one's leaving would cut anyone off")
    } else {
      text.table(KeystonesText.table(report.keystones, network: network, limit: 10))
    }
    return text
  }

  func json() -> any JSONEncodable { KeystonesOverview(count: count, keystones: report.keystones) }
}

/// The section's JSON: how many keystones, and the first ten.
private struct KeystonesOverview: JSONEncodable {
  let count: Int
  let keystones: [KeystoneReport.Keystone]

  func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("count", count)
      json.key("top")
      json.array { json in
        for keystone in keystones {
          json.object { json in
            json.field("id", keystone.id)
            json.field("cutOff", keystone.cutOff)
          }
        }
      }
    }
  }
}
