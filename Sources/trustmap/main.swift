import TrustCore
let t0 = ContinuousClock.now
do {
  let n = try TrustNetwork(contentsOfFile: CommandLine.arguments[1])
  print(n.people.count, n.ties.count, n.communities.count, n.warnings.count, ContinuousClock.now - t0)
} catch {
  for d in error.diagnostics { print(d.formatted(source: error.source)) }
  print(error.errorCount)
}
