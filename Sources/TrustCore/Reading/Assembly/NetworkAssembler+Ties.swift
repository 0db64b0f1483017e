/// Where a tie's end id sits: a range of the tie source's bytes, resolved
/// with every other end in one batched pass (``NetworkAssembler/resolveTieEnds()``),
/// or a mark that the id was staged as a reference instead.
///
/// A range may be `quoted`: the id's place, for messages, is then the byte
/// before it (the opening quote of a JSON or CSV string).
///
/// ```swift
/// let end = TieEnd(start: 41, length: 3, quoted: true)  // "ana" at 40..<45
/// end.range     // 41..<44
/// end.placeOffset  // 40
/// ```
///
/// - Complexity: 8 bytes; O(1) to make and read.
struct TieEnd: Sendable, Equatable {
  var start: UInt32
  /// The length in the low 31 bits, whether quoted in the top one; `.max`
  /// marks an end resolved through a reference (`start` is then its index
  /// in ``NetworkAssembler/pending`` once the tie is added).
  var length: UInt32

  /// The longest id a range can hold; longer ones are staged.
  static let longestRange = Int(Int32.max) - 1
  private static let quotedBit: UInt32 = 1 << 31

  /// An end staged with ``NetworkAssembler/stageTieEnd(id:at:)``.
  static let staged = TieEnd(start: 0, length: .max)

  private init(start: UInt32, length: UInt32) {
    self.start = start
    self.length = length
  }

  /// The id at `start ..< start + length` of the tie source; `quoted` when
  /// its place is the byte before it. `length` is at most ``longestRange``
  /// and the range lies below 4 GiB.
  @inline(__always)
  init(start: Int, length: Int, quoted: Bool) {
    assert(length >= 0 && length <= Self.longestRange && start >= 0 && start + length < 1 << 32)
    self.start = UInt32(truncatingIfNeeded: start)
    self.length = UInt32(truncatingIfNeeded: length) | (quoted ? Self.quotedBit : 0)
  }

  /// Whether the end waits for a reference instead of a range.
  @inline(__always)
  var isStaged: Bool { length == .max }

  /// The id's bytes in the tie source (empty for a staged end).
  @inline(__always)
  var range: Range<Int> {
    let begin = Int(start)
    return isStaged ? 0..<0 : begin..<begin &+ Int(length & ~Self.quotedBit)
  }

  /// The byte offset of the id's place: its first byte, or its quote.
  @inline(__always)
  var placeOffset: Int { Int(start) &- (length & Self.quotedBit == 0 ? 0 : 1) }
}

/// What a reader gave for the tie it is adding: its contexts and any end
/// whose id is not a range of the tie source.
///
/// ```swift
/// assembler.addTieContext(work)  // openTie.contexts == [0]
/// ```
///
/// - Complexity: 4 bytes per context given.
struct OpenTie: Sendable {
  /// Context codes, each once, in the order given.
  var contexts: [Int32] = []
  /// Ends staged as references, `from` then `to`.
  var from: PersonReference?
  var to: PersonReference?
  /// Marks the contexts this tie named (see `contextSeen`).
  var stamp = 1
}

extension NetworkAssembler {
  /// A tie end for the id `id` at `place`: a range when the id lies in the
  /// tie source's bytes where the place says (at it, or one byte after a
  /// quote), else a copy staged for the tie added next.
  ///
  /// ```swift
  /// let from = assembler.tieEnd(id: fromBytes, at: fromPlace, side: .from)
  /// ```
  mutating func tieEnd(id: UnsafeBufferPointer<UInt8>, at place: SourcePlace, side: TieSide)
    -> TieEnd
  {
    let source = sources.indices.contains(tieSource) ? sources[tieSource] : nil
    if let source, let base = source.bytes.baseAddress, let start = id.baseAddress,
      source.contains(id), place.kind == .offset, place.source == tieSource,
      id.count <= TieEnd.longestRange
    {
      let offset = start - base
      if place.offset == offset || place.offset == offset - 1 {
        return TieEnd(start: offset, length: id.count, quoted: place.offset != offset)
      }
    }
    return stageTieEnd(id: id, at: place, side: side)
  }

  /// Stages the id of one end of the tie added next, to be resolved as a
  /// reference (decoded text, an id outside the tie source); returns
  /// ``TieEnd/staged`` to pass as that end.
  mutating func stageTieEnd(id: UnsafeBufferPointer<UInt8>, at place: SourcePlace, side: TieSide)
    -> TieEnd
  {
    let reference = reference(to: id, at: place, role: side == .from ? .from : .to)
    if side == .from { openTie.from = reference } else { openTie.to = reference }
    return .staged
  }

  /// Adds context `name` to the tie added next (a context named twice counts once).
  ///
  /// - Complexity: O(*k*) expected for a name of *k* bytes.
  mutating func addTieContext(_ name: UnsafeBufferPointer<UInt8>) {
    let context = ties.contextNames.insert(name).index
    while contextSeen.count <= context { contextSeen.append(0) }
    guard contextSeen[context] != openTie.stamp else { return }
    contextSeen[context] = openTie.stamp
    openTie.contexts.append(Int32(truncatingIfNeeded: context))
  }

  /// Checks a tie's strength (see ``checkedUnitNumber(_:text:what:code:at:path:)``):
  /// the value, or `nil` once reported.
  @inline(__always)
  mutating func checkedStrength(
    _ value: Double, text: @autoclosure () -> String, at place: SourcePlace, ordinal: Int
  ) -> Double? {
    checkedUnitNumber(
      value, text: text(), what: "a strength", code: .strengthOutOfRange, at: place,
      path: .tie(ordinal, .strength))
  }

