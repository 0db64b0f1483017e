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
    /// A setting outside its range (a threshold above 1, say).
    public static let invalidSetting = Code("invalid-setting")
  }

  /// The kind of problem.
  public var code: Code
  /// What was asked for.
  public var name: String
  /// The closest existing id or name, if one is close.
  public var closestMatch: String?
  /// What is wrong, in words.
  public var message: String

  public var description: String { message }

  static func unknown(_ code: Code, _ what: String, _ name: String, among candidates: [String])
    -> Self
  {
    let closest = closestCandidate(to: name, among: candidates)
    return TrustQueryError(
      code: code, name: name, closestMatch: closest,
      message: "unknown \(what) '\(name)'" + (closest.map { "; the closest id is '\($0)'" } ?? ""))
  }
}
