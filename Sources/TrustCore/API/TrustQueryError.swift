/// Why a question to a ``TrustAnalyzer`` cannot be answered: an id, attribute
/// or context the network does not have, or a setting out of range.
///
/// ```swift
/// do {
///   _ = try analyzer.reach(of: "anna")
/// } catch {
///   print(error)  // unknown person 'anna'; the closest id is 'ana'
/// }
/// ```
public struct TrustQueryError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A kind of problem. New kinds may be added; switch with a `default`.
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    private let name: String
    private init(_ name: String) { self.name = name }
    public var description: String { name }

    /// No person has the id.
    public static let unknownPerson = Code("unknown-person")
    /// No community has the id.
    public static let unknownCommunity = Code("unknown-community")
    /// No person has the attribute.
    public static let unknownAttribute = Code("unknown-attribute")
    /// No tie has the context.
    public static let unknownContext = Code("unknown-context")
    /// The network lacks what the question needs (no reports-to links for
    /// the formal structure, say): a fact about the input, not the asking.
    public static let unanswerable = Code("unanswerable")
    /// A value in the network that the question cannot use (a threshold
    /// attribute that is not a number from 0 to 1, say): an input error,
    /// with its place in ``TrustQueryError/context``.
    public static let invalidInput = Code("invalid-input")
    /// A setting outside its range (a threshold above 1, say), or a tribe
    /// level the network does not have.
    public static let invalidSetting = Code("invalid-setting")
  }

  /// The kind of problem.
  public var code: Code
  /// What was asked for: the id, attribute, context, or the setting's value as text.
  public var name: String
  /// The closest existing id or name, if one is close (for ids: the nearest,
  /// however far, so the message shows which ids exist).
  public var closestMatch: String?
  /// What is wrong, in words.
  public var message: String
  /// The setting at fault, by its name in TrustCore's API (`introducersNeeded`,
  /// `nearDepth`, `tribeLevel`, …), for ``Code/invalidSetting``.
  public var setting: String?
  /// What the setting accepts, in words (`a whole number ≥ 1`).
  public var expected: String?
  /// What exists instead, in words (`the network's attributes: team, site`).
  public var context: String?
  /// For an unknown person: the id of the person whose display name is exactly
  /// what was asked for (a name given where an id was meant).
  public var idOfPersonNamed: String?
  /// For an unknown community id of the form `ATTR=VALUE` (or a tribe id):
  /// the community source that would have it.
  public var suggestedSource: CommunitySource?

  /// Creates an error.
  public init(
    code: Code, name: String, closestMatch: String?, message: String, setting: String? = nil,
    expected: String? = nil, context: String? = nil, idOfPersonNamed: String? = nil,
    suggestedSource: CommunitySource? = nil
  ) {
    self.code = code
    self.name = name
    self.closestMatch = closestMatch
    self.message = message
    self.setting = setting
    self.expected = expected
    self.context = context
    self.idOfPersonNamed = idOfPersonNamed
    self.suggestedSource = suggestedSource
  }

  public var description: String { message }

  /// A setting outside what it accepts: "`setting` must be `expected`, not `value`".
  static func invalid(_ setting: String, _ value: String, expected: String) -> Self {
    TrustQueryError(
      code: .invalidSetting, name: value, closestMatch: nil,
      message: "\(setting) must be \(expected), not \(value)", setting: setting,
      expected: expected)
  }
}
