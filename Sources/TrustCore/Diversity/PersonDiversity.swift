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
}
