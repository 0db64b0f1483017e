import TrustCore

/// The display names of `people` (indices), in order.
func names(_ people: some Sequence<Int32>, _ network: TrustNetwork) -> [String] {
  people.map { network.people.name(of: Int($0)) }
}

/// "Ana, Bo and Cy"; past `limit`, "… and 3 more".
func spokenList(_ items: [String], limit: Int = 12) -> String {
  var shown = Array(items.prefix(limit))
  if items.count > limit { shown.append("\(items.count - limit) more") }
  switch shown.count {
  case 0: return "nobody"
  case 1: return shown[0]
  default: return shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
  }
}

/// Why a warm join is warm, for people: "trusts Ana and Bo" or "introduced by
/// Cy"; `nil` for a cold one.
func warmReason(_ join: JoinAssessment, _ network: TrustNetwork, limit: Int) -> String? {
  switch join.warmth {
  case .direct: return "trusts " + spokenList(names(join.trustedMembers, network), limit: limit)
  case .introduced:
    return "introduced by " + spokenList(names(join.introducers, network), limit: limit)
  case .cold: return nil
  }
}

/// "1 strong tie", "2 strong ties".
func strongTies(_ count: Int) -> String {
  "\(count) strong tie\(count == 1 ? "" : "s")"
}
