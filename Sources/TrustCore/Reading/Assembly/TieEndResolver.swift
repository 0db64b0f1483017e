/// A scoped, read-mostly view of everything resolving tie ends touches: the
/// ends, the id table, the tie source's bytes, and the `from` and `to`
/// columns being written. Made only by
/// ``withColumns(count:ends:ids:bytes:_:)``, it is valid inside that call;
/// its accessors check bounds in debug builds and cost nothing more than a
/// pointer access in release builds. Workers on every core share it, each
/// writing only the slots of its own blocks.
///
/// ```swift
/// let (from, to) = TieEndHandle.withColumns(count: 2, ends: ends, ids: ids, bytes: file) {
///   handle in
///   for slot in 0..<4 {
///     let person = handle.ids.index(of: handle.key(of: slot)) ?? -1
///     handle.setPerson(Int32(person), at: slot)
///   }
/// }
/// ```
///
/// - Complexity: O(1) per access.
struct TieEndHandle: @unchecked Sendable {
  private let ends: UnsafeBufferPointer<TieEnd>
  private let from: UnsafeMutableBufferPointer<Int32>
  private let to: UnsafeMutableBufferPointer<Int32>
  private let bytes: UnsafeBufferPointer<UInt8>
  /// The id table, pinned for look-ups.
  let ids: StringInterner.Lookup

  private init(
    ends: UnsafeBufferPointer<TieEnd>, from: UnsafeMutableBufferPointer<Int32>,
    to: UnsafeMutableBufferPointer<Int32>, bytes: UnsafeBufferPointer<UInt8>,
    ids: StringInterner.Lookup
  ) {
    self.ends = ends
    self.from = from
    self.to = to
    self.bytes = bytes
    self.ids = ids
  }

  /// Makes `from` and `to` columns of `count` ties, every slot written once
  /// by `body` through the handle (tie `t`'s ends are slots `2t` and `2t + 1`).
  ///
  /// - Complexity: O(1) besides `body`; the columns are not filled first.
  static func withColumns(
    count: Int, ends: [TieEnd], ids: StringInterner, bytes: UnsafeBufferPointer<UInt8>,
    _ body: (TieEndHandle) -> Void
  ) -> (from: [Int32], to: [Int32]) {
    precondition(ends.count == count * 2, "two ends per tie")
    var toColumn: [Int32] = []
    let fromColumn = [Int32](unsafeUninitializedCapacity: count) { from, fromCount in
      toColumn = [Int32](unsafeUninitializedCapacity: count) { to, toCount in
        ids.withLookup { ids in
          ends.withUnsafeBufferPointer { ends in
            body(TieEndHandle(ends: ends, from: from, to: to, bytes: bytes, ids: ids))
          }
        }
        toCount = count
      }
      fromCount = count
    }
    return (fromColumn, toColumn)
  }

  /// How many ends there are: two per tie.
  var endCount: Int { ends.count }

  /// End `slot`.
  @inline(__always)
  func end(_ slot: Int) -> TieEnd {
    assert(slot >= 0 && slot < ends.count, "tie end \(slot) out of range")
    return ends[slot]
  }

  /// The bytes of end `slot`'s id (empty for a staged end).
  @inline(__always)
  func key(of slot: Int) -> UnsafeBufferPointer<UInt8> {
    let range = end(slot).range
    assert(range.upperBound <= bytes.count, "tie end \(slot) past the source's bytes")
    return UnsafeBufferPointer(rebasing: bytes[range])
  }

  /// Where a key's bytes may be read as whole words up to (the source's end).
  var readableEnd: UnsafeRawPointer? {
    UnsafeRawPointer(bytes.baseAddress.map { $0 + bytes.count })
  }

  /// Writes the person end `slot` names (-1 for none yet).
  @inline(__always)
  func setPerson(_ person: Int32, at slot: Int) {
    assert(slot >= 0 && slot < ends.count, "tie end \(slot) out of range")
    if slot & 1 == 0 { from[slot >> 1] = person } else { to[slot >> 1] = person }
  }
}

extension NetworkAssembler {
  /// Resolves the ids of every tie's ranged ends in one pass after the
  /// records are in, on every core: the look-ups are independent, so the
  /// processor overlaps their cache misses (which a look-up per tie while
  /// reading would not: the parse evicts the id table from the caches).
  /// Staged ends are -1 here; ``resolvePending()`` sets them.
  ///
  /// - Complexity: O(*m*) expected for *m* ties.
  mutating func resolveTieEnds() {
    let count = ties.strength.count
    let bytes =
      sources.indices.contains(tieSource) ? sources[tieSource].bytes : .init(start: nil, count: 0)
    let total = count * 2
    let block = 1 << 16
    let unknownByBlock = SharedBuffer<[Int]>(repeating: [], count: (total + block - 1) / block)
    (ties.from, ties.to) = TieEndHandle.withColumns(
      count: count, ends: tieEnds, ids: people.ids, bytes: bytes
    ) { handle in
      // Blocks of tie ends on every core; the table is only read.
      forEachBlockInParallel(count: total, block: block) { _, range in
        var unknown: [Int] = []
        let batch = 64
        let readableEnd = handle.readableEnd
        var base = range.lowerBound
        while base < range.upperBound {
          handle.ids.indices(
            count: min(batch, range.upperBound &- base), readableEnd: readableEnd
          ) { item in
            handle.key(of: base &+ item)
          } _: { item, found in
            let slot = base &+ item
            var person: Int32 = -1
            if !handle.end(slot).isStaged {
              if let found {
                person = Int32(truncatingIfNeeded: found)
              } else {
                unknown.append(slot)
              }
            }
            handle.setPerson(person, at: slot)
          }
          base &+= batch
        }
        unknownByBlock.pointer[range.lowerBound / block] = unknown
      }
    }
    for slot in unknownByBlock.array.joined() {
      let end = tieEnds[slot]
      reportUnknownPerson(
        String(decoding: UnsafeBufferPointer(rebasing: bytes[end.range]), as: UTF8.self),
        role: slot & 1 == 0 ? .from : .to, owner: slot >> 1,
        at: SourcePlace(source: tieSource, offset: end.placeOffset))
    }
  }
}
