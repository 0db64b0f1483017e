import TrustCore

/// `trustmap convert IN OUT`: the network in another format, for Gephi,
/// networkx, igraph, Graphviz, Pajek, Neo4j or Spark GraphFrames, with each
/// person's results as node attributes on request.
enum ConvertCommand: Command {
  static let name = "convert"
  static let abstract =
    "Write the network in another format: GraphML, GEXF, CSV, node-link JSON, DOT, Pajek, …"
  static let discussion = """
    Writes trustmap JSON (json), GraphML (graphml), GEXF 1.2draft or 1.3 (gexf), Gephi's \
    CSV (csv: ties, people and communities), networkx's node-link JSON (node-link), Pajek \
    (pajek), a plain edge list (edgelist), Graphviz DOT (dot), Neo4j admin-import CSV \
    (neo4j: relationships and nodes) or the CSV pair Spark GraphFrames loads (graphframes: \
    edges and vertices). The format follows OUT's extension (.json, .graphml or .xml, \
    .gexf, .csv, .net, .edgelist, .dot) or --to. Formats of several files write OUT and, \
    beside it, OUT with -people, -communities, -nodes or -vertices before the extension. \
    People and ties keep the file's order. What each format cannot hold is in the design \
    notes ('Other formats: writing'). --with-results adds each person's tribe at every \
    level, component, first- and second-degree counts and, with --community, their in, \
    near or out group, as node attributes. The output is written to a temporary file \
    beside OUT and renamed when complete, so a failure leaves no half file; convert never \
    writes over its input.
    """
  static let trailingArguments = [
    PositionalArgument(
      name: "output",
      help: "The file to write, or - for standard output (formats of one file).",
      missing: "missing output file (a path, or - for standard output)")
  ]

  /// The formats `--to` takes, in the order messages list them.
  static let writableFormats = NetworkFormat.allCases.filter(\.canWrite)
  static let to = Option<NetworkFormat>(
    "--to", valueName: "format",
    help: "The format to write: "
      + writableFormats.map(\.rawValue).joined(separator: ", ")
      + ". (default: from the output's extension)"
  ) { text in
    if let format = NetworkFormat(rawValue: text), format.canWrite { return .value(format) }
    let names = writableFormats.map(\.rawValue)
    let note =
      NetworkFormat(rawValue: text) == nil ? "" : " (trustmap reads it but does not write it)"
    return .invalidWith(
      message: { _ in
        "invalid format '\(text)' for '--to'\(note); expected \(names.joined(separator: ", "))"
      }, suggestion: UsageError.didYouMean(closestCandidate(to: text, among: names)))
  }.choosing(writableFormats.map(\.rawValue))
  static let gexfVersion = Option<GEXFVersion>.choice(
    "--gexf-version", valueName: "version",
    help: "GEXF 1.2 (1.2draft, what Gephi writes) or 1.3.", default: .version12Draft)
  static let withResults = Option<Bool>.flag(
    "--with-results",
    help: "Add each person's tribes, component, first- and second-degree counts (and group, "
      + "with --community) as node attributes.")
  static let community = Option<String>.text(
    "--community", valueName: "id",
    help: "With --with-results, add each person's group (in, near, out) for this community."
  ).naming(.community)
  static let options: [any OptionDeclaration] = [
    to, gexfVersion, withResults, community, Options.communityBy, Options.nearDepth,
    Options.exact, Options.strong, Options.reciprocity, Options.context, Options.quiet,
  ]
  /// A shareable copy needs pseudonyms and fewer attributes; it reports no groups.
  static let privacyOptions = Options.privacy(minimumGroupSize: false)
  /// The options that shape only the results.
  static let resultOptions: [any OptionDeclaration] = [
    community, Options.communityBy, Options.nearDepth, Options.exact, Options.strong,
    Options.reciprocity, Options.context,
  ]