  /// Adds the reader's tie record `ordinal`, `from` trusts `to`, with the
  /// contexts and staged ends given since the last tie. `strength` must be
  /// checked already (``checkedStrength(_:text:at:ordinal:)``): a tie whose
  /// strength was refused is still added with another, so that its ends are
  /// checked too.
  ///
  /// - Complexity: O(1) amortised, plus its contexts.
  // Not inlined: inlined into the JSON reader's tie loop, this made that
  // function so big that the optimizer called the columns' uniqueness and
  // capacity checks out of line, four calls per tie (7 % more instructions on M).
  @inline(never)
  mutating func addTie(ordinal: Int, from: TieEnd, to: TieEnd, strength: Double, mutual: Bool) {
    let tie = ties.strength.count
    var from = from
    var to = to
    if from.isStaged || to.isStaged { commitStagedEnds(tie: tie, from: &from, to: &to) }
    tieOrdinals.record(ordinal: ordinal)
    tieEnds.append(from)
    tieEnds.append(to)
    ties.strength.append(strength + 0)  // + 0 turns -0 into 0
    ties.mutual.append(mutual)
    if !openTie.contexts.isEmpty || !ties.contextOffsets.isEmpty {
      ties.setContextsOfLastRecord(openTie.contexts)
      openTie.contexts.removeAll(keepingCapacity: true)
    }
    openTie.stamp &+= 1
  }

  /// Points staged ends at their references, now owned by tie `tie`.
  private mutating func commitStagedEnds(tie: Int, from: inout TieEnd, to: inout TieEnd) {
    precondition(
      (!from.isStaged || openTie.from != nil) && (!to.isStaged || openTie.to != nil),
      "a staged tie end without stageTieEnd(id:at:side:)")
    if from.isStaged, var reference = openTie.from {
      reference.owner = Int32(truncatingIfNeeded: tie)
      from.start = UInt32(truncatingIfNeeded: pending.count)
      pending.append(reference)
    }
    if to.isStaged, var reference = openTie.to {
      reference.owner = Int32(truncatingIfNeeded: tie)
      to.start = UInt32(truncatingIfNeeded: pending.count)
      pending.append(reference)
    }
    openTie.from = nil
    openTie.to = nil
    scratchMark = scratch.count
  }

  /// Forgets what was given for a tie the reader drops as invalid (its
  /// contexts stay known, as names the file used).
  mutating func dropTie() {
    openTie.contexts.removeAll(keepingCapacity: true)
    openTie.from = nil
    openTie.to = nil
    openTie.stamp &+= 1
    dropStagedBytes()
  }

  /// Makes room for `count` more ties, so that no column grows by copying.
  mutating func reserveTies(_ count: Int) {
    ties.reserveCapacity(count)
    tieEnds.reserveCapacity(count * 2)
  }

  /// The place of tie `tie`: its `from` end's.
  func placeOfTie(_ tie: Int) -> SourcePlace {
    let end = tieEnds[tie &* 2]
    if end.isStaged { return pending[Int(end.start)].place }
    return SourcePlace(source: tieSource, offset: end.placeOffset)
  }

  /// Warns of each tie from a person to themselves (ignored by every analysis).
  ///
  /// - Complexity: O(*m*) for *m* ties.
  mutating func checkSelfTies() {
    for tie in 0..<ties.from.count where ties.from[tie] >= 0 && ties.from[tie] == ties.to[tie] {
      diagnostics.add(
        .warning, .selfTie, at: placeOfTie(tie), path: .tie(tieOrdinals.ordinal(of: tie)),
        "a tie from '\(people.id(of: Int(ties.from[tie])))' to themselves is ignored")
    }
  }

  /// Appends the ties another assembler read (the next part of the same
  /// list, which it numbered from 0 where this reader's element `shift`
  /// stands), with their references and problems. The first part's columns
  /// are adopted, not copied.
  ///
  /// - Complexity: O(*m*) for the other's *m* ties, O(1) for the first part.
  mutating func absorbTies(from other: consuming NetworkAssembler, shiftedBy shift: Int) {
    let base = ties.strength.count
    let endBase = tieEnds.count
    let pendingBase = pending.count
    let scratchBase = scratch.count
    if base == 0 && ties.contextNames.count == 0 && tieEnds.isEmpty {
      // The first part: adopt its columns instead of copying them.
      ties = other.ties
      tieEnds = other.tieEnds
    } else {
      var contextCode: [Int32] = []
      for context in 0..<other.ties.contextNames.count {
        contextCode.append(
          Int32(
            truncatingIfNeeded: ties.contextNames.insert(other.ties.contextNames[context]).index))
      }
      ties.appendContexts(of: other.ties, recordCount: base, mappingCodes: contextCode)
      ties.strength += other.ties.strength
      ties.mutual += other.ties.mutual
      tieEnds += other.tieEnds
    }
    for var reference in other.pending {
      if pendingBase > 0 {
        // A staged end points at its reference by index: move it on too.
        let end = endBase + Int(reference.owner) * 2 + (reference.role == .from ? 0 : 1)
        tieEnds[end].start += UInt32(truncatingIfNeeded: pendingBase)
      }
      reference.owner += Int32(truncatingIfNeeded: base)
      if reference.source < 0 { reference.start += scratchBase }
      pending.append(reference)
    }
    scratch += other.scratch
    scratchMark = scratch.count
    largestWeight = max(largestWeight, other.largestWeight)
    droppedNegativeWeights += other.droppedNegativeWeights
    tieOrdinals.absorb(other.tieOrdinals, shiftedBy: shift)
    diagnostics.absorb(other.diagnostics, shiftingTiesBy: shift)
  }
}

/// Which end of a tie: who trusts, or whom.
///
/// ```swift
/// assembler.stageTieEnd(id: decoded, at: place, side: .to)
/// ```
enum TieSide: Sendable {
  case from
  case to
}
