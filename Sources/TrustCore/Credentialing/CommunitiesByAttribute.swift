extension TrustNetwork {
  /// One community per value of attribute `key`, with id `KEY=VALUE`, in order
  /// of first appearance in the file; people without the attribute belong to none.
  ///
  /// ```swift
  /// network.indexedCommunities(byAttribute: "team").map(\.id)  // ["team=design", "team=sales"]
  /// ```
  ///
  /// - Complexity: O(*n* + *a*), *n* people and *a* attribute entries.
  package func indexedCommunities(byAttribute key: String) -> [IndexedCommunity] {
    Self.communities(from: people.attributeColumn(key))
  }

  /// One community per value of a column (an attribute, or the tribes of a level).
  package static func communities(from column: AttributeColumn) -> [IndexedCommunity] {
    let key = column.key
    var members = [[Int32]](repeating: [], count: column.values.count)
    for (person, code) in column.codes.enumerated() where code >= 0 {
      members[Int(code)].append(Int32(truncatingIfNeeded: person))
    }
    return column.values.enumerated().map { index, value in
      let id = "\(key)=\(value)"
      return IndexedCommunity(id: id, name: id, members: members[index])
    }
  }
}

/// Membership of one community as a stamp array, reusable across communities
/// without clearing: O(1) to switch to the next community.
struct MembershipMarks {
  private var stamps: [Int32]
  private var current: Int32 = 0

  init(personCount: Int) {
    stamps = [Int32](repeating: 0, count: personCount)
  }

  /// Forgets the previous set.
  mutating func reset() {
    current += 1
    if current == Int32.max {
      for index in stamps.indices { stamps[index] = 0 }
      current = 1
    }
  }

  mutating func insert(_ person: Int) { stamps[person] = current }
  func contains(_ person: Int) -> Bool { stamps[person] == current }
}
