import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Diversity versus volume for one attribute (spec §3): per person, how broad
/// their strong ties are; for the network, whether like trusts like, and
/// whether more contacts mean broader ones.
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

  /// People whose volume falls in one band, and their mean Blau.
  package struct YieldBand: Sendable, Hashable {
    /// The band's label: `1`, `2-3`, `4-7`, `8-15` or `16+`.
    package var label: String
    /// The smallest volume in the band.
    package var minimumVolume: Int
    /// The largest volume in the band (`nil`: no upper bound).
    package var maximumVolume: Int?
    /// People in the band.
    package var people: Int
    /// Of those, people whose Blau is defined.
    package var withBlau: Int
    /// Their mean Blau; `nil` when none.
    package var meanBlau: Double?
  }

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

  /// The analyses of several attributes, computed at once on every core
  /// (each is independent), in the order given.
  package static func analyses(_ graph: TrustGraph, columns: [AttributeColumn])
    -> [DiversityAnalysis]
  {
    if columns.count <= 1 { return columns.map { DiversityAnalysis(graph, column: $0) } }
    let results = HugePageBuffer<DiversityAnalysis?>(repeating: nil, count: columns.count)
    DispatchQueue.concurrentPerform(iterations: columns.count) { index in
      results.pointer[index] = DiversityAnalysis(graph, column: columns[index])
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
    people = Self.perPerson(graph, codes: codes, valueCount: k)
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
    let defined = people.filter { $0.blau != nil }
    volumeBlauSpearman = spearmanCorrelation(
      defined.map { Double($0.volume) }, defined.map { $0.blau ?? 0 })
    (narrow, narrowVolumeThreshold, medianBlau) = Self.narrowPeople(people)
    yield = Self.yieldTable(people)
    significance =
      permutations > 0
      ? Self.permutationTests(
        graph, codes: codes, valueCount: k, observedEI: eiIndex,
        observedAssortativity: assortativity,
        permutations: permutations, seed: seed) : nil
  }

  /// Each person's row, in blocks of people on every core (each worker with
  /// its own counts), the same on any number of cores.
  private static func perPerson(_ graph: TrustGraph, codes: [Int32], valueCount: Int)
    -> [PersonDiversity]
  {
    let maximumBlau = valueCount > 1 ? 1 - 1 / Double(valueCount) : 0
    let empty = PersonDiversity(
      person: 0, volume: 0, blau: nil, iqv: nil, entropyBits: nil, distinct: 0, eiIndex: nil,
      missing: 0)
    let rows = HugePageBuffer<PersonDiversity>(repeating: empty, count: graph.personCount)
    let counts = HugePageBuffer<[Int]>(
      repeating: [Int](repeating: 0, count: valueCount), count: workerCount)
    forEachBlockInParallel(count: graph.personCount, block: 4096) { worker, range in
      var touched: [Int32] = []
      var tally = counts.pointer[worker]
      counts.pointer[worker] = []  // moved out, so writes do not copy it
      for person in range {
        rows.pointer[person] = row(
          of: person, graph: graph, codes: codes, maximumBlau: maximumBlau, counts: &tally,
          touched: &touched)
      }
      counts.pointer[worker] = tally
    }
    return rows.array
  }

  /// One person's row; `counts` is all zeros before and after.
  @inline(__always)
  private static func row(
    of person: Int, graph: TrustGraph, codes: [Int32], maximumBlau: Double, counts: inout [Int],
    touched: inout [Int32]
  ) -> PersonDiversity {
    let neighbours = graph.neighbours(of: person)
    var missing = 0
    var same = 0
    var different = 0
    let own = codes[person]
    touched.removeAll(keepingCapacity: true)
    for neighbour in neighbours {
      let code = codes[Int(neighbour)]
      if code < 0 {
        missing += 1
        continue
      }
      if counts[Int(code)] == 0 { touched.append(code) }
      counts[Int(code)] += 1
      if own >= 0 {
        if code == own { same += 1 } else { different += 1 }
      }
    }
    let n = neighbours.count - missing
    var sumOfSquares = 0
    var entropy = 0.0
    for code in touched {
      let count = counts[Int(code)]
      sumOfSquares += count * count
      let share = Double(count) / Double(n)
      entropy -= share * log2(share)
      counts[Int(code)] = 0
    }
    let blau: Double? = n > 0 ? Double(n * n - sumOfSquares) / Double(n * n) : nil
    return PersonDiversity(
      person: person, volume: neighbours.count, blau: blau,
      iqv: blau.flatMap { maximumBlau > 0 ? $0 / maximumBlau : nil },
      entropyBits: n > 0 ? max(0, entropy) : nil, distinct: touched.count,
      eiIndex: own >= 0 && n > 0 ? Double(different - same) / Double(n) : nil, missing: missing)
  }

  private static func narrowPeople(_ people: [PersonDiversity]) -> ([Int32], Int?, Double?) {
    let volumes = people.map(\.volume).filter { $0 >= 1 }.sorted()
    let blaus = people.compactMap(\.blau).sorted()
    guard !volumes.isEmpty, !blaus.isEmpty else { return ([], nil, nil) }
    let rank = (3 * volumes.count + 3) / 4  // ceil(0.75 n), counted from 1
    let threshold = volumes[rank - 1]
    let m = blaus.count
    let median = m % 2 == 1 ? blaus[m / 2] : (blaus[m / 2 - 1] + blaus[m / 2]) / 2
    let narrow = people.filter { row in
      row.volume >= threshold && (row.blau.map { $0 < median } ?? false)
    }.map { Int32(truncatingIfNeeded: $0.person) }
    return (narrow, threshold, median)
  }

  private static func yieldTable(_ people: [PersonDiversity]) -> [YieldBand] {
    let bands: [(String, Int, Int?)] = [
      ("1", 1, 1), ("2-3", 2, 3), ("4-7", 4, 7), ("8-15", 8, 15), ("16+", 16, nil),
    ]
    return bands.map { label, low, high in
      let inBand = people.filter { row in
        row.volume >= low && (high.map { row.volume <= $0 } ?? true)
      }
      let blaus = inBand.compactMap(\.blau)
      return YieldBand(
        label: label, minimumVolume: low, maximumVolume: high, people: inBand.count,
        withBlau: blaus.count,
        meanBlau: blaus.isEmpty ? nil : blaus.reduce(0, +) / Double(blaus.count))
    }
  }

  private static func permutationTests(
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

/// One person's diversity for one attribute.
package struct PersonDiversity: Sendable, Hashable {
  /// The person (index).
  package var person: Int
  /// How many strong ties (first-degree contacts).
  package var volume: Int
  /// 1 − Σ c_k²/n² over the contacts that have the attribute; `nil` when none has.
  package var blau: Double?
  /// Blau over its maximum 1 − 1/K; `nil` when Blau is, or K < 2.
  package var iqv: Double?
  /// Shannon entropy of the contacts' values, in bits; `nil` when none has the attribute.
  package var entropyBits: Double?
  /// How many distinct values among the contacts.
  package var distinct: Int
  /// (E − I)/(E + I): contacts whose value differs from the person's, against
  /// those equal; `nil` when the person lacks the attribute or no contact has it.
  package var eiIndex: Double?
  /// Contacts without the attribute.
  package var missing: Int
}

/// The mixing of values over the strong ties whose two ends have a value.
struct Mixing {
  var assortativity: Double?
  var eiIndex: Double?
  var internalByValue: [Int]
  var externalByValue: [Int]

  init(_ graph: TrustGraph, codes: [Int32], valueCount: Int) {
    var internalByValue = [Int](repeating: 0, count: valueCount)
    var externalByValue = [Int](repeating: 0, count: valueCount)
    // Each undirected tie once (person < neighbour): a_i counts ends at i.
    var ends = [Int](repeating: 0, count: valueCount)
    var internalTotal = 0
    var ties = 0
    for person in 0..<graph.personCount {
      let own = codes[person]
      if own < 0 { continue }
      for neighbour in graph.neighbours(of: person) where Int(neighbour) > person {
        let other = codes[Int(neighbour)]
        if other < 0 { continue }
        ties += 1
        ends[Int(own)] += 1
        ends[Int(other)] += 1
        if own == other {
          internalTotal += 1
          internalByValue[Int(own)] += 1
        } else {
          externalByValue[Int(own)] += 1
          externalByValue[Int(other)] += 1
        }
      }
    }
    self.internalByValue = internalByValue
    self.externalByValue = externalByValue
    guard ties > 0 else {
      assortativity = nil
      eiIndex = nil
      return
    }
    eiIndex = Double(ties - 2 * internalTotal) / Double(ties)
    // Newman: r = (Σ e_ii − Σ a_i²) / (1 − Σ a_i²), with e the symmetric mixing matrix.
    let total = Double(2 * ties)
    let trace = Double(2 * internalTotal) / total
    var sumOfSquares = 0.0
    for count in ends {
      let share = Double(count) / total
      sumOfSquares += share * share
    }
    let denominator = 1 - sumOfSquares
    assortativity = denominator > 1e-15 ? (trace - sumOfSquares) / denominator : nil
  }
}

/// Spearman's rank correlation with average ranks for ties; `nil` with fewer
/// than two pairs or a constant column.
///
/// - Complexity: O(*n* log *n*).
func spearmanCorrelation(_ x: [Double], _ y: [Double]) -> Double? {
  guard x.count >= 2, x.count == y.count else { return nil }
  let rx = averageRanks(x)
  let ry = averageRanks(y)
  let n = Double(x.count)
  let meanX = rx.reduce(0, +) / n
  let meanY = ry.reduce(0, +) / n
  var covariance = 0.0
  var varianceX = 0.0
  var varianceY = 0.0
  for index in rx.indices {
    let dx = rx[index] - meanX
    let dy = ry[index] - meanY
    covariance += dx * dy
    varianceX += dx * dx
    varianceY += dy * dy
  }
  guard varianceX > 0, varianceY > 0 else { return nil }
  return covariance / (varianceX * varianceY).squareRoot()
}

/// Ranks from 1, tied values sharing the average of their ranks.
func averageRanks(_ values: [Double]) -> [Double] {
  let order = values.indices.sorted { values[$0] < values[$1] }
  var ranks = [Double](repeating: 0, count: values.count)
  var start = 0
  while start < order.count {
    var end = start
    while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
    let rank = Double(start + end) / 2 + 1
    for position in start...end { ranks[order[position]] = rank }
    start = end + 1
  }
  return ranks
}
