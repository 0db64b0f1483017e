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
  /// `contextOffsets[t] ..< contextOffsets[t + 1]` index `contextOfRecord`;
  /// empty while no record has contexts (most files), which saves a word
  /// per record.
  var contextOffsets: [Int]
  var contextOfRecord: [Int32]

  init() {
    from = []
    to = []
    strength = []
    mutual = []
    contextNames = StringInterner()
    contextOffsets = []
    contextOfRecord = []
  }

  /// Makes room for `count` records in the strength and mutual columns;
  /// `from` and `to` are filled all at once when the ids are resolved.
  mutating func reserveCapacity(_ count: Int) {
    strength.reserveCapacity(count)
    mutual.reserveCapacity(count)
  }

  /// Sets the contexts (codes into `contextNames`) of the record just
  /// appended to `strength`, the last one.
  mutating func setContextsOfLastRecord(_ codes: [Int32]) {
    if codes.isEmpty {
      if !contextOffsets.isEmpty { contextOffsets.append(contextOfRecord.count) }
      return
    }
    // The first record with contexts: every earlier one has none.
    if contextOffsets.isEmpty { contextOffsets = [Int](repeating: 0, count: strength.count) }
    contextOfRecord.append(contentsOf: codes)
    contextOffsets.append(contextOfRecord.count)
  }

  /// Appends the contexts of `other`'s records, which follow these, mapping
  /// its context codes through `code`.
  mutating func appendContexts(of other: Ties, recordCount: Int, mappingCodes code: [Int32]) {
    guard !other.contextOffsets.isEmpty || !contextOffsets.isEmpty else { return }
    if contextOffsets.isEmpty { contextOffsets = [Int](repeating: 0, count: recordCount + 1) }
    let base = contextOfRecord.count
    contextOfRecord.reserveCapacity(base + other.contextOfRecord.count)
    for context in other.contextOfRecord { contextOfRecord.append(code[Int(context)]) }
    if other.contextOffsets.isEmpty {
      contextOffsets.append(contentsOf: repeatElement(base, count: other.strength.count))
    } else {
      for offset in other.contextOffsets.dropFirst() { contextOffsets.append(offset + base) }
    }
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
    guard !contextOffsets.isEmpty else { return [] }
    return (contextOffsets[index]..<contextOffsets[index + 1]).map {
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
