import Dispatch

/// How tribes are found: the quality, its resolution, the seed and restarts.
///
/// ```swift
/// var settings = TribeSettings()
/// settings.resolution = 0.5   // fewer, larger tribes
/// settings.seed = 7
/// ```
public struct TribeSettings: Sendable, Hashable {
  /// γ for level 0; level k uses γ · 2^-k.
  public var resolution: Double
  /// The seed of every random choice.
  public var seed: UInt64
  /// Modularity (default) or the constant Potts model.
  public var quality: ClusteringQuality
  /// Ignore the strengths (every strong tie weighs 1) while finding tribes.
  public var unweighted: Bool
  /// Runs per level, keeping the best; `nil`: 10 under 100,000 strong ties, else 1.
  public var restarts: Int?

  /// Creates settings; the defaults are modularity at γ = 1, seed 1.
  public init(
    resolution: Double = 1, seed: UInt64 = 1, quality: ClusteringQuality = .modularity,
    unweighted: Bool = false, restarts: Int? = nil
  ) {
    self.resolution = resolution
    self.seed = seed
    self.quality = quality
    self.unweighted = unweighted
    self.restarts = restarts
  }

  /// The restarts used on a graph with `strongTies` ties.
  public func effectiveRestarts(strongTies: Int) -> Int {
    max(1, restarts ?? (strongTies < 100_000 ? 10 : 1))
  }
}

