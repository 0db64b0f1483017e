extension DiversityAnalysis {
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

  /// The narrow people among `people` (many contacts, all alike: volume at
  /// or above the nearest-rank 75th percentile over people with volume ≥ 1,
  /// and Blau below the median Blau), with that volume threshold and median;
  /// nobody, and no threshold, when no one has a contact or a Blau.
  ///
  /// ```swift
  /// let (narrow, threshold, median) = DiversityAnalysis.narrowPeople(rows)
  /// ```
  ///
  /// - Complexity: O(*n* log *n*), for the sorts.
  static func narrowPeople(_ people: [PersonDiversity]) -> ([Int32], Int?, Double?) {
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

  /// The mean Blau of `people` in each volume band (1, 2–3, 4–7, 8–15, 16
  /// and more): does more mean broader here?
  ///
  /// ```swift
  /// for band in DiversityAnalysis.yieldTable(rows) { print(band.label, band.meanBlau ?? "n/a") }
  /// ```
  ///
  /// - Complexity: O(*n*) per band.
  static func yieldTable(_ people: [PersonDiversity]) -> [YieldBand] {
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
}
