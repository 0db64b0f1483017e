/// The person a reader is giving fields to, between
/// ``NetworkAssembler/beginPerson(ordinal:)`` and ``NetworkAssembler/finishPerson()``.
///
/// ```swift
/// assembler.openPerson.index  // 7 once their id was accepted, else -1
/// ```
///
/// - Complexity: O(1) memory: the attributes go straight to the columns.
struct OpenPerson: Sendable {
  /// The person's position in the reader's list.
  var ordinal = 0
  /// The person's index once their id was accepted, else -1.
  var index = -1
  var name: String?
  /// The manager, when found as the link was given; else -1.
  var manager: Int32 = -1
  /// The manager's id, when not yet known (the manager may come later).
  var managerReference: PersonReference?
  var managerPlace = SourcePlace(source: 0, offset: 0)
  /// Where the person's attributes start in the attribute columns.
  var firstAttribute = 0
  /// Marks the attribute keys this person gave (see `attributeSeen`).
  var stamp = 0
}

extension NetworkAssembler {
  /// Opens the reader's person `ordinal`: the fields given next are theirs,
  /// until ``finishPerson()``.
  ///
  /// ```swift
  /// assembler.beginPerson(ordinal: 2)
  /// _ = assembler.personID(bytes, at: place)  // "ana"
  /// assembler.personName("Ana")
  /// let index = assembler.finishPerson()      // 2, or nil if the id was refused
  /// ```
  ///
  /// - Complexity: O(1).
  @inline(__always)
  mutating func beginPerson(ordinal: Int) {
    openPerson.ordinal = ordinal
    openPerson.index = -1
    if openPerson.name != nil { openPerson.name = nil }
    openPerson.manager = -1
    if openPerson.managerReference != nil { openPerson.managerReference = nil }
    openPerson.managerPlace = SourcePlace(source: 0, offset: 0)
    openPerson.firstAttribute = people.attributeKey.count
    openPerson.stamp &+= 1
  }

  /// Gives the open person their id, checked: not empty, no control
  /// characters, not taken by anyone before. Returns whether it was
  /// accepted; a person without an accepted id is dropped when finished.
  ///
  /// - Complexity: O(*k*) expected for an id of *k* bytes.
  @discardableResult
  mutating func personID(_ id: UnsafeBufferPointer<UInt8>, at place: SourcePlace) -> Bool {
    let ordinal = openPerson.ordinal
    if id.isEmpty {
      diagnostics.add(
        .error, .invalidValue, at: place, path: .person(ordinal, .id), "an id must not be empty")
      return false
    }
    if let control = id.first(where: { $0 < 0x20 || $0 == 0x7F }) {
      diagnostics.add(
        .error, .invalidValue, at: place, path: .person(ordinal, .id),
        "an id must not contain control characters (found U+\(hex4(UInt32(control))))")
      return false
    }
    let expected = people.ids.count
    let (index, inserted) = people.ids.insert(id)
    guard inserted, index == expected else {
      diagnostics.add(
        .error, .duplicateId, at: place, path: .person(ordinal, .id),
        "duplicate person id '\(String(decoding: id, as: UTF8.self))' (first used by "
          + "people[\(personOrdinals.ordinal(of: index))])")
      return false
    }
    openPerson.index = index
    return true
  }

  /// Gives the open person a display name (by default their id).
  mutating func personName(_ name: String?) {
    openPerson.name = name
  }

  /// Gives the open person a manager by id: looked up now if already
  /// known, else when the network is finished. `place` is where the link
  /// is given, for unknown ids and cycles.
  mutating func personReportsTo(_ id: UnsafeBufferPointer<UInt8>, at place: SourcePlace) {
    openPerson.managerPlace = place
    if let found = people.ids.index(of: id) {
      openPerson.manager = Int32(truncatingIfNeeded: found)
      openPerson.managerReference = nil
    } else {
      openPerson.manager = -1
      openPerson.managerReference = reference(to: id, at: place, role: .reportsTo)
    }
  }

