import TrustCore

/// A command of the tool: one type that declares its name, aliases, what it
/// does, its options and formats, and runs. ``commandRegistry`` lists them
/// all once; dispatch, `--help`, `help <command>` and the usage lines are
/// generated from these declarations.
///
/// ```swift
/// enum ReachCommand: AnalysisCommand {
///   static let name = "reach"
///   static let abstract = "Whom a person trusts, who is pre-credentialed to them, …"
///   static let options: [any OptionDeclaration] = [Options.person.required(), …]
///   …
/// }
/// ```
protocol Command: Sendable {
  /// The name typed after `trustmap`.
  static var name: String { get }
  /// Other names accepted for it (in dispatch and in `help`).
  static var aliases: [String] { get }
  /// One line: what it is for.
  static var abstract: String { get }
  /// A paragraph: what it computes.
  static var discussion: String { get }
  /// The network files it reads: none (`generate`), one, one or more (`analyse A B C`), or
  /// two (`diff OLD NEW`).
  static var networkArguments: NetworkArguments { get }
  /// Positional arguments after the network files (`convert`'s output), in order.
  static var trailingArguments: [PositionalArgument] { get }
  /// Its options, in the order help lists them.
  static var options: [any OptionDeclaration] { get }
  /// The privacy options it takes (``Options/privacy(minimumGroupSize:)``):
  /// by default all of them when it reads a network, none otherwise.
  static var privacyOptions: [any OptionDeclaration] { get }
  /// The input options it takes (InputOptions.swift): by default all of
  /// them when it reads a network, none otherwise.
  static var inputOptions: [any OptionDeclaration] { get }
  /// What the command line adds to a report's provenance beyond the
  /// questions' own settings (the sections of `analyse`).
  static func commandLineSettings(_ arguments: ParsedArguments) -> [(String, SettingValue)]
  /// Runs with `arguments`, writing the report through `output`; returns
  /// what goes to standard error on success (warnings, timings).
  static func run(_ arguments: ParsedArguments, output: (String) -> Void) throws(CommandFailure)
    -> String
}

extension Command {
  static var aliases: [String] { [] }
  static var networkArguments: NetworkArguments { .one }
  static var trailingArguments: [PositionalArgument] { [] }
  static var privacyOptions: [any OptionDeclaration] {
    networkArguments.names.isEmpty ? [] : Options.privacy(minimumGroupSize: true)
  }
  static var inputOptions: [any OptionDeclaration] {
    networkArguments.names.isEmpty ? [] : InputOptions.all
  }
  /// The options help lists apart, each group under its own heading and
  /// as one part of the usage line (`[<input options>]`), since every
  /// command that reads a network or writes about people takes them alike.
  static var optionGroups: [OptionGroup] {
    [
      OptionGroup(name: "input options", options: inputOptions),
      OptionGroup(name: "privacy options", options: privacyOptions),
    ].filter { !$0.options.isEmpty }
  }
  /// Whether `--output` is the shared one, the report to a file, rather than
  /// the command's own: `render` and `report` write their picture or page to
  /// theirs and have no report to write.
  static var writesReportToOutput: Bool {
    !options.contains { $0.name == Options.output.name }
      && Options.shared(for: self).contains { $0.name == Options.output.name }
  }
  /// Every option the parser accepts and help lists: the command's own,
  /// then those every command shares (`--output`; `--help` is handled before).
  static var allOptions: [any OptionDeclaration] {
    options
      + Options.shared(for: self).filter { shared in
        !options.contains { $0.name == shared.name }
      }
  }
}

/// Options that help lists under a heading of their own (`INPUT OPTIONS:`)
/// and the usage line names as one part (`[<input options>]`).
struct OptionGroup {
  /// `input options`: the heading, upper-cased, and the usage part.
  var name: String
  /// Its options, in the order help lists them.
  var options: [any OptionDeclaration]

  /// The names of every option in `groups`.
  static func names(in groups: [OptionGroup]) -> Set<String> {
    Set(groups.flatMap { $0.options.map(\.name) })
  }
}

/// The network files a command reads, and how help names them.
enum NetworkArguments: Sendable {
  /// None.
  case none
  /// One: `<network>`.
  case one
  /// One or more, each reported in turn: `<network>...`.
  case many
  /// Two: `<old> <new>`.
  case pair

  /// The placeholders, in order.
  var names: [String] {
    switch self {
    case .none: return []
    case .one: return ["<network>"]
    case .many: return ["<network>..."]
    case .pair: return ["<old>", "<new>"]
    }
  }

  /// How many files at least, and at most (`nil`: no limit).
  var count: (least: Int, most: Int?) {
    switch self {
    case .none: return (0, 0)
    case .one: return (1, 1)
    case .many: return (1, nil)
    case .pair: return (2, 2)
    }
  }

  /// What each placeholder is, for the ARGUMENTS section.
  var help: [String] {
    // Every reader's format, so a new user sees their export is welcome (--input-format).
    let formats = "trustmap JSON, CSV, GraphML, GEXF, node-link JSON, Pajek, VNA or an edge list"
    let file = "a network file (\(formats)), or - for standard input"
    switch self {
    case .none: return []
    case .one: return ["The network file (\(formats)), or - for standard input."]
    case .many:
      return [
        "One or more network files (\(formats)), or - for standard input; "
          + "each is reported in turn, and the exit status is 1 if any cannot be used."
      ]
    case .pair: return ["The earlier network: \(file).", "The later network: \(file)."]
    }
  }
}

/// A positional argument after the network file: its placeholder, its help,
/// and the message when it is missing.
///
/// ```swift
/// PositionalArgument(name: "output", help: "The file to write.", missing: "missing output file")
/// ```
struct PositionalArgument: Sendable {
  /// The placeholder in usage lines, without brackets (`output`).
  var name: String
  /// One or two sentences for the ARGUMENTS section.
  var help: String
  /// The usage error when it is not given.
  var missing: String
  /// Every value it takes, when they are a fixed few (`bash`, `zsh`, `fish`);
  /// `nil`: a path, which shells complete as a file name.
  var choices: [String]? = nil
}

/// Every command, in the order `trustmap --help` lists them: adding a
/// command is its file and one line here.
let commandRegistry: [any Command.Type] = [
  AnalyseCommand.self,
  ReachCommand.self,
  JoinsCommand.self,
  GroupsCommand.self,
  DiversityCommand.self,
  TribesCommand.self,
  FormalCommand.self,
  BrokersCommand.self,
  CascadeCommand.self,
  DiffCommand.self,
  KeystonesCommand.self,
  AdviseCommand.self,
  GenerateCommand.self,
  ValidateCommand.self,
  ConvertCommand.self,
  RenderCommand.self,
  ReportCommand.self,
  CompletionsCommand.self,
  ManualCommand.self,
]

/// The command called `name` or with `name` among its aliases.
func command(named name: String) -> (any Command.Type)? {
  commandRegistry.first { $0.name == name || $0.aliases.contains(name) }
}
