import Dispatch

/// Diversity versus volume for one attribute (docs/design.md, 'Diversity
/// versus volume'): per person, how broad their strong ties are; for the
/// network, whether like trusts like, and whether more contacts mean broader
/// ones.
///
/// The figures come from the files beside this one: each person's row
/// (``PersonDiversity``), the mixing over ties (``Mixing``), Spearman's
/// correlation (``spearmanCorrelation(_:_:)``), narrow people and the yield
/// bands (DiversityYield.swift) and the permutation tests
/// (PermutationTests.swift).
///
/// ```swift
/// let column = network.people.attributeColumn("team")
/// let diversity = DiversityAnalysis(graph, column: column)
/// print(diversity.assortativity ?? "n/a", diversity.narrow.count)
/// ```
///
/// - Complexity: O(*n* + *m*), plus O(*n* log *n*) for the ranks and the
///   percentiles; each permutation adds O(*n* + *m*).
package struct DiversityAnalysis: Sendable, Hashable {
  /// The attribute.
  package var attribute: String
  /// How many values the attribute takes in the network (K).
  package var valueCount: Int
  /// One row per person, in file order.
  package var people: [PersonDiversity]
  /// Newman's attribute assortativity over the strong ties whose two ends have
  /// the attribute; `nil` when undefined (no such tie, or one value only).
  package var assortativity: Double?
  /// The network E-I index over those ties; `nil` when there are none.
  package var eiIndex: Double?
  /// The E-I index of each value, in order of first appearance in the file.
  package var valueEIIndex: [ValueEIIndex]
  /// Spearman's rank correlation between volume and Blau over the people whose
  /// Blau is defined (average ranks for ties); `nil` when undefined.
  package var volumeBlauSpearman: Double?
  /// Many contacts, all alike: volume at or above the nearest-rank 75th
  /// percentile (over people with volume ≥ 1) and Blau below the median Blau.
  package var narrow: [Int32]
  /// The volume threshold used for ``narrow`` (`nil` when nobody qualifies).
  package var narrowVolumeThreshold: Int?
  /// The median Blau used for ``narrow``.
  package var medianBlau: Double?
  /// Mean Blau by volume band: does more mean broader here?
  package var yield: [YieldBand]
  /// Permutation tests, when asked for.
  package var significance: Significance?

  /// The E-I index of the strong ties touching one value.
  package struct ValueEIIndex: Sendable, Hashable {
    /// The value.
    package var value: String
    /// People with the value.
    package var people: Int
    /// Ties with both ends at the value.
    package var internalTies: Int
    /// Ties from the value to another value.
    package var externalTies: Int
    /// (external − internal) / (external + internal); `nil` with no ties.
    package var eiIndex: Double?
  }

  /// The analyses of several attributes, computed at once on every thread allowed
  /// (each is independent), in the order given.
  package static func analyses(_ graph: TrustGraph, columns: [AttributeColumn])
    -> [DiversityAnalysis]
  {
    eachInParallel(columns) { DiversityAnalysis(graph, column: $0) }
  }

  /// The network's figures of several attributes (``overview(_:column:)``),
  /// computed as ``analyses(_:columns:)`` computes the analyses.
  package static func overviews(_ graph: TrustGraph, columns: [AttributeColumn])
    -> [DiversityOverview]
  {
    eachInParallel(columns) { overview(graph, column: $0) }
  }

  /// `make` of each column, at most ``Parallelism/threadCount`` at once, each
  /// in its own slot, in the order given.
  private static func eachInParallel<Made: Sendable>(
    _ columns: [AttributeColumn], _ make: @Sendable (AttributeColumn) -> Made
  ) -> [Made] {
    if columns.count <= 1 { return columns.map(make) }
    let results = HugePageBuffer<Made?>(repeating: nil, count: columns.count)
    forEachBlockInParallel(count: columns.count, block: 1) { _, range in
      for index in range { results.pointer[index] = make(columns[index]) }
    }
    return results.array.compactMap { $0 }
  }

  /// Computes the analysis of `column` on `graph`.
  ///
  /// - Parameters:
  ///   - permutations: shuffles of the attribute's values across the people who
  ///     have it, for p-values of the E-I index and assortativity (0: none).
  ///   - seed: the seed of the shuffles.
  package init(
    _ graph: TrustGraph, column: AttributeColumn, permutations: Int = 0, seed: UInt64 = 1
  ) {
    attribute = column.key
    let codes = column.codes
    let k = column.values.count
    valueCount = k
    people = PersonDiversity.rows(graph, codes: codes, valueCount: k)
    let mixing = Mixing(graph, codes: codes, valueCount: k)
    assortativity = mixing.assortativity
    eiIndex = mixing.eiIndex
    var peopleWithValue = [Int](repeating: 0, count: k)
    for code in codes where code >= 0 { peopleWithValue[Int(code)] += 1 }
    valueEIIndex = (0..<k).map { value in
      let internalTies = mixing.internalByValue[value]
      let externalTies = mixing.externalByValue[value]
      let total = internalTies + externalTies
      return ValueEIIndex(
        value: column.values[value], people: peopleWithValue[value], internalTies: internalTies,
        externalTies: externalTies,
        eiIndex: total > 0 ? Double(externalTies - internalTies) / Double(total) : nil)
    }
    let columns = VolumeAndBlau(people)
    volumeBlauSpearman = columns.volumeBlauSpearman
    (narrow, narrowVolumeThreshold, medianBlau) = columns.narrowPeople()
    yield = Self.yieldTable(columns)
    significance =
      permutations > 0
      ? Self.permutationTests(
        graph, codes: codes, valueCount: k, observedEI: eiIndex,
        observedAssortativity: assortativity,
        permutations: permutations, seed: seed) : nil
  }
}

extension DiversityAnalysis {
  /// The network's figures alone for `column`, as `analyse` lists them, from
  /// each person's volume and Blau (``VolumeAndBlau``) without the rows.
  ///
  /// ```swift
  /// let overview = DiversityAnalysis.overview(graph, column: network.people.attributeColumn("team"))
  /// ```
  ///
  /// - Complexity: O(*n* + *m*), plus O(*n* log *n*) for the percentiles;
  ///   12 bytes a person.
  package static func overview(_ graph: TrustGraph, column: AttributeColumn) -> DiversityOverview {
    let k = column.values.count
    let columns = VolumeAndBlau(graph, codes: column.codes, valueCount: k)
    let mixing = Mixing(graph, codes: column.codes, valueCount: k)
    return DiversityOverview(
      attribute: column.key, valueCount: k, assortativity: mixing.assortativity,
      eiIndex: mixing.eiIndex, volumeBlauSpearman: columns.volumeBlauSpearman,
      narrowCount: columns.narrowPeople().people.count)
  }
}
