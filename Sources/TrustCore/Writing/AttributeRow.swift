/// One person's attributes laid out by key, for writers that write them in
/// columns: ``codes`` holds, per attribute key in order of first appearance,
/// the code of the person's value (into the network's interned values), or -1.
///
/// ```swift
/// var row = AttributeRow(network.people)
/// row.load(person: 3)
/// row.codes  // [0, 2, -1]: values of team and site, no level
/// ```
///
/// - Complexity: ``load(person:)`` is O(the person's attributes + the last one's).
struct AttributeRow {
  private let people: People
  /// Per key, the value's code, or -1 when the person lacks the attribute.
  private(set) var codes: [Int32]
  private var loaded = -1

  /// A row for `people`, loaded with nobody.
  init(_ people: People) {
    self.people = people
    codes = [Int32](repeating: -1, count: people.attributeKeys.count)
  }

  /// Lays out `person`'s attributes.
  mutating func load(person: Int) {
    if loaded >= 0 {
      for slot in people.attributeOffsets[loaded]..<people.attributeOffsets[loaded + 1] {
        codes[Int(people.attributeKey[slot])] = -1
      }
    }
    for slot in people.attributeOffsets[person]..<people.attributeOffsets[person + 1] {
      codes[Int(people.attributeKey[slot])] = people.attributeValue[slot]
    }
    loaded = person
  }

  /// The bytes of the value with `code`.
  func value(_ code: Int32) -> ArraySlice<UInt8> {
    people.attributeValues.utf8(Int(code))
  }
}