  /// The number of attribute key `key`, and whether the open person already
  /// gave it (the reader reports the repeat and skips its value).
  ///
  /// - Complexity: O(*k*) expected for a key of *k* bytes.
  @inline(__always)
  mutating func personAttributeKey(_ key: UnsafeBufferPointer<UInt8>) -> (
    key: Int, repeated: Bool
  ) {
    let (index, _) = people.attributeKeys.insert(key)
    while attributeSeen.count <= index { attributeSeen.append(0) }
    let repeated = attributeSeen[index] == openPerson.stamp
    attributeSeen[index] = openPerson.stamp
    return (index, repeated)
  }

  /// The text of attribute key number `key`.
  func attributeKeyText(_ key: Int) -> String { people.attributeKeys[key] }

  /// Gives the open person the attribute `key` (from ``personAttributeKey(_:)``)
  /// with the value `value` (its text: a number or bool keeps its digits).
  @inline(__always)
  mutating func personAttribute(key: Int, value: UnsafeBufferPointer<UInt8>) {
    let valueIndex = people.attributeValues.insert(value).index
    people.attributeKey.append(Int32(truncatingIfNeeded: key))
    people.attributeValue.append(Int32(truncatingIfNeeded: valueIndex))
  }

  /// Closes the open person: adds them and returns their index, or drops
  /// them with their attributes and returns `nil` when they have no
  /// accepted id (the reader has reported why).
  ///
  /// - Complexity: O(1), or O(*a*) to drop *a* attributes.
  @discardableResult
  mutating func finishPerson() -> Int? {
    // Fields are read in place: copying the open person costs a retain and
    // a release of its name per person.
    let index = openPerson.index
    guard index >= 0 else {
      let extra = people.attributeKey.count - openPerson.firstAttribute
      people.attributeKey.removeLast(extra)
      people.attributeValue.removeLast(extra)
      dropStagedBytes()
      return nil
    }
    personOrdinals.record(ordinal: openPerson.ordinal)
    if let name = openPerson.name {
      people.nameSlot.append(Int32(truncatingIfNeeded: people.names.count))
      people.names.append(name)
    } else {
      people.nameSlot.append(-1)
    }
    people.attributeOffsets.append(people.attributeKey.count)
    people.reportsTo.append(openPerson.manager)
    reportsToPlace.append(openPerson.managerPlace)
    if var reference = openPerson.managerReference {
      reference.owner = Int32(truncatingIfNeeded: index)
      pending.append(reference)
    }
    scratchMark = scratch.count
    return index
  }

  /// Reports every reports-to cycle once, at the link of its first person
  /// in file order, without recursion.
  ///
  /// - Complexity: O(*n*) for *n* people, plus the cycles' lengths.
  mutating func checkReportsToCycles() {
    let count = people.count
    var state = [Int32](repeating: 0, count: count)  // 0 new, >0 walk number, -1 done
    var walk: Int32 = 0
    var path: [Int] = []
    for start in 0..<count where state[start] == 0 {
      walk += 1
      path.removeAll(keepingCapacity: true)
      var current = start
      while current >= 0 && state[current] == 0 {
        state[current] = walk
        path.append(current)
        current = Int(people.reportsTo[current])
      }
      if current >= 0 && state[current] == walk {
        guard let cycleStart = path.firstIndex(of: current) else { continue }
        let cycle = Array(path[cycleStart...])
        let first = cycle.min() ?? current
        var names = cycle.prefix(12).map { "'\(people.id(of: $0))'" }
        if cycle.count > 12 { names.append("… (\(cycle.count) people)") }
        names.append("'\(people.id(of: cycle[0]))'")
        diagnostics.add(
          .error, .reportsToCycle, at: reportsToPlace[first],
          path: .person(personOrdinals.ordinal(of: first), .reportsTo),
          "reports-to cycle: \(names.joined(separator: " → ")); reports-to links must form a tree")
      }
      for person in path { state[person] = -1 }
    }
  }
}
