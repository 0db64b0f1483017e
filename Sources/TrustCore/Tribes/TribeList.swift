/// The tribes of one level, largest first, stored flat: every tribe's members
/// in one array, every figure in one column, so a level of millions of
/// one-person tribes (people without ties) costs some 50 bytes a tribe, not a
/// `Tribe` with its own arrays each (docs/design.md §5.10).
///
/// Reading a tribe builds a light ``Tribe`` view; its members and bridges are
/// slices of the shared arrays.
///
/// ```swift
/// let level = TribeHierarchy(network, graph: graph).levels[0]
/// for tribe in level.tribes.prefix(3) { print(tribe.id, tribe.members.count) }
/// level.tribes.size(of: 0)  // the largest tribe's size, without a view
/// ```
///
/// - Complexity: a view, ``size(of:)`` and ``id(of:)`` are O(1); a view's
///   ``Tribe/dominant`` is O(attributes).
package struct TribeList: RandomAccessCollection, Sendable, Hashable {
  /// `T` at level 0, `L1.T` at level 1, …
  let idPrefix: String
  /// The members of tribe *t* are `memberOrder[memberStarts[t]..<memberStarts[t + 1]]`, ascending.
  let memberOrder: [Int32]
  let memberStarts: [Int32]
  /// Strong ties with both ends in each tribe.
  let internalTies: [Int]
  /// The members with a tie to another tribe, grouped like ``memberOrder``.
  let bridgeOrder: [Int32]
  let bridgeStarts: [Int32]
  /// The tribes below each tribe, grouped likewise; both empty at level 0.
  let partOrder: [Int32]
  let partStarts: [Int32]
  /// Each attribute's dominant value per tribe.
  let dominant: [DominantColumn]

  /// One attribute's most common value in every tribe.
  struct DominantColumn: Sendable, Hashable {
    let attribute: String
    /// The attribute's values, by code.
    let values: [String]
    /// Per tribe: the value's code (-1: no member has the attribute), how many
    /// members have it, and how many have the attribute at all.
    let code: [Int32]
    let count: [Int32]
    let holders: [Int32]
  }

  /// No tribe at all.
  package static let empty = TribeList(
    idPrefix: "T", memberOrder: [], memberStarts: [0], internalTies: [], bridgeOrder: [],
    bridgeStarts: [0], partOrder: [], partStarts: [], dominant: [])

  package var startIndex: Int { 0 }
  package var endIndex: Int { internalTies.count }

  package subscript(tribe: Int) -> Tribe {
    precondition(indices.contains(tribe), "tribe \(tribe) is not in 0..<\(count)")
    return Tribe(list: self, index: tribe)
  }

  /// Tribe `tribe`'s member count.
  package func size(of tribe: Int) -> Int {
    Int(memberStarts[tribe + 1] - memberStarts[tribe])
  }

  /// Tribe `tribe`'s id: `T1` for index 0 at level 0.
  package func id(of tribe: Int) -> String { "\(idPrefix)\(tribe + 1)" }
}

/// A tribe: its members and profile, read from its level's ``TribeList``.
package struct Tribe: Sendable, Hashable {
  let list: TribeList
  /// The tribe's index in its level.
  package let index: Int

  /// `T1`, `T2`, … at level 0; `L1.T1`, … above.
  package var id: String { list.id(of: index) }

  /// The members (person indices), ascending.
  package var members: ArraySlice<Int32> {
    list.memberOrder[Int(list.memberStarts[index])..<Int(list.memberStarts[index + 1])]
  }

  /// Strong ties with both ends in the tribe.
  package var internalTies: Int { list.internalTies[index] }

  /// Internal strong ties over possible pairs; `nil` for one member.
  package var density: Double? {
    let k = list.size(of: index)
    return k >= 2 ? Double(internalTies) / Double(k * (k - 1) / 2) : nil
  }

  /// The most common value of each attribute among the members that have it,
  /// in the order attributes first appear in the file.
  package var dominant: [DominantValue] {
    list.dominant.compactMap { column in
      let code = column.code[index]
      guard code >= 0 else { return nil }
      return DominantValue(
        attribute: column.attribute, value: column.values[Int(code)],
        share: Double(column.count[index]) / Double(column.holders[index]))
    }
  }

  /// Members with a strong tie to another tribe of the level.
  package var bridges: ArraySlice<Int32> {
    list.bridgeOrder[Int(list.bridgeStarts[index])..<Int(list.bridgeStarts[index + 1])]
  }

  /// The tribes of the level below that this tribe joins (indices); empty at level 0.
  package var parts: [Int] {
    guard !list.partStarts.isEmpty else { return [] }
    return list.partOrder[Int(list.partStarts[index])..<Int(list.partStarts[index + 1])].map {
      Int($0)
    }
  }

  // A view equals another when they show the same tribe, not the same list.
  package static func == (a: Tribe, b: Tribe) -> Bool {
    a.index == b.index && a.id == b.id && a.members == b.members
      && a.internalTies == b.internalTies && a.dominant == b.dominant && a.bridges == b.bridges
      && a.parts == b.parts
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(members.count)
    hasher.combine(internalTies)
  }
}
