/// A group a report gives figures about (a community, a tribe, a formal
/// unit, an attribute value) that can be suppressed when it is too small:
/// figures about a group of two or three can identify the people in it, so
/// a report shared from data about real people shows such a group only as
/// `"suppressed"`, as survey platforms do (docs/design.md, 'Provenance and
/// privacy').
///
/// A suppressed group keeps its id and nothing else: its figures are zeroed,
/// its lists emptied, and its JSON is `{"<id key>": "<id>", "suppressed": true}`.
///
/// ```swift
/// let rows = try analyzer.communityOverview(communities: .attribute("team"))
/// let shared = rows.suppressingGroups(smallerThan: 5)
/// shared.filter(\.isSuppressed).map(\.community)  // the teams of fewer than 5
/// ```
public protocol SuppressibleGroup: Sendable {
  /// How many people the group has (before any suppression).
  var groupSize: Int { get }
  /// Whether the group's figures were suppressed.
  var isSuppressed: Bool { get }
  /// The group with its id kept, every figure zeroed or emptied, and
  /// ``isSuppressed`` true.
  ///
  /// Complexity: O(1) besides freeing the group's lists.
  func suppressed() -> Self
}

extension SuppressibleGroup {
  /// The group, suppressed when it has fewer than `k` people.
  ///
  /// ```swift
  /// row.suppressingGroups(smallerThan: 5).isSuppressed  // row.groupSize < 5
  /// ```
  ///
  /// - Parameter k: the smallest group whose figures are shown; 1 or less
  ///   suppresses nothing.
  /// - Complexity: O(1).
  public func suppressingGroups(smallerThan k: Int) -> Self {
    !isSuppressed && groupSize < k ? suppressed() : self
  }
}

extension Array where Element: SuppressibleGroup {
  /// Every group of fewer than `k` people suppressed, the others unchanged,
  /// in the same order.
  ///
  /// ```swift
  /// units.suppressingGroups(smallerThan: 5).map(\.isSuppressed)
  /// ```
  ///
  /// - Parameter k: the smallest group whose figures are shown; 1 or less
  ///   suppresses nothing.
  /// - Complexity: O(*n*) for *n* groups.
  public func suppressingGroups(smallerThan k: Int) -> [Element] {
    map { $0.suppressingGroups(smallerThan: k) }
  }

  /// The ids of the groups suppressed among these, by `id`.
  package func suppressedIDs(_ id: (Element) -> String) -> Set<String> {
    Set(filter(\.isSuppressed).map(id))
  }
}

extension JSONWriter {
  /// Writes a suppressed group: `{"<idKey>": "<id>", "suppressed": true}`,
  /// no figure.
  ///
  /// ```swift
  /// json.suppressedGroup(idKey: "community", id: "legal")
  /// // {"community":"legal","suppressed":true}
  /// ```
  ///
  /// - Parameters:
  ///   - idKey: the key the group's id has in its unsuppressed shape.
  ///   - id: the group's id.
  /// - Complexity: O(*n*) in the id's length.
  public mutating func suppressedGroup(idKey: String, id: String) {
    object { json in
      json.field(idKey, id)
      json.field("suppressed", true)
    }
  }
}
