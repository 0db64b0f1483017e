/// Maps the index of a kept element (a person, a tie, a community) to its
/// position in the reader's list, for messages, once some elements were
/// dropped as invalid; until then the two are equal and nothing is stored.
///
/// ```swift
/// var ties = OrdinalMap()
/// ties.record(ordinal: 0)
/// ties.record(ordinal: 2)  // the reader dropped its element 1
/// ties.ordinal(of: 1)      // 2
/// ```
///
/// - Complexity: O(1) per element while none is dropped; after the first
///   drop, 4 bytes per kept element.
struct OrdinalMap: Sendable {
  /// Each kept element's position; `nil` while kept element `i` is element `i`.
  private var ordinals: [Int32]?
  /// How many elements were kept.
  private(set) var count = 0

  init() {}

  /// Notes that the next kept element is the reader's element `ordinal`.
  @inline(__always)
  mutating func record(ordinal: Int) {
    if ordinals == nil {
      if ordinal == count {
        count &+= 1
        return
      }
      ordinals = (0..<count).map { Int32(truncatingIfNeeded: $0) }
    }
    ordinals?.append(Int32(truncatingIfNeeded: ordinal))
    count &+= 1
  }

  /// The reader's position of kept element `index`.
  func ordinal(of index: Int) -> Int {
    guard let ordinals, index < ordinals.count else { return index }
    return Int(ordinals[index])
  }

  /// Appends another map for the elements that follow these, whose reader
  /// numbered them from 0 where this reader's element `shift` stood.
  mutating func absorb(_ other: OrdinalMap, shiftedBy shift: Int) {
    if ordinals == nil && other.ordinals == nil && shift == count {
      count += other.count
      return
    }
    var merged = ordinals ?? (0..<count).map { Int32(truncatingIfNeeded: $0) }
    merged.reserveCapacity(count + other.count)
    for index in 0..<other.count {
      merged.append(Int32(truncatingIfNeeded: other.ordinal(of: index) + shift))
    }
    ordinals = merged
    count += other.count
  }
}
