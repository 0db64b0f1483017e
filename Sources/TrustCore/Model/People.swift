/// Everyone in a ``TrustNetwork``, stored column by column.
///
/// Subscript it with an index for a ``Person`` value, or read a column
/// (``reportsTo``, ``attributeColumn(_:)``) when working over everyone.
///
/// ```swift
/// for person in network.people where person.reportsTo == nil { print(person.id, "is a root") }
/// ```
package struct People: Sendable, RandomAccessCollection {
  var ids: StringInterner
  /// Index into `names` for each person, or -1 when the name is the id.
  var nameSlot: [Int32]
  var names: [String]
  /// Each person's formal manager as an index, or -1.
  package internal(set) var reportsTo: [Int32]
  var attributeKeys: StringInterner
  var attributeValues: StringInterner
  /// `attributeOffsets[p] ..< attributeOffsets[p + 1]` index `attributeKey` and `attributeValue`.
  var attributeOffsets: [Int]
  var attributeKey: [Int32]
  var attributeValue: [Int32]

  init() {
    ids = StringInterner()
    nameSlot = []
    names = []
    reportsTo = []
    attributeKeys = StringInterner()
    attributeValues = StringInterner()
    attributeOffsets = [0]
    attributeKey = []
    attributeValue = []
  }

  package var startIndex: Int { 0 }
  package var endIndex: Int { nameSlot.count }

  /// The person at `index`.
  package subscript(index: Int) -> Person {
    var attributes: [String: String] = [:]
    for slot in attributeOffsets[index]..<attributeOffsets[index + 1] {
      attributes[attributeKeys[Int(attributeKey[slot])]] =
        attributeValues[Int(attributeValue[slot])]
    }
    let manager = reportsTo[index]
    return Person(
      id: id(of: index), name: name(of: index), attributes: attributes,
      reportsTo: manager < 0 ? nil : id(of: Int(manager)))
  }

  /// The id of the person at `index`.
  package func id(of index: Int) -> String { ids[index] }

  /// The display name of the person at `index` (the id when the file gives none).
  package func name(of index: Int) -> String {
    let slot = nameSlot[index]
    return slot < 0 ? ids[index] : names[Int(slot)]
  }

  /// Every person's value of attribute `key` as a dense value number (-1 where
  /// the person lacks it), with the values' texts.
  ///
  /// - Complexity: O(*n* + *a*), *n* people and *a* attribute entries.
  package func attributeColumn(_ key: String) -> AttributeColumn {
    var codes = [Int32](repeating: -1, count: count)
    var valueCode = [Int32](repeating: -1, count: attributeValues.count)
    var values: [String] = []
    if let keyIndex = attributeKeys.index(of: key) {
      let wanted = Int32(keyIndex)
      for person in 0..<count {
        for slot in attributeOffsets[person]..<attributeOffsets[person + 1]
        where attributeKey[slot] == wanted {
          let raw = Int(attributeValue[slot])
          if valueCode[raw] < 0 {
            valueCode[raw] = Int32(values.count)
            values.append(attributeValues[raw])
          }
          codes[person] = valueCode[raw]
        }
      }
    }
    return AttributeColumn(key: key, codes: codes, values: values)
  }
}

/// One attribute across everyone: a value number per person (-1 for none) and
/// the values in order of first appearance in the file.
package struct AttributeColumn: Sendable, Hashable {
  /// The attribute key.
  package var key: String
  /// Per person, an index into ``values``, or -1 when the person lacks the attribute.
  package var codes: [Int32]
  /// The distinct values, in order of first appearance in the file.
  package var values: [String]

  /// Creates a column.
  package init(key: String, codes: [Int32], values: [String]) {
    self.key = key
    self.codes = codes
    self.values = values
  }
}

/// A person, with ids rather than indices.
public struct Person: Sendable, Hashable {
  /// The unique id.
  public var id: String
  /// The display name (the id when the file gives none).
  public var name: String
  /// Attributes such as `team` or `site`; number and bool values keep their JSON text.
  public var attributes: [String: String]
  /// The formal manager's id, if any.
  public var reportsTo: String?

  /// Creates a person.
  public init(
    id: String, name: String? = nil, attributes: [String: String] = [:], reportsTo: String? = nil
  ) {
    self.id = id
    self.name = name ?? id
    self.attributes = attributes
    self.reportsTo = reportsTo
  }
}
