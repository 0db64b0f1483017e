/// The columns the CSV reader knows, each with the header names that mean
/// it in the layouts people export (docs/design.md, 'Other formats:
/// reading'): Gephi's spreadsheet import, Kumu, Polinode, Microsoft Viva's
/// person-to-person query and trustmap's plain names. Names are matched
/// without ASCII case and trimmed (``CSVHeader``); naming one column twice,
/// through two of its names, is an error.
///
/// ```swift
/// CSVColumns.ties[CSVColumns.from]  // ["from", "source", "ego", "primarycollaborator_personid"]
/// ```
enum CSVColumns {
  // The ties file.
  static let from = 0
  static let to = 1
  static let strength = 2
  static let mutual = 3
  static let type = 4
  static let contexts = 5
  /// Columns a ties file may have that say nothing trustmap keeps (an edge's
  /// own id or label in Gephi's layout, a time interval).
  static let ignoredTie = 6
  static let ties: [[String]] = [
    ["from", "source", "ego", "primarycollaborator_personid"],
    ["to", "target", "alter", "secondarycollaborator_personid"],
    ["strength", "weight", "strong_tie_score", "strongtiescore"],
    ["mutual"],
    ["type"],
    ["contexts", "context"],
  ]
  /// Ignored column names of a ties file, compared lowercased.
  static let ignoredTieNames: Set<String> = ["id", "label", "interval", "kind", "timeset"]
  /// Viva's columns of each collaborator's attributes: `PrimaryCollaborator_Organization`.
  static let primaryPrefix = "primarycollaborator_"
  static let secondaryPrefix = "secondarycollaborator_"

  // The people file.
  static let personID = 0
  static let personName = 1
  static let reportsTo = 2
  static let people: [[String]] = [
    ["id", "personid", "person_id"],
    ["label", "name", "displayname", "display_name"],
    ["reportsto", "reports_to", "manager", "managerid", "manager_id"],
  ]

  // The communities file.
  static let community = 0
  static let communityName = 1
  static let member = 2
  static let communities: [[String]] = [
    ["community", "communityid", "community_id", "group", "groupid"],
    ["name", "communityname", "community_name", "label", "groupname"],
    ["member", "memberid", "member_id", "person", "personid", "person_id", "id"],
  ]

  /// `'from' (or source, ego, …)`: how a missing column is named in a message.
  static func describe(_ aliases: [String]) -> String {
    let others = aliases.dropFirst().prefix(3)
    return others.isEmpty
      ? "'\(aliases[0])'" : "'\(aliases[0])' (or \(others.joined(separator: ", ")))"
  }
}
