import TrustCore

/// The options commands share, each declared once with its parser, default
/// and help; a command lists the ones it takes.
enum Options {
  // MARK: Output

  /// `--format`, listing only the formats the command writes.
  /// A command that writes JSON also writes JSON Lines (one document per network per line).
  static func format(_ declared: [OutputFormat]) -> Option<OutputFormat> {
    var withLines = declared
    if let json = withLines.firstIndex(of: .json), !withLines.contains(.jsonl) {
      withLines.insert(.jsonl, at: json + 1)
    }
    let formats = withLines
    let names = formats.map(\.rawValue)
    let spoken =
      names.count <= 2
      ? names.joined(separator: " or ")
      : names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    return Option(
      "--format", valueName: "format", help: "Output format: \(spoken). (default: text)"
    ) { text in
      if let format = OutputFormat(rawValue: text), formats.contains(format) {
        return .value(format)
      }
      return .invalidWith(
        message: { command in
          "invalid format '\(text)' for '\(command)'; expected \(names.joined(separator: ", "))"
        }, suggestion: UsageError.didYouMean(closestCandidate(to: text, among: names)))
    }.choosing(names)
  }

  /// `--csv-raw`: CSV cells exactly as they are, without the formula guard.
  static let csvRaw = Option<Bool>.flag(
    "--csv-raw",
    help: "In CSV, write text cells exactly; by default a cell starting with =, +, -, @, tab "
      + "or carriage return gets a leading ' so spreadsheets do not run it as a formula.")

  /// `--format`, and `--csv-raw` when CSV is among the formats.
  static func formatting(_ declared: [OutputFormat]) -> [any OptionDeclaration] {
    [format(declared)] + (declared.contains(.csv) ? [csvRaw] : [])
  }

  /// `--quiet`.
  static let quiet = Option<Bool>.flag(
    "--quiet", help: "Print nothing on standard error but errors.")

  // MARK: The strong-tie graph

  /// `--strong`.
  static let strong = Option<Double>.number(
    "--strong", valueName: "threshold", setting: QuerySettings.threshold,
    help: "Strength at or above which a tie is strong, 0 to 1.",
    defaultText: "the file's, else 0.5")
  /// `--reciprocity`.
  static let reciprocity = Option<StrongTieSettings.Reciprocity>.choice(
    "--reciprocity", valueName: "rule",
    help: "any: one direction suffices; mutual: both must reach the threshold.",
    default: .any)
  /// `--context`.
  static let context = Option<String>.text(
    "--context", valueName: "name", repeatable: true,
    help: "Keep only ties in this context (and general ones). Repeatable. (default: all)")

  /// The options every analysis takes, in the order help lists them.
  static func graph(formats: [OutputFormat]) -> [any OptionDeclaration] {
    formatting(formats) + [strong, reciprocity, context]
  }

  // MARK: Who and which

  /// `--person`.
  static let person = Option<String>.text("--person", valueName: "id", help: "The person, by id.")
    .naming(.person)
  /// `--community`.
  static let community = Option<String>.text(
    "--community", valueName: "id", help: "The community, by id (see --community-by)."
  ).naming(.community)
  /// `--community-by`.
  static let communityBy = Option<String>.text(
    "--community-by", valueName: "attribute",
    help: "Instead of the file's communities, one per value of this attribute (id "
      + "ATTR=VALUE), or per tribe (tribe, tribe:LEVEL).")
  /// `--introducers`.
  static let introducers = Option<Int>.integer(
    "--introducers", valueName: "k", setting: QuerySettings.introducersNeeded,
    help: "How many introducers make an introduced join warm.")
  /// `--near-depth`.
  static let nearDepth = Option<Int>.integer(
    "--near-depth", valueName: "d", setting: QuerySettings.nearDepth,
    help: "Strong-tie distance from a member that counts as near.")

  /// `--exact`.
  static let exact = Option<Bool>.flag(
    "--exact",
    help: "Count every second degree exactly, however long it takes. (default: exact within "
      + "a work budget, beyond it estimated within a stated error and marked ≈)")

  // MARK: Shared by every command

  /// `--output`: the report to a file, written beside it and renamed when complete.
  static let output = Option<String>.text(
    "--output", valueName: "file",
    help: "Write the report to this file (written whole, then renamed into place) instead of "
      + "standard output.")

  /// The options every command takes besides its own: `--output` where the
  /// report is the only output, the input options where it reads a network
  /// (InputOptions.swift), and the privacy options where it is about people.
  static func shared(for command: any Command.Type) -> [any OptionDeclaration] {
    (command.trailingArguments.isEmpty ? [output] : []) + command.inputOptions
      + command.privacyOptions
  }

  // MARK: Randomness

  /// `--seed`.
  static let seed = Option<UInt64>.seed(
    "--seed", valueName: "s", setting: QuerySettings.seed,
    help: "The seed of anything random, for reproducible results.")
}

/// The output formats.
enum OutputFormat: String, Sendable, CaseIterable {
  case text, json, jsonl, csv

  /// Whether reports in this format end with their provenance.
  var hasProvenance: Bool { self == .json || self == .jsonl }
}

extension ParsedArguments {
  /// `--format`, text by default.
  var format: OutputFormat {
    let option = command.allOptions.first { $0.name == "--format" }
    return option.flatMap { values(named: $0.name).last as? OutputFormat } ?? .text
  }

  /// `--strong`, `--reciprocity`, `--context`.
  var strongTieSettings: StrongTieSettings {
    StrongTieSettings(
      threshold: value(of: Options.strong), reciprocity: value(of: Options.reciprocity) ?? .any,
      contexts: values(of: Options.context))
  }

  /// `--quiet`.
  var isQuiet: Bool { has(Options.quiet) }

  /// `--csv-raw`: CSV text cells unguarded.
  var isCSVRaw: Bool { has(Options.csvRaw) }
}
