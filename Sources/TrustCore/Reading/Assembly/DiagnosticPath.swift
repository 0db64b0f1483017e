/// Which element of a network a problem is about, as structure rather than
/// text: a person, a tie or a community by its position in its list, and one
/// of its fields. It renders as the JSON path of the network file
/// (``NetworkDiagnostic/path``) whatever format the network was read from,
/// so every reader names elements the same way.
///
/// Positions are in the reader's own numbering (a tie's position among the
/// ties file's records), counting records the reader dropped as invalid.
///
/// ```swift
/// DiagnosticPath.tie(3, .to).description                   // "ties[3].to"
/// DiagnosticPath.person(2, .reportsTo).description         // "people[2].reportsTo"
/// DiagnosticPath.community(1, .members).description        // "communities[1].members"
/// DiagnosticPath.person(0, .attribute("team")).description // "people[0].attributes.team"
/// ```
///
/// - Complexity: O(1) to make; rendering is linear in its text.
enum DiagnosticPath: Hashable, Sendable, CustomStringConvertible {
  /// The whole network: the empty path.
  case document
  /// A key of the network object itself: `trustmap`, `name`, `people`.
  case key(String)
  /// Person `ordinal` (`people[2]`), or one of its fields.
  case person(Int, PersonField? = nil)
  /// Tie record `ordinal` (`ties[3]`), or one of its fields.
  case tie(Int, TieField? = nil)
  /// Community `ordinal` (`communities[1]`), or one of its fields.
  case community(Int, CommunityField? = nil)

  /// A field of a person.
  enum PersonField: Hashable, Sendable {
    case id
    case name
    case attributes
    /// One attribute, by its key: `attributes.team`.
    case attribute(String)
    case reportsTo
  }

  /// A field of a tie record.
  enum TieField: Hashable, Sendable {
    case from
    case to
    case strength
    case mutual
    case contexts
    /// One element of the contexts: `contexts[2]`.
    case context(Int)
  }

  /// A field of a community.
  enum CommunityField: Hashable, Sendable {
    case id
    case name
    case members
    /// One element of the members: `members[4]`.
    case member(Int)
  }

  var description: String {
    switch self {
    case .document: return ""
    case .key(let key): return key
    case .person(let ordinal, let field):
      let element = "people[\(ordinal)]"
      switch field {
      case nil: return element
      case .id: return element + ".id"
      case .name: return element + ".name"
      case .attributes: return element + ".attributes"
      case .attribute(let key): return element + ".attributes." + key
      case .reportsTo: return element + ".reportsTo"
      }
    case .tie(let ordinal, let field):
      let element = "ties[\(ordinal)]"
      switch field {
      case nil: return element
      case .from: return element + ".from"
      case .to: return element + ".to"
      case .strength: return element + ".strength"
      case .mutual: return element + ".mutual"
      case .contexts: return element + ".contexts"
      case .context(let index): return element + ".contexts[\(index)]"
      }
    case .community(let ordinal, let field):
      let element = "communities[\(ordinal)]"
      switch field {
      case nil: return element
      case .id: return element + ".id"
      case .name: return element + ".name"
      case .members: return element + ".members"
      case .member(let index): return element + ".members[\(index)]"
      }
    }
  }

  /// The same path with a tie's position moved on by `shift` (a part of the
  /// ties read on its own numbers them from 0); other paths are unchanged.
  func shiftingTies(by shift: Int) -> DiagnosticPath {
    guard shift != 0, case .tie(let ordinal, let field) = self else { return self }
    return .tie(ordinal + shift, field)
  }
}
