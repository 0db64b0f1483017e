import TrustCore

/// `--min-group K` as a report applies it: every group (community, tribe,
/// unit, attribute value) of fewer than K people is shown as `suppressed`,
/// with no figures, in text and CSV; the JSON comes from TrustCore's
/// `suppressingGroups(smallerThan:)`.
///
/// ```swift
/// let groups = GroupSuppression(arguments)          // --min-group 4
/// groups.hides(3)                                   // true
/// groups.row([.text("legal")], figures: 4)          // ["legal", "suppressed" × 4]
/// ```
struct GroupSuppression: Sendable {
  /// The smallest group shown; 0 when `--min-group` is not given.
  let minimum: Int

  /// `--min-group`'s value in `arguments`, else none.
  init(_ arguments: ParsedArguments) {
    minimum = arguments.value(of: Options.minimumGroupSize) ?? 0
  }

  /// Whether a group of `size` people is suppressed.
  func hides(_ size: Int) -> Bool { size < minimum }

  /// A suppressed group's row: the cells that name it, then `suppressed` in
  /// each of its `figures` cells.
  func row(_ naming: [Cell], figures: Int) -> [Cell] {
    naming + Array(repeating: Cell.text("suppressed"), count: figures)
  }
}

/// What the provenance says of `--min-group`: nothing when not given.
func minimumGroupSizeSetting(_ arguments: ParsedArguments) -> [(String, SettingValue)] {
  guard let minimum = arguments.value(of: Options.minimumGroupSize) else { return [] }
  return [(QuerySettings.minimumGroupSize.name, .integer(minimum))]
}
