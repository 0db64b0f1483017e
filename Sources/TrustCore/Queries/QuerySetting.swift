/// One setting of a question: its name, its default, what it accepts and the
/// check, declared once here so that the library and the command line
/// validate, default and describe it the same way.
///
/// ```swift
/// let needed = try QuerySettings.introducersNeeded.validated(2)  // 2
/// try QuerySettings.introducersNeeded.validated(0)
/// // TrustQueryError: introducersNeeded must be a whole number ≥ 1, not 0
/// QuerySettings.introducersNeeded.defaultValue  // 1
/// ```
package struct QuerySetting<Value: Sendable>: Sendable {
  /// The setting's name in TrustCore's API.
  package let name: String
  /// The value used when none is given (`nil`: it depends on the network).
  package let defaultValue: Value?
  /// What the setting accepts, in words: "a whole number ≥ 1".
  package let expected: String
  private let accepts: @Sendable (Value) -> Bool

  package init(
    _ name: String, default defaultValue: Value?, expected: String,
    accepts: @escaping @Sendable (Value) -> Bool
  ) {
    self.name = name
    self.defaultValue = defaultValue
    self.expected = expected
    self.accepts = accepts
  }

  /// Whether `value` is allowed.
  package func allows(_ value: Value) -> Bool { accepts(value) }

  /// `value` when allowed, else ``TrustQueryError/Code/invalidSetting``.
  package func validated(_ value: Value) throws(TrustQueryError) -> Value {
    guard accepts(value) else {
      throw TrustQueryError.invalid(name, "\(value)", expected: expected)
    }
    return value
  }
}

/// Every setting a question takes.
package enum QuerySettings {
  /// The strong-tie threshold (`--strong`): from 0 to 1; by default the file's, else 0.5.
  package static let threshold = QuerySetting<Double>(
    "threshold", default: nil, expected: "a number from 0 to 1"
  ) { $0 >= 0 && $0 <= 1 }
  /// Introducers that make an introduced join (`--introducers`).
  package static let introducersNeeded = QuerySetting<Int>(
    "introducersNeeded", default: 1, expected: "a whole number ≥ 1"
  ) { $0 >= 1 }
  /// The strong-tie distance that counts as near (`--near-depth`).
  package static let nearDepth = QuerySetting<Int>(
    "nearDepth", default: 1, expected: "a whole number ≥ 0"
  ) { $0 >= 0 }
  /// Shuffles for the diversity permutation tests (`--permutations`).
  package static let permutations = QuerySetting<Int>(
    "permutations", default: 0, expected: "a whole number ≥ 0"
  ) { $0 >= 0 }
  /// The seed of anything random (`--seed`).
  package static let seed = QuerySetting<UInt64>(
    "seed", default: 1, expected: "a whole number ≥ 0"
  ) { _ in true }
  /// Leiden's resolution γ (`--resolution`).
  package static let resolution = QuerySetting<Double>(
    "resolution", default: 1, expected: "a number above 0"
  ) { $0.isFinite && $0 > 0 }
  /// Leiden runs per level (`--restarts`); by default 10 under 100,000 strong ties, else 1.
  package static let restarts = QuerySetting<Int>(
    "restarts", default: nil, expected: "a whole number ≥ 1"
  ) { $0 >= 1 }
  /// A level of the tribe hierarchy (`--level`, `tribe:LEVEL`).
  package static let tribeLevel = QuerySetting<Int>(
    "tribeLevel", default: 0, expected: "a whole number ≥ 0"
  ) { $0 >= 0 }
  /// The depth whose people name the formal units (`--unit-depth`).
  package static let unitDepth = QuerySetting<Int>(
    "unitDepth", default: 1, expected: "a whole number ≥ 0"
  ) { $0 >= 0 }
  /// The speaking threshold for everyone (`--threshold`).
  package static let speakingThreshold = QuerySetting<Double>(
    "threshold", default: 0.25, expected: "a number from 0 to 1"
  ) { $0 >= 0 && $0 <= 1 }
  /// How many random cascade runs (`--runs`).
  package static let runs = QuerySetting<Int>(
    "runs", default: 1, expected: "a whole number ≥ 1"
  ) { $0 >= 1 }
  /// The share of people a greedy choice of speakers aims at (`--target`).
  package static let targetShare = QuerySetting<Double>(
    "target", default: nil, expected: "a number above 0, at most 1"
  ) { $0 > 0 && $0 <= 1 }
  /// The most starting speakers the greedy choice makes (`--max-start`).
  package static let maximumStart = QuerySetting<Int>(
    "maxStart", default: 100, expected: "a whole number ≥ 1"
  ) { $0 >= 1 }
  /// A count of random starting speakers (`--start-count`).
  package static let startCount = QuerySetting<Int>(
    "startCount", default: nil, expected: "a whole number ≥ 0"
  ) { $0 >= 0 }
  /// The smallest group a report shows figures of (`--min-group`); by default none is suppressed.
  package static let minimumGroupSize = QuerySetting<Int>(
    "minimumGroupSize", default: nil, expected: "a whole number ≥ 1"
  ) { $0 >= 1 }
  /// How many invitees advice picks (`--invite`).
  package static let invitations = QuerySetting<Int>(
    "invite", default: nil, expected: "a whole number ≥ 1"
  ) { $0 >= 1 }
  /// A count of people or ties to generate.
  package static let generatedCount = QuerySetting<Int>(
    "count", default: nil, expected: "a whole number ≥ 0"
  ) { $0 >= 0 }
}
