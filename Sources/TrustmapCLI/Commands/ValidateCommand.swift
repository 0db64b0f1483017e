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
  static let formats: [OutputFormat] = [.text, .json]
  static let options: [any OptionDeclaration] = [Options.format(formats)]
  /// How many problems are listed.
  static let listed = 100

  static func run(_ arguments: ParsedArguments, output: (String) -> Void) throws(CommandFailure)
    -> String
  {
    let check = NetworkValidation(contentsOfFile: arguments.file, limit: listed)
    if arguments.format == .json {
      output(check.jsonText + "\n")
      if check.isValid { return "" }
      throw .input("")
    }
    let source = displayName(of: arguments.file)
    var text = ""
    for problem in check.problems { text += problem.formatted(source: source) + "\n" }
    if check.unlisted > 0 { text += "… and \(check.unlisted) more problems not listed\n" }
    let errors = "\(check.errorCount) error\(check.errorCount == 1 ? "" : "s")"
    let warnings = "\(check.warningCount) warning\(check.warningCount == 1 ? "" : "s")"
    guard check.isValid, let size = check.size else {
      throw .input(text + "\(source): invalid: \(errors), \(warnings)\n")
    }
    output(
      text
        + "\(source): valid: \(size.people) people, \(size.tieRecords) tie records, "
        + "\(size.strongTies) strong ties; \(warnings)\n")
    return ""
  }
}
