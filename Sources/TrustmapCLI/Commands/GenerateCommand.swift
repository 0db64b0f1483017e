import TrustCore

/// `trustmap generate`: a synthetic organisation, streamed to standard
/// output or `--output`, so any size fits.
enum GenerateCommand: Command {
  static let name = "generate"
  static let abstract =
    "Write a synthetic organisation in the network format, for trials and benchmarks."
  static let discussion = """
    Teams of about 100 in sites of 10 teams, with team, site and level attributes, a \
    reports-to tree, homophilous strong and weak ties with strengths and contexts, and a \
    few guilds that span teams. The same seed gives the same file. The network is \
    streamed, so any size fits: S is 10,000 people and 100,000 ties, M 100,000 and \
    1,000,000, L 1,000,000 and 10,000,000.
    """
  static let networkArguments = NetworkArguments.none
  static let people = Option<Int>.integer(
    "--people", valueName: "n", setting: QuerySettings.generatedCount, help: "How many people.",
    defaultText: "1000")
  static let ties = Option<Int>.integer(
    "--ties", valueName: "m", setting: QuerySettings.generatedCount,
    help: "How many tie records.", defaultText: "10 per person")
  static let options: [any OptionDeclaration] = [people, ties, Options.seed]

  static func run(_ arguments: ParsedArguments, output write: (String) -> Void)
    throws(CommandFailure) -> String
  {
    let people = arguments.value(of: people) ?? 1000
    let ties = arguments.value(of: ties) ?? people * 10
    guard people < Int(Int32.max), ties < Int(Int32.max) else {
      throw .usage(
        UsageError("--people and --ties must be below \(Int32.max)", command: self))
    }
    let generator = NetworkGenerator(
      people: people, ties: ties, seed: arguments.value(of: Options.seed) ?? 1)
    generator.write(to: write)
    return ""
  }
}
