/// Diversity versus volume for one attribute, with ids; shaped like
/// `trustmap diversity --by ATTR --format json`.
///
/// ```swift
/// let team = try analyzer.diversity(by: "team", permutations: 999, seed: 1)
/// print(team.assortativity ?? "n/a", team.significance?.eiIndex?.pTwoSided ?? "n/a")
/// ```
public struct AttributeDiversity: Sendable, Hashable {
  /// The attribute (or `tribe`, `tribe:LEVEL`).
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
  /// The E-I index of the strong ties touching each value, in order of first appearance.
  public var valueEIIndex: [ValueEIIndex]
  /// Mean Blau by volume band (1, 2-3, 4-7, 8-15, 16+).
  public var yield: [DiversityYieldBand]
  /// The permutation tests, when shuffles were asked for.
  public var significance: DiversitySignificance?

  package init(_ analysis: DiversityAnalysis, network: TrustNetwork) {
    let people = network.people
    attribute = analysis.attribute
    valueCount = analysis.valueCount
    assortativity = analysis.assortativity
    eiIndex = analysis.eiIndex
    volumeBlauSpearman = analysis.volumeBlauSpearman
    self.people = analysis.people.map {
      PersonDiversityRow(
        id: people.id(of: $0.person), volume: $0.volume, blau: $0.blau, iqv: $0.iqv,
        entropyBits: $0.entropyBits, distinct: $0.distinct, eiIndex: $0.eiIndex,
        missing: $0.missing)
    }
    narrow = people.ids(analysis.narrow)
    valueEIIndex = analysis.valueEIIndex.map {
      ValueEIIndex(
        value: $0.value, people: $0.people, internalTies: $0.internalTies,
        externalTies: $0.externalTies, eiIndex: $0.eiIndex)
    }
    yield = analysis.yield.map {
      DiversityYieldBand(
        label: $0.label, people: $0.people, withBlau: $0.withBlau, meanBlau: $0.meanBlau)
    }
    significance = analysis.significance.map { significance in
      func test(_ test: DiversityAnalysis.PermutationTest?) -> PermutationTest? {
        test.map {
          PermutationTest(
            observed: $0.observed, permutedMean: $0.permutedMean, pAtLeast: $0.pAtLeast,
            pAtMost: $0.pAtMost, pTwoSided: $0.pTwoSided)
        }
      }
      return DiversitySignificance(
        permutations: significance.permutations, seed: significance.seed,
        eiIndex: test(significance.eiIndex), assortativity: test(significance.assortativity))
    }
  }

  /// The network's figures alone, as `analyse` lists them.
  public var overview: DiversityOverview {
    DiversityOverview(
      attribute: attribute, valueCount: valueCount, assortativity: assortativity,
      eiIndex: eiIndex, volumeBlauSpearman: volumeBlauSpearman, narrowCount: narrow.count)
  }
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

/// The strong ties touching one value of an attribute.
public struct ValueEIIndex: Sendable, Hashable {
  /// The value.
  public var value: String
  /// People with the value.
  public var people: Int
  /// Ties with both ends at the value.
  public var internalTies: Int
  /// Ties from the value to another value.
  public var externalTies: Int
  /// (external − internal) / (external + internal); `nil` with no ties.
  public var eiIndex: Double?
  /// Whether the value's group was too small to show (``SuppressibleGroup``):
  /// then only ``value`` is kept.
  public var isSuppressed = false
}

/// The people in one volume band and their mean Blau.
public struct DiversityYieldBand: Sendable, Hashable {
  /// `1`, `2-3`, `4-7`, `8-15` or `16+`.
  public var label: String
  /// People in the band.
  public var people: Int
  /// Of those, people whose Blau is defined.
  public var withBlau: Int
  /// Their mean Blau; `nil` when none is defined.
  public var meanBlau: Double?
}

/// The permutation tests of a diversity analysis: the attribute's values
/// shuffled across the people who have it.
public struct DiversitySignificance: Sendable, Hashable {
  /// How many shuffles.
  public var permutations: Int
  /// Their seed.
  public var seed: UInt64
  /// The test of the network E-I index; `nil` when it is undefined.
  public var eiIndex: PermutationTest?
  /// The test of assortativity; `nil` when it is undefined.
  public var assortativity: PermutationTest?
}

/// Where an observed figure falls among shuffles.
public struct PermutationTest: Sendable, Hashable {
  /// The observed figure.
  public var observed: Double
  /// The mean over the shuffles where it was defined.
  public var permutedMean: Double
  /// (1 + shuffles at or above the observed) / (1 + shuffles).
  public var pAtLeast: Double
  /// (1 + shuffles at or below the observed) / (1 + shuffles).
  public var pAtMost: Double
  /// (1 + shuffles at least as far from the mean) / (1 + shuffles).
  public var pTwoSided: Double
}

/// One attribute's network figures, as the `analyse` report lists them.
public struct DiversityOverview: Sendable, Hashable {
  /// The attribute.
  public var attribute: String
  /// How many values it takes.
  public var valueCount: Int
  /// Newman's assortativity; `nil` when undefined.
  public var assortativity: Double?
  /// The network E-I index; `nil` when undefined.
  public var eiIndex: Double?
  /// Spearman's correlation of volume and Blau; `nil` when undefined.
  public var volumeBlauSpearman: Double?
  /// How many narrow people.
  public var narrowCount: Int

