#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One person's diversity for one attribute: how many strong ties, and how
/// broad they are over the attribute's values (docs/design.md, 'Diversity
/// versus volume').
///
/// ```swift
/// let rows = DiversityAnalysis(graph, column: network.people.attributeColumn("team")).people
/// print(rows[0].volume, rows[0].blau ?? "n/a")
/// ```
///
/// A row is 48 bytes (counts as `Int32`, a missing figure as NaN inside), as
/// `analyse` holds a row per person for each attribute: 3 million people
/// without ties and three attributes took 860 MB in rows of 96 bytes.
package struct PersonDiversity: Sendable, Hashable {
  private let person32: Int32
  private let volume32: Int32
  private let distinct32: Int32
  private let missing32: Int32
  // NaN stands for nil: every defined figure is finite.
  private let blauOrNaN: Double
  private let iqvOrNaN: Double
  private let entropyOrNaN: Double
  private let eiOrNaN: Double

  package init(
    person: Int, volume: Int, blau: Double?, iqv: Double?, entropyBits: Double?, distinct: Int,
    eiIndex: Double?, missing: Int
  ) {
    person32 = Int32(truncatingIfNeeded: person)
    volume32 = Int32(truncatingIfNeeded: volume)
    distinct32 = Int32(truncatingIfNeeded: distinct)
    missing32 = Int32(truncatingIfNeeded: missing)
    blauOrNaN = blau ?? .nan
    iqvOrNaN = iqv ?? .nan
    entropyOrNaN = entropyBits ?? .nan
    eiOrNaN = eiIndex ?? .nan
  }

  /// The person (index).
  package var person: Int { Int(person32) }
  /// How many strong ties (first-degree contacts).
  package var volume: Int { Int(volume32) }
  /// 1 − Σ c_k²/n² over the contacts that have the attribute; `nil` when none has.
  package var blau: Double? { blauOrNaN.isNaN ? nil : blauOrNaN }
  /// Blau over its maximum 1 − 1/K; `nil` when Blau is, or K < 2.
  package var iqv: Double? { iqvOrNaN.isNaN ? nil : iqvOrNaN }
  /// Shannon entropy of the contacts' values, in bits; `nil` when none has the attribute.
  package var entropyBits: Double? { entropyOrNaN.isNaN ? nil : entropyOrNaN }
  /// How many distinct values among the contacts.
  package var distinct: Int { Int(distinct32) }
  /// (E − I)/(E + I): contacts whose value differs from the person's, against
  /// those equal; `nil` when the person lacks the attribute or no contact has it.
  package var eiIndex: Double? { eiOrNaN.isNaN ? nil : eiOrNaN }
  /// Contacts without the attribute.
  package var missing: Int { Int(missing32) }

  // By the figures, so that two rows without a Blau are equal (NaN is not).
  package static func == (a: PersonDiversity, b: PersonDiversity) -> Bool {
    (a.person32, a.volume32, a.distinct32, a.missing32)
      == (b.person32, b.volume32, b.distinct32, b.missing32)
      && a.blau == b.blau && a.iqv == b.iqv && a.entropyBits == b.entropyBits
      && a.eiIndex == b.eiIndex
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(person32)
    hasher.combine(volume32)
    hasher.combine(blau)
    hasher.combine(eiIndex)
  }
}

extension PersonDiversity {
  /// Every person's row for the attribute whose value codes are `codes`
  /// (-1: no value) among `valueCount` values, in file order.
  ///
  /// In blocks of people on every core, each worker with its own counts, so
  /// the rows are the same on any number of cores.
  ///
  /// ```swift
  /// let column = network.people.attributeColumn("team")
  /// let rows = PersonDiversity.rows(graph, codes: column.codes, valueCount: column.values.count)
  /// ```
  ///
  /// - Complexity: O(*n* + *m*) work on every core; O(*K*) memory per core.
  static func rows(_ graph: TrustGraph, codes: [Int32], valueCount: Int) -> [PersonDiversity] {
    let empty = PersonDiversity(
      person: 0, volume: 0, blau: nil, iqv: nil, entropyBits: nil, distinct: 0, eiIndex: nil,
      missing: 0)
    return rows(graph, codes: codes, valueCount: valueCount, empty: empty) { $0 }
  }

  /// What `keep` takes of every person's row, as ``rows(_:codes:valueCount:)``
  /// computes them, each row let go at once (`empty` fills the result first).
  static func rows<Kept: Sendable>(
    _ graph: TrustGraph, codes: [Int32], valueCount: Int, empty: Kept,
    keeping keep: @Sendable (PersonDiversity) -> Kept
  ) -> [Kept] {
    let maximumBlau = valueCount > 1 ? 1 - 1 / Double(valueCount) : 0
    let rows = HugePageBuffer<Kept>(repeating: empty, count: graph.personCount)
    let counts = HugePageBuffer<[Int]>(
      repeating: [Int](repeating: 0, count: valueCount), count: workerCount)
    forEachBlockInParallel(count: graph.personCount, block: 4096) { worker, range in
      var touched: [Int32] = []
      var tally = counts.pointer[worker]
      counts.pointer[worker] = []  // moved out, so writes do not copy it
      for person in range {
        rows.pointer[person] = keep(
          row(
            of: person, graph: graph, codes: codes, maximumBlau: maximumBlau, counts: &tally,
            touched: &touched))
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
}
