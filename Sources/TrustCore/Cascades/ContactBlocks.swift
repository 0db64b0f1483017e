/// One worker's contacts of a round, held back in blocks of people before
/// they are heard, so that hearing them reads a small part of the state at
/// a time ("propagation blocking": Beamer, Asanović and Patterson, 2017).
///
/// A large round touches a random person's entry for every contact of every
/// speaker. Over a million people those reads land anywhere in megabytes of
/// state and cost a trip to the last cache level or memory each (about 30 ns
/// here, against 4 ns inside a block that fits a core's own cache). So each
/// worker first writes every contact of its speakers to the buffer of the
/// contact's block (1 << `shift` people; written in order, which memory
/// streams well), and then each block is heard from every worker's buffer
/// by the one worker that owns the block's people: within one block's
/// entries, and with no entry written by two threads.
///
/// ```swift
/// let blocks = ContactBlocks(people: n, shift: 15, capacity: 1 << 16)
/// defer { blocks.deallocate() }
/// if !blocks.add(contact, flag: 0) { /* full: hear the blocks, then go on */ }
/// for packed in blocks.entries(of: 3) { /* hear */ }
/// blocks.empty(3)
/// ```
///
/// An entry is a person's index with a one-bit flag above it (people are
/// `Int32` indices, so bit 31 is free).
///
/// - Complexity: O(1) a call; O(blocks × capacity) memory.
struct ContactBlocks: @unchecked Sendable {
  /// The flag bit of an entry.
  static let flag: UInt32 = 1 << 31

  /// A block is `1 << shift` consecutive people.
  let shift: Int
  /// How many entries a block's buffer holds.
  let capacity: Int
  let blockCount: Int
  private let buffer: UnsafeMutablePointer<UInt32>
  private let fill: UnsafeMutablePointer<Int>

  /// Room for contacts among `people` people, in blocks of `1 << shift`
  /// people, `capacity` entries a block.
  init(people: Int, shift: Int, capacity: Int) {
    precondition(shift >= 0 && shift < 31 && capacity > 0, "blocks need a size")
    self.shift = shift
    self.capacity = capacity
    blockCount = Self.blockCount(people: people, shift: shift)
    buffer = .allocate(capacity: blockCount * capacity)
    fill = .allocate(capacity: blockCount)
    fill.initialize(repeating: 0, count: blockCount)
  }

  /// How many blocks of `1 << shift` hold `people` people (at least one).
  static func blockCount(people: Int, shift: Int) -> Int {
    max(1, (people + (1 << shift) - 1) >> shift)
  }

  /// Holds `person` with `flag` (0 or ``flag``) above it, unless the
  /// person's block is full: then holds nothing and returns false.
  @inline(__always)
  func add(_ person: Int, flag: UInt32) -> Bool {
    let block = person &>> shift
    assert(block >= 0 && block < blockCount, "person \(person) is outside the blocks")
    let count = fill[block]
    guard count < capacity else { return false }
    buffer[block &* capacity &+ count] = UInt32(truncatingIfNeeded: person) | flag
    fill[block] = count &+ 1
    return true
  }

  /// The entries `block` holds, in the order they came.
  @inline(__always)
  func entries(of block: Int) -> UnsafeBufferPointer<UInt32> {
    assert(block >= 0 && block < blockCount, "block \(block) outside 0..<\(blockCount)")
    return UnsafeBufferPointer(start: buffer + block &* capacity, count: fill[block])
  }

  /// Lets `block` hold entries afresh.
  @inline(__always)
  func empty(_ block: Int) {
    assert(block >= 0 && block < blockCount, "block \(block) outside 0..<\(blockCount)")
    fill[block] = 0
  }

  func deallocate() {
    buffer.deallocate()
    fill.deallocate()
  }
}
