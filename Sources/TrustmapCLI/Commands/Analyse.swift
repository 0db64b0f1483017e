import TrustCore

/// Runs an analysis command: loads the network, builds the strong-tie graph
/// with the command line's settings, and renders the command's report.
func runAnalysis(_ parsed: ParsedArguments) throws(CommandFailure) -> CommandResult {
  let format = try usage { () throws(UsageError) in try parsed.format() }
  let network = try loadNetwork(parsed)
  let graph = try buildGraph(network, parsed)
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
    output = renderReport(
      try analyseSections(network, graph, parsed), network: network, format: format)
  }
  return CommandResult(output: output, errors: warningSummary(network, parsed))
}

/// `trustmap analyse FILE`: the overall report, one section per analysis.
func analyseSections(_ network: TrustNetwork, _ graph: TrustGraph, _ parsed: ParsedArguments)
  throws(CommandFailure) -> [any ReportSection]
{
  let communities = try selectedCommunities(network, parsed)
  let needed = try usage { () throws(UsageError) in
    try parsed.positiveInteger(.introducers, default: 1)
  }
  let depth = try usage { () throws(UsageError) in
    try parsed.positiveInteger(.nearDepth, default: 1, minimum: 0)
  }
  let summary = NetworkSummary(network, graph: graph, communities: communities)
  return [
    SummarySection(summary: summary, graph: graph, components: Components(graph)),
    CommunitiesSection(
      network, graph: graph, communities: communities, nearDepth: depth, introducersNeeded: needed),
    DiversitySection(
      analyses: network.attributeKeys.map {
        DiversityAnalysis(graph, column: network.people.attributeColumn($0))
      }),
    TribesSection(hierarchy: TribeHierarchy(network, graph: graph)),
  ]
}