  static func run(_ arguments: ParsedArguments, output write: (String) -> Void)
    throws(CommandFailure) -> String
  {
    let outputPath = arguments.trailing.first ?? "-"
    let format = try chosenFormat(arguments, outputPath: outputPath)
    try checkOptions(arguments, format: format, outputPath: outputPath)
    let writer: NetworkWriter
    do {
      writer = try NetworkWriter(
        format: format,
        options: WriteOptions(gexfVersion: arguments.value(of: gexfVersion) ?? .version12Draft))
    } catch {
      throw .usage(UsageError(error.message, command: self))
    }
    let possibleParts: [NetworkFilePart] = [.main, .nodes, .communities]
    try OutputFile.refuseInputs(
      possibleParts.map { writer.path(of: $0, besides: outputPath) },
      inputs: [arguments.file] + arguments.sideFiles,
      command: self)

    let withResults = arguments.has(withResults)
    let progress = ProgressReporter(quiet: arguments.isQuiet, phases: withResults ? 4 : 2)
    progress.phase("reading the network")
    let original = try loadNetwork(arguments).network
    let prepared = try applyPrivacy(original, arguments)
    let (network, arguments) = (prepared.network, prepared.arguments)
    var results: NodeResults?
    if withResults {
      progress.phase("building the strong-tie graph")
      let session = try makeSession(network, arguments)
      progress.phase("tribes, components and degrees")
      let source = try communitySource(session, arguments)
      let query = NodeResultsQuery(
        community: arguments.value(of: community), communities: source,
        nearDepth: arguments.value(of: Options.nearDepth) ?? 1, exact: arguments.has(Options.exact))
      results = try usage(arguments) { () throws(TrustQueryError) in try query.run(in: session) }
    }
    progress.phase("writing \(format.rawValue)")
    let replaced =
      outputPath == "-"
      ? try writeToStandardOutput(writer, network, results, write)
      : try writeFiles(writer, network, results, besides: outputPath)
    var notes = warningNote(network, arguments)
    if replaced > 0 && !arguments.isQuiet {
      notes +=
        "trustmap: \(replaced) character\(replaced == 1 ? "" : "s") that \(format.rawValue) "
        + "cannot hold written as U+FFFD\n"
    }
    return notes + progress.finish()
  }

  /// `--to`, or the format OUT's extension names.
  private static func chosenFormat(_ arguments: ParsedArguments, outputPath: String)
    throws(CommandFailure) -> NetworkFormat
  {
    if let format = arguments.value(of: to) { return format }
    if outputPath != "-", let format = NetworkFormat(writingExtensionOf: outputPath) {
      return format
    }
    let names = writableFormats.map(\.rawValue).joined(separator: ", ")
    let subject =
      outputPath == "-"
      ? "standard output has no extension"
      : "cannot tell the format from '\(outputPath)'"
    throw .usage(UsageError("\(subject); give --to with one of \(names)", command: self))
  }

  /// The usage errors of options that do not fit together.
  private static func checkOptions(
    _ arguments: ParsedArguments, format: NetworkFormat, outputPath: String
  ) throws(CommandFailure) {
    if arguments.has(gexfVersion) && format != .gexf {
      throw .usage(
        UsageError("'--gexf-version' is for GEXF, not \(format.rawValue)", command: self))
    }
    if arguments.has(withResults) {
      if format == .pajek || format == .edgeList || format == .json {
        throw .usage(
          UsageError(
            "'--with-results' needs node attributes, which \(format.rawValue) does not have",
            command: self))
      }
      if arguments.has(Options.communityBy) && !arguments.has(community) {
        throw .usage(UsageError("'--community-by' needs '--community'", command: self))
      }
    } else if let option = resultOptions.first(where: { arguments.has($0) }) {
      throw .usage(UsageError("'\(option.name)' needs '--with-results'", command: self))
    }
    let writesSeveral = [NetworkFormat.csv, .neo4j, .graphFrames].contains(format)
    if outputPath == "-" && writesSeveral {
      throw .usage(
        UsageError(
          "\(format.rawValue) writes several files, so it needs a file name, not -",
          command: self))
    }
  }

  private static func writeToStandardOutput(
    _ writer: NetworkWriter, _ network: TrustNetwork, _ results: NodeResults?,
    _ write: (String) -> Void
  ) throws(CommandFailure) -> Int {
    do {
      return try writer.write(network, results: results) { write($0) }.replacedCharacters
    } catch {
      throw .cannotWrite("Error: cannot write to standard output: \(error.message)\n")
    }
  }

  /// Writes every part to its temporary file, then renames them all.
  private static func writeFiles(
    _ writer: NetworkWriter, _ network: TrustNetwork, _ results: NodeResults?,
    besides outputPath: String
  ) throws(CommandFailure) -> Int {
    var files: [OutputFile] = []
    var replaced = 0
    for part in writer.parts(for: network) {
      let file = try OutputFile(path: writer.path(of: part, besides: outputPath))
      files.append(file)
      do {
        replaced += try writer.write(network, results: results, part: part) { chunk in
          try file.write(chunk)
        }.replacedCharacters
      } catch {
        if let failure = error.underlying as? CommandFailure { throw failure }
        throw .cannotWrite("Error: cannot write '\(file.path)': \(error.message)\n")
      }
    }
    for file in files { try file.commit() }
    return replaced
  }
}
