import TrustCore

/// `trustmap report FILE -o report.html`: one self-contained HTML page with
/// every section of `analyse` explained in words, the map, warm and cold
/// bars per community, the diversity yield chart, the tribes, the formal
/// structure, keystones and a cascade sweep.
enum ReportCommand: Command {
  static let name = "report"
  static let abstract = "Write one self-contained HTML report: every figure explained, the map."
  static let discussion = """
    Writes one HTML file that needs nothing else (its style, pictures and a small sorting \
    script are inside it; it fetches nothing, and reads fully without the script): the \
    summary with a sentence on each figure, the map (as 'render' draws it), each community's \
    warm and cold joiners as a bar with its in, near and out sizes and coherence, the formal \
    structure and keystones, a speak-up cascade from the best-connected people told as its \
    tipping threshold, the diversity yield chart per attribute, and the tribes with their \
    dominant values. It prints well. --sections chooses among the sections of 'analyse' \
    (summary, communities, formal, keystones, diversity, tribes) and map and cascade.
    """
  /// Every section, in page order.
  static let sectionNames = [
    "summary", "map", "communities", "formal", "keystones", "cascade", "diversity", "tribes",
  ]
  static let sections = Option<[String]>(
    "--sections", valueName: "list",
    help: "The report's sections, comma-separated: " + sectionNames.joined(separator: ", ")
      + ". (default: all)"
  ) { text in
    let asked = text.split(separator: ",").map(String.init)
    if let unknown = asked.first(where: { !sectionNames.contains($0) }) {
      return .invalidWith(
        message: { _ in
          "unknown section '\(unknown)' for '--sections'; expected "
            + sectionNames.joined(separator: ", ")
        }, suggestion: UsageError.didYouMean(closestCandidate(to: unknown, among: sectionNames)))
    }
    return .value(asked)
  }
  static let options: [any OptionDeclaration] = [
    PictureOutput.short, PictureOutput.long, sections, Options.communityBy, Options.introducers,
    Options.nearDepth, RenderCommand.colorBy, RenderCommand.maxPeople, Options.seed,
    Options.strong, Options.reciprocity, Options.context, Options.quiet,
  ]
  /// How many of the best-connected people start the report's cascade.
  static let cascadeStarters = 3

  static func run(_ arguments: ParsedArguments, output write: (String) -> Void)
    throws(CommandFailure) -> String
  {
    let path = try PictureOutput.path(arguments)
    let asked = arguments.value(of: sections)
    let wanted = asked.map { names in sectionNames.filter { names.contains($0) } } ?? sectionNames
    let progress = ProgressReporter(quiet: arguments.isQuiet, phases: 4 + wanted.count)
    progress.phase("reading the network")
    let loaded = try loadNetwork(arguments)
    // A picture of data about real people obeys the same privacy options as a table.
    let prepared = try applyPrivacy(loaded.network, arguments)
    let network = prepared.network
    let arguments = prepared.arguments
    progress.phase("building the strong-tie graph")
    let session = try makeSession(network, arguments)
    let context = AnalyseContext(
      session: session, communities: try communitySource(session, arguments),
      arguments: arguments, progress: progress)
    var page = ReportPage(network: network, session: session)
    for name in wanted {
      if let type = analyseSections.first(where: { $0.name == name }) {
        guard asked != nil || type.applies(to: session) else { continue }
        page.analyse.append(try type.init(context))
        if name == "diversity" {
          page.diversity = try usage(arguments) { () throws(TrustQueryError) in
            try DiversityQuery().run(in: session)
          }
        }
        if name == "tribes" { page.tribes = session.tribes() }
      } else if name == "map" {
        progress.phase("map")
        var options = MapOptions(seed: arguments.value(of: Options.seed) ?? 1)
        options.colorBy = arguments.value(of: RenderCommand.colorBy)
        options.maxPeople =
          arguments.value(of: RenderCommand.maxPeople) ?? QuerySettings.mapMaxPeople.defaultValue
          ?? 5000
        page.map = try RenderCommand.drawMap(session, arguments, options: options)
      } else if name == "cascade", network.people.count > 0 {
        progress.phase("cascade")
        page.cascade = try cascadeSweep(session, arguments)
      }
    }
    page.order = wanted
    progress.phase("writing the report")
    try PictureOutput.write(page.html(), to: path, write: write)
    return warningNote(loaded.network, arguments) + progress.finish()
  }

  /// The sweep of thresholds from the best-connected few (most strong ties,
  /// then file order).
  static func cascadeSweep(_ session: AnalysisSession, _ arguments: ParsedArguments)
    throws(CommandFailure) -> ReportPage.Cascade
  {
    let graph = session.graph
    let people = session.network.people
    var order = Array(0..<graph.personCount)
    order.sort { (graph.degree(of: $0), -$0) > (graph.degree(of: $1), -$1) }
    let starters = Array(order.prefix(cascadeStarters))
    let query = CascadeQuery(start: starters.map { people.id(of: $0) })
    let sweep = try usage(arguments) { () throws(TrustQueryError) in try query.sweep(in: session) }
    return ReportPage.Cascade(
      starters: starters.map { people.name(of: $0) }, shares: sweep.shares,
      tippingThreshold: sweep.tippingThreshold)
  }
}
