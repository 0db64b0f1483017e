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

  /// The mean Blau in each volume band (1, 2–3, 4–7, 8–15, 16 and more):
  /// does more mean broader here?
  ///
  /// ```swift
  /// for band in DiversityAnalysis.yieldTable(columns) { print(band.label, band.meanBlau ?? "n/a") }
  /// ```
  ///
  /// - Complexity: O(*n*).
  static func yieldTable(_ columns: VolumeAndBlau) -> [YieldBand] {
    let bands: [(String, Int, Int?)] = [
      ("1", 1, 1), ("2-3", 2, 3), ("4-7", 4, 7), ("8-15", 8, 15), ("16+", 16, nil),
    ]
    var people = [Int](repeating: 0, count: bands.count)
    var withBlau = [Int](repeating: 0, count: bands.count)
    var sum = [Double](repeating: 0, count: bands.count)
    for person in 0..<columns.count {
      let volume = Int(columns.volume[person])
      guard volume >= 1 else { continue }
      let band = volume >= 16 ? 4 : volume >= 8 ? 3 : volume >= 4 ? 2 : volume >= 2 ? 1 : 0
      people[band] += 1
      let blau = columns.blau[person]
      if !blau.isNaN {
        withBlau[band] += 1
        sum[band] += blau
      }
    }
    return bands.enumerated().map { band, bounds in
      YieldBand(
        label: bounds.0, minimumVolume: bounds.1, maximumVolume: bounds.2, people: people[band],
        withBlau: withBlau[band],
        meanBlau: withBlau[band] > 0 ? sum[band] / Double(withBlau[band]) : nil)
    }
  }
}
