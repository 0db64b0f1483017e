/// Every tie record of a ``TrustNetwork``, stored column by column.
///
/// A record is a directed nomination `from → to` ("from trusts to") with a
/// strength in [0, 1], a `mutual` flag meaning both directions, and contexts
/// (none means general trust, counted in every context).
package struct Ties: Sendable, RandomAccessCollection {
  /// The nominating person of each record.
  package internal(set) var from: [Int32]
  /// The nominated person of each record.
  package internal(set) var to: [Int32]
  /// The strength of each record.
  package internal(set) var strength: [Double]
  /// Whether each record stands for both directions.
  package internal(set) var mutual: [Bool]
  var contextNames: StringInterner
  /// `contextOffsets[t] ..< contextOffsets[t + 1]` index `contextOfRecord`.
  var contextOffsets: [Int]
  var contextOfRecord: [Int32]

  init() {
    from = []
    to = []
    strength = []
    mutual = []
    contextNames = StringInterner()
    contextOffsets = [0]
    contextOfRecord = []
  }

  /// Makes room for `count` records in every column but the contexts.
  mutating func reserveCapacity(_ count: Int) {
    from.reserveCapacity(count)
    to.reserveCapacity(count)
    strength.reserveCapacity(count)
    mutual.reserveCapacity(count)
    contextOffsets.reserveCapacity(count + 1)
  }

  package var startIndex: Int { 0 }
  package var endIndex: Int { from.count }

  /// The record at `index`, with person indices.
  package subscript(index: Int) -> TieRecord {
    TieRecord(
      from: Int(from[index]), to: Int(to[index]), strength: strength[index],
      mutual: mutual[index], contexts: contexts(of: index))
  }

  /// The context names of record `index` (empty for general trust).
  package func contexts(of index: Int) -> [String] {
    (contextOffsets[index]..<contextOffsets[index + 1]).map {
      contextNames[Int(contextOfRecord[$0])]
    }
  }
}

/// One tie record, with person indices.
package struct TieRecord: Sendable, Hashable {
  /// The nominating person's index.
  package var from: Int
  /// The nominated person's index.
  package var to: Int
  /// The strength, in [0, 1].
  package var strength: Double
  /// Whether the record stands for both directions.
  package var mutual: Bool
  /// The contexts; empty means general trust.
  package var contexts: [String]

  /// Creates a record.
  package init(
    from: Int, to: Int, strength: Double = 1, mutual: Bool = false, contexts: [String] = []
  ) {
    self.from = from
    self.to = to
    self.strength = strength
    self.mutual = mutual
    self.contexts = contexts
  }
}
