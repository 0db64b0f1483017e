import TrustCore

/// `trustmap validate FILE`: every problem in a file, then a summary.
enum ValidateCommand: Command {
  static let name = "validate"
  static let abstract = "Check a network file and list every problem in it."
  static let discussion = """
    Lists every problem, one per line, as FILE:LINE:COLUMN: error|warning: PATH: message \
    (the first hundred, then how many more), then a one-line summary. Exits 1 if there \
    is any error, 0 otherwise (warnings allowed).
    """
  static let networkArguments = NetworkArguments.many
  /// It reports on the file to whoever holds it: no pseudonyms.
  static let privacyOptions: [any OptionDeclaration] = []
  static let formats: [OutputFormat] = [.text, .json]
  static let options: [any OptionDeclaration] = [Options.format(formats)]
  /// How many problems are listed.
  static let listed = 100

  static func run(_ arguments: ParsedArguments, output: (String) -> Void) throws(CommandFailure)
    -> String
  {
    try ReportBatch.run(arguments, output: output) { arguments throws(CommandFailure) in
      var digest: InputDigest?
      let check: NetworkValidation
      do {
        let file = try NetworkFile(
          path: arguments.file, digestingInBackground: arguments.format.hasProvenance)
        check = NetworkValidation(
          file: file, format: arguments.inputFormat, options: arguments.readOptions, limit: listed)
        if arguments.format.hasProvenance { digest = file.digest() }
      } catch {
        check = NetworkValidation(contentsOfFile: arguments.file, limit: listed)
      }
      let report = ValidationReport(check: check)
      let provenance = Provenance(
        input: digest, settings: KeyedList(keys: [], values: []), seed: nil)
      // In text, an invalid file's problems and verdict go to standard error, a valid one's to
      // standard output; in JSON, every verdict is the report.
      let failure: String? =
        check.isValid ? nil : (arguments.format == .text ? report.problemsText : "")
      return BatchItem(report: report, provenance: { provenance }, failure: failure)
    }
  }
}

/// What `validate` says of one file.
struct ValidationReport: Report {
  var check: NetworkValidation
  let namesItsFile = true

  /// The problems, one per line, then how many more there are.
  private var problemLines: String {
    let source = displayName(of: check.source)
    var text = ""
    for problem in check.problems { text += problem.formatted(source: source) + "\n" }
    if check.unlisted > 0 { text += "… and \(check.unlisted) more problems not listed\n" }
    return text
  }

  private var counts: (errors: String, warnings: String) {
    let errors = check.errorCount
    let warnings = check.warningCount
    return (
      "\(errors) error\(errors == 1 ? "" : "s")", "\(warnings) warning\(warnings == 1 ? "" : "s")"
    )
  }

  /// An invalid file's problems and verdict, for standard error.
  var problemsText: String {
    let source = displayName(of: check.source)
    return problemLines + "\(source): invalid: \(counts.errors), \(counts.warnings)\n"
  }

  func text() -> TextReport {
    var text = TextReport()
    // An invalid file's text is all on standard error (``problemsText``).
    guard check.isValid, let size = check.size else { return text }
    for line in problemLines.split(separator: "\n") { text.line(String(line)) }
    text.line(
      "\(displayName(of: check.source)): valid: \(size.people) people, \(size.tieRecords) tie "
        + "records, \(size.strongTies) strong ties; \(counts.warnings)"
        + weightSummary)
    return text
  }

  /// `; weights scaled by 1/10 (the largest weight); 2 ties with a negative
  /// weight left out`, or nothing when the weights were read as they were.
  private var weightSummary: String {
    let adjusted = check.weightAdjustments
    var text = ""
    if let largest = adjusted.largestWeight {
      text += "; weights scaled by 1/\(formatNumber(largest)) (the largest weight)"
    }
    let dropped = adjusted.droppedNegative
    if dropped > 0 {
      text += "; \(dropped) tie\(dropped == 1 ? "" : "s") with a negative weight left out"
    }
    return text
  }

  func json() -> any JSONEncodable { check }

  func csv() -> Table { Table(columns: []) }
}
