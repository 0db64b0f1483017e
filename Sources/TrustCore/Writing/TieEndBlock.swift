/// The ids of a block of tie records' ends, looked up together: the two
/// offsets and the first byte of each id are loaded for the whole block in
/// one loop, so the processor overlaps the cache misses of independent
/// look-ups (a million ids do not fit in cache, and ties name them at
/// random), before the writer reads the ids in order. The reader and the
/// degree counts load batches of row bounds the same way.
///
/// ```swift
/// var ends = TieEndBlock(network)
/// for tie in 0..<ties.count {
///   let (from, to) = ends.ids(of: tie)  // loads the next block when `tie` is past this one
///   out.appendJSONString(from)
/// }
/// ```
///
/// - Complexity: O(block size) per ``load(_:)``.
struct TieEndBlock {
  /// How many records a block holds.
  static let size = 64

  private let ids: StringInterner
  private let from: [Int32]
  private let to: [Int32]
  /// Per record of the block: the start and end of its `from` id, then of its `to` id.
  private var bounds: [Int]
  /// The records loaded.
  private(set) var range = 0..<0
  /// Keeps the first-byte loads from being optimised away.
  private var touched: UInt8 = 0

  /// A block over `network`'s ties, loaded with none.
  init(_ network: TrustNetwork) {
    ids = network.people.ids
    from = network.ties.from
    to = network.ties.to
    bounds = [Int](repeating: 0, count: Self.size * 4)
  }

  /// Looks up the ends of the records in `range` (at most ``size`` of them).
  mutating func load(_ range: Range<Int>) {
    self.range = range
    let offsets = ids.offsets
    var touched = self.touched
    ids.bytes.withUnsafeBufferPointer { bytes in
      for (slot, tie) in range.enumerated() {
        let source = Int(from[tie])
        let target = Int(to[tie])
        let sourceStart = offsets[source]
        let targetStart = offsets[target]
        bounds[slot * 4] = sourceStart
        bounds[slot * 4 + 1] = offsets[source + 1]
        bounds[slot * 4 + 2] = targetStart
        bounds[slot * 4 + 3] = offsets[target + 1]
        if sourceStart < bytes.count { touched &+= bytes[sourceStart] }
        if targetStart < bytes.count { touched &+= bytes[targetStart] }
      }
    }
    self.touched = touched
  }

  /// The id bytes of record `tie`'s ends, loading the block from `tie` on
  /// when `tie` is not in the loaded one.
  mutating func ids(of tie: Int) -> (from: ArraySlice<UInt8>, to: ArraySlice<UInt8>) {
    if !range.contains(tie) { load(tie..<min(tie + Self.size, from.count)) }
    let slot = (tie - range.lowerBound) * 4
    return (
      ids.bytes[bounds[slot]..<bounds[slot + 1]], ids.bytes[bounds[slot + 2]..<bounds[slot + 3]]
    )
  }
}
