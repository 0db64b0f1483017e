/// Builds the strong- and weak-tie adjacency arrays of a ``TrustGraph`` from
/// the tie records (docs/design.md, 'From ties to the trust graph'), on every
/// core, with the same result on any number of them, in three steps:
///
/// 1. *Bucket* (``TieBuckets``). Each kept record goes to the bucket of its
///    lower end, one counting sort; the records are split into parts, one
///    per worker, and each part fills its own slice of every bucket, in
///    record order.
/// 2. *Fold* (``FoldedPairs``). Each bucket is sorted by the higher end and a
///    pair's records folded into one entry: its strongest record per
///    direction gives the pair's weight (the stronger direction, or with
///    `mutualOnly` the weaker, present both ways), strong when the weight
///    reaches the threshold.
/// 3. *Spread* (``FoldedPairs/spread()``). Both directions of every pair into
///    the compressed arrays. A person's run is their lower neighbours then
///    their higher ones, each ascending; the parts write disjoint positions,
///    found from counts of the higher ends per part.
///
/// ```swift
/// let built = StrongTieGraphBuilder(
///   ties: network.ties, personCount: network.people.count, threshold: 0.5,
///   mutualOnly: false, keepsContext: [true]
/// ).build()
/// print(built.strong.targets.count / 2)  // strong ties
/// ```
///
/// - Complexity: O(*n* + *m*) for *n* people and *m* records, plus sorting each
///   bucket (O(*k* log *k*) for a bucket of *k*); about 16 bytes per record and
///   12 bytes per person and worker while building.
struct StrongTieGraphBuilder {
  /// One side's compressed adjacency (the weak side has no weights).
  struct Adjacency {
    var offsets: [Int]
    var targets: [Int32]
    var weights: [Double]
  }

  /// What ``build(parts:)`` returns.
  struct Result {
    var strong: Adjacency
    var weak: Adjacency
    var reciprocatedPairCount: Int
    var keptRecordCount: Int
  }

  let ties: Ties
  let personCount: Int
  let threshold: Double
  let mutualOnly: Bool
  /// Per context code, whether the filter keeps it (all true: no filter).
  let keepsContext: [Bool]

  /// Below this many records one thread does everything.
  static let parallelMinimumRecords = 1 << 16

  /// Builds the adjacency with `parts` workers (by default one per core, at most 4).
  ///
  /// - Complexity: as for the type.
  func build(parts requested: Int? = nil) -> Result {
    let (buckets, pairs) = fold(parts: requested)
    let (strong, weak) = pairs.spread()
    return Result(
      strong: strong, weak: weak, reciprocatedPairCount: pairs.reciprocatedPairCount,
      keptRecordCount: buckets.keptCount)
  }

  /// How many strong ties the graph has, from the first two steps alone:
  /// what `validate` reports, without laying out the arrays (a fifth of
  /// building the graph of L).
  ///
  /// ```swift
  /// builder.strongTieCount() == builder.build().strong.targets.count / 2  // true
  /// ```
  ///
  /// - Complexity: as for the type, without the spread.
  func strongTieCount(parts requested: Int? = nil) -> Int {
    let pairs = fold(parts: requested).pairs
    var total = 0
    for person in 0..<personCount { total += Int(pairs.strongAbove.pointer[person]) }
    return total
  }

  /// Steps 1 and 2 with `requested` workers (by default one per core, at most 4).
  private func fold(parts requested: Int?) -> (buckets: TieBuckets, pairs: FoldedPairs) {
    let parts = max(
      1, requested ?? (ties.count >= Self.parallelMinimumRecords ? min(workerCount, 4) : 1))
    let buckets = TieBuckets(
      ties, personCount: personCount, keepsContext: keepsContext, parts: parts)
    return (
      buckets, FoldedPairs(buckets, threshold: threshold, mutualOnly: mutualOnly, parts: parts)
    )
  }
}
