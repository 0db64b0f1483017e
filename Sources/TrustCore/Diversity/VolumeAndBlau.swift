/// Each person's volume (strong ties) and Blau for one attribute: all that
/// the network's diversity figures (Spearman's correlation, the narrow
/// people, the yield bands) are computed from, 12 bytes a person against a
/// ``PersonDiversity`` row's 48, so `analyse` can find them for every
/// attribute without holding the rows.
///
/// ```swift
/// let columns = VolumeAndBlau(rows)   // or VolumeAndBlau(graph, codes:, valueCount:)
/// columns.volumeBlauSpearman          // does more mean broader?
/// ```
///
/// - Complexity: O(*n*) memory; the figures O(*n* log *n*), for the sorts.
struct VolumeAndBlau {
  /// Strong ties, per person.
  var volume: [Int32]
  /// Blau, per person; NaN when no contact has the attribute (Blau is never NaN otherwise).
  var blau: [Double]

  /// The columns of `rows`.
  init(_ rows: [PersonDiversity]) {
    volume = rows.map { Int32(truncatingIfNeeded: $0.volume) }
    blau = rows.map { $0.blau ?? .nan }
  }

  /// The columns computed on `graph` for the value codes `codes` among
  /// `valueCount` values, without the rows.
  init(_ graph: TrustGraph, codes: [Int32], valueCount: Int) {
    volume = (0..<graph.personCount).map { Int32(truncatingIfNeeded: graph.degree(of: $0)) }
    blau = PersonDiversity.rows(graph, codes: codes, valueCount: valueCount, empty: .nan) {
      $0.blau ?? .nan
    }
  }

  var count: Int { volume.count }

  /// Spearman's correlation of volume and Blau over the people whose Blau is defined.
  var volumeBlauSpearman: Double? {
    var volumes: [Double] = []
    var blaus: [Double] = []
    for person in 0..<count where !blau[person].isNaN {
      volumes.append(Double(volume[person]))
      blaus.append(blau[person])
    }
    return spearmanCorrelation(volumes, blaus)
  }

  /// The narrow people (many contacts, all alike: volume at or above the
  /// nearest-rank 75th percentile over people with volume ≥ 1, and Blau
  /// below the median Blau), with that volume threshold and median; nobody,
  /// and no threshold, when no one has a contact or a Blau.
  ///
  /// ```swift
  /// let (narrow, threshold, median) = columns.narrowPeople()
  /// ```
  func narrowPeople() -> (people: [Int32], threshold: Int?, median: Double?) {
    let volumes = volume.filter { $0 >= 1 }.sorted()
    let blaus = blau.filter { !$0.isNaN }.sorted()
    guard !volumes.isEmpty, !blaus.isEmpty else { return ([], nil, nil) }
    let rank = (3 * volumes.count + 3) / 4  // ceil(0.75 n), counted from 1
    let threshold = volumes[rank - 1]
    let m = blaus.count
    let median = m % 2 == 1 ? blaus[m / 2] : (blaus[m / 2 - 1] + blaus[m / 2]) / 2
    // NaN < median is false: people without a Blau are never narrow.
    let narrow = (0..<count).filter { volume[$0] >= threshold && blau[$0] < median }
    return (narrow.map { Int32(truncatingIfNeeded: $0) }, Int(threshold), median)
  }
}
