/// How tie records become the strong-tie graph (docs/design.md §4.1): the threshold, the
/// reciprocity rule and the contexts to keep.
///
/// ```swift
/// var settings = StrongTieSettings()
/// settings.threshold = 0.7          // --strong 0.7
/// settings.reciprocity = .mutual    // --reciprocity mutual
/// settings.contexts = ["advice"]    // --context advice
/// let graph = try TrustGraph(network, settings: settings)
/// ```
public struct StrongTieSettings: Sendable, Hashable {
  /// When a pair's ties make a strong tie.
  public enum Reciprocity: String, Sendable, Hashable, CaseIterable {
    /// Strong when either direction reaches the threshold; the weight is the larger strength.
    case any
    /// Strong when both directions have a record and both reach the threshold;
    /// the weight is the smaller strength.
    case mutual
  }

  /// The strength at or above which a tie is strong; `nil` uses the file's
  /// `strongTieThreshold`, or 0.5.
  public var threshold: Double?
  /// Whether one direction suffices.
  public var reciprocity: Reciprocity
  /// Keep only records in one of these contexts (and records with none); empty keeps all.
  public var contexts: [String]

  /// Creates settings; the defaults are the file's threshold, `any`, all contexts.
  public init(threshold: Double? = nil, reciprocity: Reciprocity = .any, contexts: [String] = []) {
    self.threshold = threshold
    self.reciprocity = reciprocity
    self.contexts = contexts
  }

  /// The default threshold when neither the settings nor the file give one.
  public static let defaultThreshold = 0.5
}

/// Why settings cannot be applied to a network.
public struct StrongTieSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The context names that no tie in the network uses.
  public var unknownContexts: [String]
  /// The network's contexts, for a hint.
  public var knownContexts: [String]
  /// A threshold outside [0, 1], if that was the problem.
  public var invalidThreshold: Double?

  public var description: String {
    if let invalidThreshold {
      return "the strong-tie threshold must be from 0 to 1, not \(invalidThreshold)"
    }
    let known =
      knownContexts.isEmpty ? "none" : knownContexts.map { "'\($0)'" }.joined(separator: ", ")
    return "unknown context '\(unknownContexts.first ?? "")' (the network's contexts: \(known))"
  }
}
