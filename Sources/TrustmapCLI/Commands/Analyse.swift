import TrustCore

/// `trustmap analyse FILE`: the overall report, a list of sections.
func runAnalysis(_ parsed: ParsedArguments) throws(CommandFailure) -> CommandResult {
  let format = try usage { () throws(UsageError) in try parsed.format() }
  let network = try loadNetwork(parsed)
  let graph = try buildGraph(network, parsed)
  let sections: [any ReportSection]
  let standalone: (any StandaloneReport)?
  switch parsed.command.name {
  case "reach": standalone = try reachReport(network, graph, parsed)
  case "joins": standalone = try joinsReport(network, graph, parsed)
  case "groups": standalone = try groupsReport(network, graph, parsed)
  case "diversity": standalone = try diversityReport(network, graph, parsed)
  default: standalone = nil
  }
  if let standalone {
    return CommandResult(
      output: standalone.render(network: network, format: format),
      errors: warningSummary(network, parsed))
  }
  switch parsed.command.name {
  default:
    let communities = try selectedCommunities(network, parsed)
    let needed = try usage { () throws(UsageError) in
      try parsed.positiveInteger(.introducers, default: 1)
    }
    let depth = try usage { () throws(UsageError) in
      try parsed.positiveInteger(.nearDepth, default: 1, minimum: 0)
    }
    let summary = NetworkSummary(network, graph: graph, communities: communities)
    sections = [
      SummarySection(summary: summary, graph: graph, components: Components(graph)),
      CommunitiesSection(
        network, graph: graph, communities: communities, nearDepth: depth, introducersNeeded: needed
      ),
    ]
  }
  return CommandResult(
    output: renderReport(sections, network: network, format: format),
    errors: warningSummary(network, parsed))
}
