import TrustCore

/// `trustmap validate FILE`: every problem, one per line, then a summary.
func runValidate(_ parsed: ParsedArguments) throws(CommandFailure) -> CommandResult {
  let format = try usage { () throws(UsageError) in try parsed.format() }
  let limit = 100
  let source = parsed.file == "-" ? "<stdin>" : parsed.file
  var diagnostics: [NetworkDiagnostic]
  var errorCount = 0
  var warningCount = 0
  var people = 0
  var ties = 0
  var strongTies = 0
  do {
    let network = try TrustNetwork(contentsOfFile: parsed.file, diagnosticLimit: limit)
    diagnostics = network.warnings
    warningCount = network.warnings.count
    people = network.people.count
    ties = network.ties.count
    // Building the default graph proves the file is usable, not only well formed.
    strongTies = (try? TrustGraph(network))?.strongTieCount ?? 0
  } catch {
    diagnostics = error.diagnostics
    errorCount = error.errorCount
    warningCount = error.warningCount
  }
  let total = errorCount + warningCount
  let shown = Array(diagnostics.prefix(limit))
  var result = CommandResult()
  result.status = errorCount > 0 ? ExitCode.invalidInput : ExitCode.success
  switch format {
  case .json:
    var json = JSONWriter()
    json.object { json in
      json.key("file")
      json.string(parsed.file)
      json.key("valid")
      json.bool(errorCount == 0)
      json.key("errors")
      json.int(errorCount)
      json.key("warnings")
      json.int(warningCount)
      if errorCount == 0 {
        json.key("people")
        json.int(people)
        json.key("ties")
        json.int(ties)
        json.key("strongTies")
        json.int(strongTies)
      }
      json.key("problems")
      json.array { json in
        for diagnostic in shown {
          json.object { json in
            json.key("severity")
            json.string(diagnostic.severity.rawValue)
            json.key("code")
            json.string(diagnostic.code.description)
            json.key("line")
            json.int(diagnostic.location?.line ?? 0)
            json.key("column")
            json.int(diagnostic.location?.column ?? 0)
            json.key("path")
            json.string(diagnostic.path)
            json.key("message")
            json.string(diagnostic.message)
          }
        }
      }
      json.key("unlisted")
      json.int(max(0, total - shown.count))
    }
    result.output = json.output + "\n"
  default:
    var text = ""
    for diagnostic in shown { text += diagnostic.formatted(source: source) + "\n" }
    if total > shown.count {
      text += "… and \(total - shown.count) more problems not listed\n"
    }
    let errorsText = "\(errorCount) error\(errorCount == 1 ? "" : "s")"
    let warningsText = "\(warningCount) warning\(warningCount == 1 ? "" : "s")"
    if errorCount == 0 {
      text +=
        "\(source): valid: \(people) people, \(ties) tie records, \(strongTies) strong ties; "
        + "\(warningsText)\n"
      result.output = text
    } else {
      text += "\(source): invalid: \(errorsText), \(warningsText)\n"
      result.errors = text
    }
  }
  return result
}
