/// Diversity versus volume for one attribute, with ids.
public struct AttributeDiversity: Sendable, Hashable {
  /// The attribute.
  public var attribute: String
  /// How many values it takes in the network.
  public var valueCount: Int
  /// Newman's assortativity over strong ties with the attribute at both ends; `nil` when undefined.
  public var assortativity: Double?
  /// The network E-I index over those ties; `nil` when there are none.
  public var eiIndex: Double?
  /// Spearman's correlation of volume and Blau; `nil` when undefined.
  public var volumeBlauSpearman: Double?
  /// One row per person, in file order.
  public var people: [PersonDiversityRow]
  /// Many contacts, all alike.
  public var narrow: [String]
  /// Mean Blau by volume band (1, 2-3, 4-7, 8-15, 16+).
  public var yield: [DiversityYieldBand]
  /// p-values from shuffling the attribute, when permutations were asked for.
  public var eiIndexPValue: Double?
  /// Two-sided p-value of the assortativity, when permutations were asked for.
  public var assortativityPValue: Double?
}

/// One person's diversity for one attribute.
public struct PersonDiversityRow: Sendable, Hashable {
  /// The person.
  public var id: String
  /// Strong ties.
  public var volume: Int
  /// Blau index of the contacts' values; `nil` when no contact has the attribute.
  public var blau: Double?
  /// Blau over its maximum; `nil` when undefined.
  public var iqv: Double?
  /// Shannon entropy in bits; `nil` when no contact has the attribute.
  public var entropyBits: Double?
  /// Distinct values among contacts.
  public var distinct: Int
  /// Ego E-I index; `nil` when the person lacks the attribute or no contact has it.
  public var eiIndex: Double?
  /// Contacts without the attribute.
  public var missing: Int
}

/// The people in one volume band and their mean Blau.
public struct DiversityYieldBand: Sendable, Hashable {
  /// `1`, `2-3`, `4-7`, `8-15` or `16+`.
  public var label: String
  /// People in the band.
  public var people: Int
  /// Their mean Blau; `nil` when none is defined.
  public var meanBlau: Double?
}

extension TrustAnalyzer {
  /// Diversity versus volume for `attribute`.
  ///
  /// ```swift
  /// let team = try analyzer.diversity(by: "team", permutations: 999, seed: 1)
  /// print(team.assortativity ?? "n/a", team.eiIndexPValue ?? "n/a")
  /// ```
  ///
  /// - Complexity: O(*n* + *m*) plus O(*n* + *m*) per permutation.
  public func diversity(by attribute: String, permutations: Int = 0, seed: UInt64 = 1)
    throws(TrustQueryError) -> AttributeDiversity
  {
    guard network.attributeKeys.contains(attribute) else {
      throw .unknown(.unknownAttribute, "attribute", attribute, among: network.attributeKeys)
    }
    let d = DiversityAnalysis(
      graph, column: network.people.attributeColumn(attribute), permutations: max(0, permutations),
      seed: seed)
    return AttributeDiversity(
      attribute: attribute, valueCount: d.valueCount, assortativity: d.assortativity,
      eiIndex: d.eiIndex,
      volumeBlauSpearman: d.volumeBlauSpearman,
      people: d.people.map {
        PersonDiversityRow(
          id: network.people.id(of: $0.person), volume: $0.volume, blau: $0.blau, iqv: $0.iqv,
          entropyBits: $0.entropyBits, distinct: $0.distinct, eiIndex: $0.eiIndex,
          missing: $0.missing)
      },
      narrow: ids(d.narrow),
      yield: d.yield.map {
        DiversityYieldBand(label: $0.label, people: $0.people, meanBlau: $0.meanBlau)
      },
      eiIndexPValue: d.significance?.eiIndex?.pTwoSided,
      assortativityPValue: d.significance?.assortativity?.pTwoSided)
  }
}
