/// The undirected strong-tie graph every analysis shares (docs/design.md §4), as a
/// compressed adjacency array, with the weak ties kept apart.
///
/// People are the network's indices `0 ..< personCount`. `neighbours(of:)`
/// lists a person's strong-tie neighbours in ascending index order (so in
/// file order), with `weights(of:)` beside them.
///
/// ```swift
/// let graph = try TrustGraph(network, settings: StrongTieSettings(threshold: 0.7))
/// for friend in graph.neighbours(of: 0) { print(network.people.id(of: Int(friend))) }
/// ```
///
/// - Complexity: building is O(*n* + *m*) for *n* people and *m* tie records
///   (see ``StrongTieGraphBuilder``), on every core; memory about 16 bytes per
///   record while building and 24 bytes per strong tie after.
package struct TrustGraph: Sendable {
  /// How many people (vertices).
  package let personCount: Int
  /// The threshold that was applied.
  package let threshold: Double
  /// The settings the graph was built with.
  package let settings: StrongTieSettings
  /// `offsets[p] ..< offsets[p + 1]` index `targets` and `strengths` for person `p`.
  package let offsets: [Int]
  /// Strong-tie neighbours, each person's run sorted ascending.
  package let targets: [Int32]
  /// The weight of each strong tie in `targets` (its strength per docs/design.md §4.4).
  package let strengths: [Double]
  /// Weak-tie adjacency, same layout.
  package let weakOffsets: [Int]
  /// Weak-tie neighbours, each person's run sorted ascending.
  package let weakTargets: [Int32]
  /// Pairs with a kept record in both directions (a mutual record counts).
  package let reciprocatedPairCount: Int
  /// Kept records (after the context filter, self-ties excluded).
  package let keptRecordCount: Int

  /// How many strong ties (undirected pairs).
  package var strongTieCount: Int { targets.count / 2 }
  /// How many weak ties (kept pairs that are not strong).
  package var weakTieCount: Int { weakTargets.count / 2 }

  /// The strong-tie neighbours of `person`, ascending.
  @inlinable
  package func neighbours(of person: Int) -> ArraySlice<Int32> {
    targets[offsets[person]..<offsets[person + 1]]
  }

  /// The weights of `person`'s strong ties, beside ``neighbours(of:)``.
  @inlinable
  package func weights(of person: Int) -> ArraySlice<Double> {
    strengths[offsets[person]..<offsets[person + 1]]
  }

  /// The weak-tie neighbours of `person`, ascending.
  @inlinable
  package func weakNeighbours(of person: Int) -> ArraySlice<Int32> {
    weakTargets[weakOffsets[person]..<weakOffsets[person + 1]]
  }

  /// How many strong ties `person` has (the volume of docs/design.md §5.8).
  @inlinable
  package func degree(of person: Int) -> Int { offsets[person + 1] - offsets[person] }

  /// Calls `body` with a handle on the strong-tie adjacency (offsets,
  /// targets and weights), for loops that read it many times.
  ///
  /// ```swift
  /// let friendsOfFriends = graph.withAdjacency { adjacency in
  ///   adjacency.row(of: 0).reduce(0) { $0 + adjacency.degree(of: adjacency.target(at: $1)) }
  /// }
  /// ```
  ///
  /// - Complexity: O(1) besides `body`.
  @inline(__always)
  func withAdjacency<Result>(_ body: (AdjacencyHandle) throws -> Result) rethrows -> Result {
    // The scopes are opened here, on the stored arrays, rather than by
    // forwarding `body` to `AdjacencyHandle.with`: that cost Leiden's local
    // moves 6 % more instructions (pointers spilled in the inner loop).
    try offsets.withUnsafeBufferPointer { offsets in
      try targets.withUnsafeBufferPointer { targets in
        try strengths.withUnsafeBufferPointer { weights in
          try body(AdjacencyHandle(offsets: offsets, targets: targets, weights: weights))
        }
      }
    }
  }

  /// Builds the graph of `network` with `settings`.
  ///
  /// - Throws: ``StrongTieSettingsError`` for a context no tie uses or a threshold outside [0, 1].
  package init(_ network: TrustNetwork, settings: StrongTieSettings = StrongTieSettings())
    throws(StrongTieSettingsError)
  {
    let builder = try Self.builder(network, settings: settings)
    let built = builder.build()
    self.personCount = network.people.count
    self.threshold = builder.threshold
    self.settings = settings
    offsets = built.strong.offsets
    targets = built.strong.targets
    strengths = built.strong.weights
    weakOffsets = built.weak.offsets
    weakTargets = built.weak.targets
    reciprocatedPairCount = built.reciprocatedPairCount
    keptRecordCount = built.keptRecordCount
  }

  /// How many strong ties the graph of `network` with `settings` has
  /// (``strongTieCount``), without building it: `validate`'s count.
  ///
  /// - Throws: as ``init(_:settings:)``.
  /// - Complexity: O(*n* + *m*), the graph's build without its layout.
  package static func strongTieCount(
    of network: TrustNetwork, settings: StrongTieSettings = StrongTieSettings()
  ) throws(StrongTieSettingsError) -> Int {
    try builder(network, settings: settings).strongTieCount()
  }

  /// The builder of `network`'s graph with `settings`, once they are checked.
  private static func builder(_ network: TrustNetwork, settings: StrongTieSettings)
    throws(StrongTieSettingsError) -> StrongTieGraphBuilder
  {
    let threshold =
      settings.threshold ?? network.strongTieThreshold ?? StrongTieSettings.defaultThreshold
    guard threshold >= 0 && threshold <= 1 else {
      throw StrongTieSettingsError(
        unknownContexts: [], knownContexts: [], invalidThreshold: threshold)
    }
    let ties = network.ties
    var selected = [Bool](repeating: settings.contexts.isEmpty, count: ties.contextNames.count)
    var unknown: [String] = []
    for name in settings.contexts {
      if let code = ties.contextNames.index(of: name) {
        selected[code] = true
      } else {
        unknown.append(name)
      }
    }
    guard unknown.isEmpty else {
      throw StrongTieSettingsError(
        unknownContexts: unknown, knownContexts: network.contexts, invalidThreshold: nil)
    }
    return StrongTieGraphBuilder(
      ties: ties, personCount: network.people.count, threshold: threshold,
      mutualOnly: settings.reciprocity == .mutual, keepsContext: selected)
  }
}
