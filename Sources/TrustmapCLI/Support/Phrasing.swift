import TrustCore

/// The display names of `people` (indices), in order.
func names(_ people: some Sequence<Int32>, _ network: TrustNetwork) -> [String] {
  people.map { network.people.name(of: Int($0)) }
}

/// "Ana, Bo and Cy"; past `limit`, "… and 3 more".
func spokenList(_ items: [String], limit: Int = 12) -> String {
  spokenList(items.prefix(limit), more: max(0, items.count - limit))
}

/// The names of `people`, as ``spokenList(_:limit:)`` says them; only the
/// first `limit` are looked up (a cascade's round can hold a million).
func spokenList(
  namesOf people: some Collection<Int32>, _ network: TrustNetwork, limit: Int = 12
) -> String {
  spokenList(names(people.prefix(limit), network)[...], more: max(0, people.count - limit))
}

/// "Ana, Bo and Cy", then "and 3 more" when `more` is not 0.
private func spokenList(_ items: ArraySlice<String>, more: Int) -> String {
  var shown = Array(items)
  if more > 0 { shown.append("\(more) more") }
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
  case .direct: return "trusts " + spokenList(namesOf: join.trustedMembers, network, limit: limit)
  case .introduced:
    return "introduced by " + spokenList(namesOf: join.introducers, network, limit: limit)
  case .cold: return nil
  }
}

/// "1 strong tie", "2 strong ties".
func strongTies(_ count: Int) -> String {
  "\(count) strong tie\(count == 1 ? "" : "s")"
}
