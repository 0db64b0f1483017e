/// How a network is read from a file of another format than trustmap's
/// JSON (docs/design.md, 'Other formats: reading'): the files that go with
/// a CSV ties file, and what to do with weights that are not strengths.
///
/// ```swift
/// var options = ReadOptions()
/// options.peopleFile = "people.csv"
/// options.scalesWeights = true  // ratings 1–10 become 0.1–1
/// let network = try TrustNetwork(contentsOf: "ties.csv", options: options)
/// network.weightAdjustments.largestWeight  // 10
/// ```
///
/// - Complexity: O(1).
public struct ReadOptions: Sendable, Hashable {
  /// A CSV file of people (`id`, `label`, `reportsTo`, attributes) beside a
  /// CSV ties file; without one, the people are the ties' ends.
  public var peopleFile: String?
  /// A CSV file of community members (`community`, `name`, `member`) beside
  /// a CSV ties file.
  public var communitiesFile: String?
  /// Map every weight w to w / max w, so weights of any scale become
  /// strengths from 0 to 1; without it a weight above 1 is an error.
  public var scalesWeights = false
  /// Leave out ties with a negative weight (distrust, in signed ratings),
  /// counted in ``TrustNetwork/weightAdjustments``; without it they are errors.
  public var dropsNegativeWeights = false
  /// How many problems a failed read keeps (all are counted).
  public var diagnosticLimit = NetworkReader.defaultDiagnosticLimit

  /// Options with every default: no side files, weights must be strengths.
  public init(
    peopleFile: String? = nil, communitiesFile: String? = nil, scalesWeights: Bool = false,
    dropsNegativeWeights: Bool = false,
    diagnosticLimit: Int = NetworkReader.defaultDiagnosticLimit
  ) {
    self.peopleFile = peopleFile
    self.communitiesFile = communitiesFile
    self.scalesWeights = scalesWeights
    self.dropsNegativeWeights = dropsNegativeWeights
    self.diagnosticLimit = diagnosticLimit
  }

  /// The weight rules the assembler applies.
  var weightRules: WeightRules {
    WeightRules(scales: scalesWeights, dropsNegative: dropsNegativeWeights)
  }
}

/// What a reader did to a file's weights to make them strengths.
///
/// ```swift
/// let adjusted = network.weightAdjustments
/// adjusted.largestWeight    // 10: every weight was divided by 10
/// adjusted.droppedNegative  // 3 ties with a negative weight left out
/// ```
public struct WeightAdjustments: Sendable, Hashable {
  /// The weight every weight was divided by, when they were scaled.
  public var largestWeight: Double?
  /// How many ties were left out for a negative weight.
  public var droppedNegative: Int

  /// Adjustments: none by default.
  public init(largestWeight: Double? = nil, droppedNegative: Int = 0) {
    self.largestWeight = largestWeight
    self.droppedNegative = droppedNegative
  }

  /// Whether the weights were read as they were.
  public var isEmpty: Bool { largestWeight == nil && droppedNegative == 0 }
}
