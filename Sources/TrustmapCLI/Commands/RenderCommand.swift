import TrustCore

/// `trustmap render FILE -o map.svg`: the strong-tie graph as an SVG picture.
enum RenderCommand: Command {
  static let name = "render"
  static let abstract =
    "Draw the network as an SVG map: tribes, strong ties, a community or a person."
  static let discussion = """
    Lays out the strong-tie graph (a seeded multilevel spring-electrical layout that keeps \
    tribes together; the same picture on every machine) and draws people as circles coloured \
    by level-0 tribe (or --color-by) and sized by strong ties, strong ties as lines as wide \
    as they are strong, reports-to links faint and dashed, and names for the best-connected \
    people, none overlapping. --community draws its in, near and out groups as three rings \
    of emphasis; --person the person's first and second degree and their introducers' paths. \
    Networks of more than --max-people people are drawn as their tribes: discs sized by \
    members, lines as wide as the strong ties between them. The result is SVG 1.1, viewable \
    in any browser; names are always text.
    """
  static let colorBy = Option<String>.text(
    "--color-by", valueName: "attribute",
    help: "Colour people by this attribute (or tribe:LEVEL). (default: the level-0 tribe)")
  static let community = Option<String>.text(
    "--community", valueName: "id",
    help: "Emphasise this community's in, near and out groups (see --community-by).")
  static let person = Option<String>.text(
    "--person", valueName: "id",
    help: "Emphasise this person's first and second degree and their introducers.")
  static let maxPeople = Option<Int>.integer(
    "--max-people", valueName: "n", setting: QuerySettings.mapMaxPeople,
    help: "Above this many people, draw the tribes instead.")
  static let labels = Option<Int>.integer(
    "--labels", valueName: "n", setting: QuerySettings.mapLabels,
    help: "Name at most this many of the best-connected people.")
  static let options: [any OptionDeclaration] = [
    PictureOutput.short, PictureOutput.long, colorBy, community, Options.communityBy,
    Options.nearDepth, person, maxPeople, labels, Options.seed, Options.strong,
    Options.reciprocity, Options.context, Options.quiet,
  ]

  static func run(_ arguments: ParsedArguments, output write: (String) -> Void)
    throws(CommandFailure) -> String
  {
    let path = try PictureOutput.path(arguments)
    if arguments.has(community) && arguments.has(person) {
      throw .usage(UsageError("give --community or --person, not both", command: self))
    }
    if arguments.has(Options.communityBy) && !arguments.has(community) {
      throw .usage(UsageError("'--community-by' needs '--community'", command: self))
    }
    let progress = ProgressReporter(quiet: arguments.isQuiet, phases: 5)
    progress.phase("reading the network")
    let loaded = try loadNetwork(arguments)
    // A picture of data about real people obeys the same privacy options as a table.
    let prepared = try applyPrivacy(loaded.network, arguments)
    let network = prepared.network
    let arguments = prepared.arguments
    progress.phase("building the strong-tie graph")
    let session = try makeSession(network, arguments)
    progress.phase("tribes and layout")
    let map = try drawMap(session, arguments, options: mapOptions(session, arguments))
    progress.phase("writing the SVG")
    try PictureOutput.write(map.svg(), to: path, write: write)
    return warningNote(loaded.network, arguments) + progress.finish()
  }

  /// The map options the command line gives.
  static func mapOptions(_ session: AnalysisSession, _ arguments: ParsedArguments)
    throws(CommandFailure) -> MapOptions
  {
    MapOptions(
      colorBy: arguments.value(of: colorBy), community: arguments.value(of: community),
      communities: try communitySource(session, arguments),
      nearDepth: arguments.value(of: Options.nearDepth) ?? 1,
      person: arguments.value(of: person),
      maxPeople: arguments.value(of: maxPeople) ?? QuerySettings.mapMaxPeople.defaultValue ?? 5000,
      seed: arguments.value(of: Options.seed) ?? 1,
      labels: arguments.value(of: labels) ?? QuerySettings.mapLabels.defaultValue ?? 20)
  }

  /// Draws the map, phrasing TrustCore's errors with the command's options.
  static func drawMap(
    _ session: AnalysisSession, _ arguments: ParsedArguments, options: MapOptions
  ) throws(CommandFailure) -> TrustMap {
    try usage(arguments, attributeOption: "--color-by") { () throws(TrustQueryError) in
      try MapQuery(options).run(in: session)
    }
  }
}