/// Tribes, and tribes of tribes (docs/design.md §5.10): Leiden on the strong-tie graph,
/// then Leiden again on each level's aggregate graph at half the resolution,
/// until one group remains or nothing merges.
///
/// ```swift
/// let tribes = TribeHierarchy(network, graph: graph)
/// for tribe in tribes.levels[0].tribes { print(tribe.id, tribe.members.count) }
/// ```
///
/// - Complexity: about O(*m*) per Leiden pass and restart; the levels above
///   work on ever smaller graphs.
package struct TribeHierarchy: Sendable {
  /// The settings used.
  package var settings: TribeSettings
  /// The runs per level that were kept from.
  package var restarts: Int
  /// Level 0 (the tribes) first.
  package var levels: [TribeLevel]

  /// Finds the tribes of `graph`, describing them with `network`'s attributes.
  ///
  /// On graphs of at least `localOrderMinimum` people, level 0 runs on the
  /// graph renumbered breadth first (``LocalGraph``; `local` when given, so
  /// callers that have one do not walk the graph again): neighbours then sit
  /// close in memory, which Leiden's passes over a million people gain from
  /// more than anything else. With `maximumLevels`, the levels stop there
  /// (1: the tribes alone, which is all a comparison of snapshots needs);
  /// the levels found are the same as without it.
  package init(
    _ network: TrustNetwork, graph: TrustGraph, settings: TribeSettings = TribeSettings(),
    localOrderMinimum: Int = 50_000, local: LocalGraph? = nil, progress: ProgressHook? = nil,
    maximumLevels: Int = .max
  ) {
    self.settings = settings
    let restarts = settings.effectiveRestarts(strongTies: graph.strongTieCount)
    self.restarts = restarts
    // Without a tie there is no neighbour to bring close: no renumbering.
    let renumbers = graph.personCount >= localOrderMinimum && graph.strongTieCount > 0
    let local = renumbers ? local ?? LocalGraph(graph) : nil
    let order = local?.order
    let base = ClusteringGraph(graph, unweighted: settings.unweighted, local: local)
    let strengths =
      settings.unweighted || order != nil ? ClusteringGraph(graph, unweighted: false) : base
    var levels: [TribeLevel] = []
    var personTribe = [Int32](repeating: 0, count: graph.personCount)
    var current = base
    var level = 0
    var resolution = settings.resolution
    while true {
      let leiden = Leiden(quality: settings.quality, resolution: resolution)
      // Level 0 is nearly all the work: the levels above cluster tribes.
      let membership = Self.bestOfRestarts(
        leiden, graph: current, restarts: restarts, seed: settings.seed, level: level,
        progress: level == 0 ? progress : nil)
      let groups = Int((membership.max() ?? -1) + 1)
      if level > 0 && groups >= current.nodeCount { break }  // nothing merges
      if level == 0 {
        if let order {
          for (node, person) in order.enumerated() { personTribe[Int(person)] = membership[node] }
        } else {
          personTribe = membership
        }
      } else {
        personTribe = personTribe.map { membership[Int($0)] }
      }
      let quality = leiden.value(of: membership, on: current)  // the same in any numbering
      let described = TribeLevel(
        level: level, personTribe: personTribe, below: levels.last, network: network, graph: graph,
        strengths: strengths, resolution: resolution, quality: quality)
      personTribe = described.tribeOf
      levels.append(described)
      if described.tribes.count <= 1 || levels.count >= maximumLevels { break }
      // No tie between tribes: the next level's graph would have no edge,
      // so nothing could merge (each node would stay alone, and the loop
      // stop there); people without ties no longer pay for that graph.
      if described.links.isEmpty { break }
      let tribeOfNode =
        order.map { order in order.map { described.tribeOf[Int($0)] } } ?? described.tribeOf
      current = base.aggregated(by: tribeOfNode, clusterCount: described.tribes.count)
      level += 1
      resolution /= 2
    }
    self.levels = levels
  }

  /// Runs Leiden `restarts` times with seeds derived from `seed`, on every
  /// thread allowed, and keeps the best quality (the earliest restart on a tie), so
  /// the result does not depend on the number of threads. `progress` hears
  /// the mean of the restarts' fractions done, once per Leiden iteration.
  static func bestOfRestarts(
    _ leiden: Leiden, graph: ClusteringGraph, restarts: Int, seed: UInt64, level: Int,
    progress: ProgressHook? = nil
  )
    -> [Int32]
  {
    // Without a tie no node has a neighbouring cluster: every restart ends
    // where it starts, each node alone (people without ties cost 10
    // restarts over millions of nodes for nothing).
    if graph.targets.isEmpty {
      progress?(1)
      return (0..<graph.nodeCount).map { Int32(truncatingIfNeeded: $0) }
    }
    let results = ResultSlots<([Int32], Double)>(count: restarts)
    let shares = ProgressShares(progress, count: restarts)
    // At most ``Parallelism/threadCount`` restarts at once, each in its own slot.
    forEachBlockInParallel(count: restarts, block: 1) { _, range in
      for restart in range {
        var random = SeededRandom(seed: derivedSeed(seed, level: level, restart: restart))
        let membership = leiden.run(
          graph, random: &random,
          iterated: shares.map { shares in { shares.set(restart, to: $0) } })
        results.set(restart, (membership, leiden.value(of: membership, on: graph)))
        shares?.set(restart, to: 1)
      }
    }
    var best = 0
    let all = results.values
    for restart in 1..<restarts where (all[restart]?.1 ?? -.infinity) > (all[best]?.1 ?? -.infinity)
    {
      best = restart
    }
    return all[best]?.0 ?? (0..<graph.nodeCount).map { Int32(truncatingIfNeeded: $0) }
  }
}

/// A seed for one restart of one level, mixed from the user's seed.
func derivedSeed(_ seed: UInt64, level: Int, restart: Int) -> UInt64 {
  if level == 0 && restart == 0 { return seed }
  var random = SeededRandom(
    seed: seed ^ (UInt64(level) << 32) ^ UInt64(restart) &* 0x9E37_79B9_7F4A_7C15)
  return random.next()
}

/// Fixed slots written from concurrent iterations, each slot by one iteration only.
final class ResultSlots<Value>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLockLike()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Value) {
    lock.withLock { slots[index] = value }
  }

  var values: [Value?] { lock.withLock { slots } }
}

/// A tiny mutex over a Dispatch semaphore (no Foundation needed).
final class NSLockLike: @unchecked Sendable {
  private let semaphore = DispatchSemaphore(value: 1)
  func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
    semaphore.wait()
    defer { semaphore.signal() }
    return try body()
  }
}