  package init(
    attribute: String, valueCount: Int, assortativity: Double?, eiIndex: Double?,
    volumeBlauSpearman: Double?, narrowCount: Int
  ) {
    self.attribute = attribute
    self.valueCount = valueCount
    self.assortativity = assortativity
    self.eiIndex = eiIndex
    self.volumeBlauSpearman = volumeBlauSpearman
    self.narrowCount = narrowCount
  }

  package init(_ analysis: DiversityAnalysis) {
    self.init(
      attribute: analysis.attribute, valueCount: analysis.valueCount,
      assortativity: analysis.assortativity, eiIndex: analysis.eiIndex,
      volumeBlauSpearman: analysis.volumeBlauSpearman, narrowCount: analysis.narrow.count)
  }
}

extension AttributeDiversity: JSONEncodable {
  /// `significance` only when shuffles were asked for.
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      writeNetworkFigures(
        attribute: attribute, valueCount: valueCount, assortativity: assortativity,
        eiIndex: eiIndex, volumeBlauSpearman: volumeBlauSpearman, into: &json)
      json.field("people", people)
      json.field("narrow", narrow)
      json.field("valueEIIndex", valueEIIndex)
      json.field("yield", yield)
      if let significance { json.field("significance", significance) }
    }
  }
}

extension DiversityOverview: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      writeNetworkFigures(
        attribute: attribute, valueCount: valueCount, assortativity: assortativity,
        eiIndex: eiIndex, volumeBlauSpearman: volumeBlauSpearman, into: &json)
      json.field("narrow", narrowCount)
    }
  }
}

/// The keys both diversity shapes open with.
private func writeNetworkFigures(
  attribute: String, valueCount: Int, assortativity: Double?, eiIndex: Double?,
  volumeBlauSpearman: Double?, into json: inout JSONWriter
) {
  json.field("attribute", attribute)
  json.field("values", valueCount)
  json.field("assortativity", assortativity)
  json.field("eiIndex", eiIndex)
  json.field("volumeBlauSpearman", volumeBlauSpearman)
}

extension PersonDiversityRow: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("id", id)
      json.field("volume", volume)
      json.field("blau", blau)
      json.field("iqv", iqv)
      json.field("entropyBits", entropyBits)
      json.field("distinct", distinct)
      json.field("eiIndex", eiIndex)
      json.field("missing", missing)
    }
  }
}

extension ValueEIIndex: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    if isSuppressed { return json.suppressedGroup(idKey: "value", id: value) }
    json.object { json in
      json.field("value", value)
      json.field("people", people)
      json.field("internal", internalTies)
      json.field("external", externalTies)
      json.field("eiIndex", eiIndex)
    }
  }
}

extension DiversityYieldBand: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("volume", label)
      json.field("people", people)
      json.field("withBlau", withBlau)
      json.field("meanBlau", meanBlau)
    }
  }
}

extension DiversitySignificance: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("permutations", permutations)
      json.field("seed", seed)
      json.field("eiIndex", eiIndex)
      json.field("assortativity", assortativity)
    }
  }
}

extension PermutationTest: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("observed", observed)
      json.field("permutedMean", permutedMean)
      json.field("pAtLeast", pAtLeast)
      json.field("pAtMost", pAtMost)
      json.field("pTwoSided", pTwoSided)
    }
  }
}
