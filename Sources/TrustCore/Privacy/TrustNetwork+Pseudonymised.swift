extension TrustNetwork {
  /// The same network with every id and name replaced by its pseudonym, so
  /// that every report and every converted file made from it can be shared
  /// (docs/design.md, 'Provenance and privacy').
  ///
  /// People's ids become ``Pseudonymiser/pseudonym(for:)`` of the id, and
  /// their names the same pseudonym; communities' ids and names likewise;
  /// the network's name is dropped. Ties, strengths, contexts, reports-to
  /// links and the remaining attributes are kept: drop identifying attributes
  /// with `droppingAttributes`. Warnings keep their count but not their
  /// messages, which quote ids. In the rare case that two ids of one network
  /// would share a 12-digit pseudonym, those ids get 16 digits (then more),
  /// so pseudonyms stay unique.
  ///
  /// ```swift
  /// let shared = network.pseudonymised(
  ///   by: try Pseudonymiser(key: key), droppingAttributes: ["email"])
  /// shared.people[0].id  // "p-3f9a0c27e1b4"
  /// ```
  ///
  /// - Complexity: O(*n* + *m*); the pseudonyms are computed on every core.
  public func pseudonymised(
    by pseudonymiser: Pseudonymiser, droppingAttributes dropped: Set<String> = []
  ) -> TrustNetwork {
    var copy = droppingAttributes(dropped)
    copy.name = nil
    copy.people.ids = Self.pseudonyms(of: people.ids, by: pseudonymiser)
    copy.people.nameSlot = [Int32](repeating: -1, count: people.count)
    copy.people.names = []
    var communityIDs = StringInterner()
    for community in indexedCommunities { communityIDs.insert(community.id) }
    let renamed = Self.pseudonyms(of: communityIDs, by: pseudonymiser)
    for index in copy.indexedCommunities.indices {
      copy.indexedCommunities[index].id = renamed[index]
      copy.indexedCommunities[index].name = renamed[index]
    }
    copy.warnings = []
    return copy
  }

  /// The same network without the attributes named in `dropped` (their
  /// values leave memory too); a name no one has is ignored here (the
  /// command line refuses it, naming the closest).
  ///
  /// - Complexity: O(*n* + *a*), *a* attribute entries.
  public func droppingAttributes(_ dropped: Set<String>) -> TrustNetwork {
    guard !dropped.isEmpty else { return self }
    var copy = self
    let old = people
    var keys = StringInterner()
    var values = StringInterner()
    var keyCode = [Int32](repeating: -1, count: old.attributeKeys.count)
    for key in 0..<old.attributeKeys.count where !dropped.contains(old.attributeKeys[key]) {
      keyCode[key] = Int32(truncatingIfNeeded: keys.insert(old.attributeKeys[key]).index)
    }
    var valueCode = [Int32](repeating: -1, count: old.attributeValues.count)
    var offsets = [0]
    offsets.reserveCapacity(old.count + 1)
    var keyColumn: [Int32] = []
    var valueColumn: [Int32] = []
    for person in 0..<old.count {
      for slot in old.attributeOffsets[person]..<old.attributeOffsets[person + 1] {
        let key = keyCode[Int(old.attributeKey[slot])]
        guard key >= 0 else { continue }
        let raw = Int(old.attributeValue[slot])
        if valueCode[raw] < 0 {
          valueCode[raw] = Int32(truncatingIfNeeded: values.insert(old.attributeValues[raw]).index)
        }
        keyColumn.append(key)
        valueColumn.append(valueCode[raw])
      }
      offsets.append(keyColumn.count)
    }
    copy.people.attributeKeys = keys
    copy.people.attributeValues = values
    copy.people.attributeOffsets = offsets
    copy.people.attributeKey = keyColumn
    copy.people.attributeValue = valueColumn
    return copy
  }

  /// The pseudonyms of every string of `ids`, in the same numbering, unique;
  /// `startingDigits` is lowered only by tests, to make ids share pseudonyms.
  static func pseudonyms(
    of ids: StringInterner, by pseudonymiser: Pseudonymiser,
    startingDigits: Int = Pseudonymiser.digits
  ) -> StringInterner {
    let count = ids.count
    let bytes = ids.bytes
    let offsets = ids.offsets
    var digits = [Int](repeating: startingDigits, count: count)
    while true {
      let made = SharedBuffer<String>(repeating: "", count: count)
      let lengths = digits
      forEachBlockInParallel(count: count, block: 2048) { _, range in
        bytes.withUnsafeBytes { raw in
          for index in range {
            made.pointer[index] = pseudonymiser.pseudonym(
              forBytes: UnsafeRawBufferPointer(rebasing: raw[offsets[index]..<offsets[index + 1]]),
              digits: lengths[index])
          }
        }
      }
      var unique = StringInterner(reservingCapacity: count, averageLength: 14)
      var shared: [Int] = []
      for index in 0..<count where !unique.insert(made.pointer[index]).inserted {
        shared.append(index)
      }
      if shared.isEmpty { return unique }
      // Every id whose pseudonym another id also got, the first included, gets four more digits.
      var clashing = Set<String>()
      for index in shared { clashing.insert(made.pointer[index]) }
      for index in 0..<count where clashing.contains(made.pointer[index]) {
        precondition(digits[index] < 64, "two ids with the same HMAC-SHA256")
        digits[index] = min(64, digits[index] + 4)
      }
    }
  }
}
