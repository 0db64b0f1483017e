import TrustCore

/// Runs an analysis command: loads the network, builds the strong-tie graph
/// with the command line's settings, and renders the command's report.
func runAnalysis(_ parsed: ParsedArguments) throws(CommandFailure) -> CommandResult {
  let format = try usage { () throws(UsageError) in try parsed.format() }
  let progress = ProgressReporter(
    quiet: parsed.has(.quiet), phases: parsed.command.name == "analyse" ? 8 : 4)
  progress.phase("reading the network")
  let network = try loadNetwork(parsed)
  progress.phase("building the strong-tie graph")
  let graph = try buildGraph(network, parsed)
  progress.phase("analysing")
  let output: String
  switch parsed.command.name {
  case "reach":
    output = try reachReport(network, graph, parsed).render(network: network, format: format)
  case "joins":
    output = try joinsReport(network, graph, parsed).render(network: network, format: format)
  case "groups":
    output = try groupsReport(network, graph, parsed).render(network: network, format: format)
  case "diversity":
    output = try diversityReport(network, graph, parsed).render(network: network, format: format)
  case "tribes":
    output = try tribesReport(network, graph, parsed).render(network: network, format: format)
  default:
    let sections = try analyseSections(network, graph, parsed, progress: progress)
    progress.phase("writing the report")
    output = renderReport(sections, network: network, format: format)
  }
  let timings = progress.finish()
  return CommandResult(output: output, errors: warningSummary(network, parsed) + timings)
}

/// `trustmap analyse FILE`: the overall report, one section per analysis.
func analyseSections(
  _ network: TrustNetwork, _ graph: TrustGraph, _ parsed: ParsedArguments,
  progress: ProgressReporter
) throws(CommandFailure) -> [any ReportSection] {
  let communities = try selectedCommunities(network, parsed, graph: graph)
  let needed = try usage { () throws(UsageError) in
    try parsed.positiveInteger(.introducers, default: 1)
  }
  let depth = try usage { () throws(UsageError) in
    try parsed.positiveInteger(.nearDepth, default: 1, minimum: 0)
  }
  let known = ["summary", "communities", "diversity", "tribes"]
  let asked = parsed.value(.sections).map { $0.split(separator: ",").map(String.init) } ?? known
  for name in asked where !known.contains(name) {
    throw .usage(
      UsageError(
        message:
          "unknown section '\(name)' for '--sections'; expected \(known.joined(separator: ", "))",
        command: parsed.command,
        suggestion: closestName(to: name, among: known).map { "Did you mean '\($0)'?" }))
  }
  var sections: [any ReportSection] = []
  // One breadth-first renumbering of the graph serves the components, the
  // degree counts, the join summaries and the tribes' first level; made
  // when the first of them needs it.
  var renumbered: LocalGraph?
  func local() -> LocalGraph {
    if let renumbered { return renumbered }
    let made = LocalGraph(graph)
    renumbered = made
    return made
  }
  if asked.contains("summary") {
    progress.phase("summary and components")
    let components = Components(local())
    let summary = NetworkSummary(
      network, graph: graph, communities: communities, components: components)
    progress.phase("degrees of trust")
    let degrees = TrustDegreeCounts(local())
    sections.append(
      SummarySection(summary: summary, graph: graph, components: components, degrees: degrees))
  }
  if asked.contains("communities") {
    progress.phase("communities")
    sections.append(
      CommunitiesSection(
        network, graph: graph, local: local(), communities: communities, nearDepth: depth,
        introducersNeeded: needed))
  }
  if asked.contains("diversity") {
    progress.phase("diversity")
    sections.append(
      DiversitySection(
        analyses: DiversityAnalysis.analyses(
          graph, columns: network.attributeKeys.map { network.people.attributeColumn($0) })))
  }
  if asked.contains("tribes") {
    progress.phase("tribes")
    sections.append(TribesSection(hierarchy: TribeHierarchy(network, graph: graph, local: local())))
  }
  return sections
}
