extension DiversityAnalysis {
  /// The permutation tests of ``init(_:column:permutations:seed:)``.
  package struct Significance: Sendable, Hashable {
    /// How many shuffles.
    package var permutations: Int
    /// The seed of the shuffles.
    package var seed: UInt64
    /// The test of the network E-I index.
    package var eiIndex: PermutationTest?
    /// The test of assortativity.
    package var assortativity: PermutationTest?
  }

  /// One permutation test: where the observed figure falls among shuffles.
  package struct PermutationTest: Sendable, Hashable {
    /// The observed figure.
    package var observed: Double
    /// The mean over the shuffles where it was defined.
    package var permutedMean: Double
    /// (1 + shuffles at or above the observed) / (1 + shuffles).
    package var pAtLeast: Double
    /// (1 + shuffles at or below the observed) / (1 + shuffles).
    package var pAtMost: Double
    /// (1 + shuffles at least as far from the mean) / (1 + shuffles).
    package var pTwoSided: Double
  }

  /// Permutation tests of the network E-I index and assortativity: the
  /// attribute's values shuffled `permutations` times across the people who
  /// have one (Fisher–Yates, seeded with `seed`), each shuffle's figures
  /// computed as the observed ones were, and the observed figures placed
  /// among them (a small tolerance counts ties as equal).
  ///
  /// ```swift
  /// let tests = DiversityAnalysis.permutationTests(
  ///   graph, codes: column.codes, valueCount: column.values.count, observedEI: 0.2,
  ///   observedAssortativity: 0.6, permutations: 99, seed: 1)
  /// print(tests.assortativity?.pAtLeast ?? "n/a")
  /// ```
  ///
  /// - Complexity: O(*permutations* × (*n* + *m*)).
  static func permutationTests(
    _ graph: TrustGraph, codes: [Int32], valueCount: Int, observedEI: Double?,
    observedAssortativity: Double?, permutations: Int, seed: UInt64
  ) -> Significance {
    var random = SeededRandom(seed: seed)
    let holders = codes.indices.filter { codes[$0] >= 0 }
    var values = holders.map { codes[$0] }
    var shuffled = codes
    var eiSamples: [Double] = []
    var assortativitySamples: [Double] = []
    for _ in 0..<permutations {
      // Fisher–Yates over the values held, then put them back on the holders.
      if values.count > 1 {
        for index in stride(from: values.count - 1, to: 0, by: -1) {
          values.swapAt(index, random.below(index + 1))
        }
      }
      for (slot, person) in holders.enumerated() { shuffled[person] = values[slot] }
      let mixing = Mixing(graph, codes: shuffled, valueCount: valueCount)
      if let ei = mixing.eiIndex { eiSamples.append(ei) }
      if let r = mixing.assortativity { assortativitySamples.append(r) }
    }
    func test(_ observed: Double?, _ samples: [Double]) -> PermutationTest? {
      guard let observed, !samples.isEmpty else { return nil }
      let mean = samples.reduce(0, +) / Double(samples.count)
      let tolerance = 1e-12
      let above = samples.filter { $0 >= observed - tolerance }.count
      let below = samples.filter { $0 <= observed + tolerance }.count
      let far = samples.filter { abs($0 - mean) >= abs(observed - mean) - tolerance }.count
      let total = Double(samples.count + 1)
      return PermutationTest(
        observed: observed, permutedMean: mean, pAtLeast: Double(above + 1) / total,
        pAtMost: Double(below + 1) / total, pTwoSided: Double(far + 1) / total)
    }
    return Significance(
      permutations: permutations, seed: seed, eiIndex: test(observedEI, eiSamples),
      assortativity: test(observedAssortativity, assortativitySamples))
  }
}
