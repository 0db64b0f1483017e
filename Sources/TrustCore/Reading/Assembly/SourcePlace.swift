/// Where something sits in the inputs a network is read from, in one word:
/// which source (a file the reader registered with the assembler), and a byte
/// offset, a line and column, or a sequence number in it.
///
/// Readers record places per record (ten million ties, say), so a place is
/// only packed numbers; it becomes a ``FileLocation`` at the very end, for
/// the few problems kept (``DiagnosticCollector/finish(sources:)``). Places
/// compare by source, then kind, then position, which is file order when a
/// reader keeps to one kind per source.
///
/// ```swift
/// let quote = SourcePlace(source: 0, offset: 301)        // resolved to 12:5 later
/// let cell = SourcePlace(source: 1, line: 4, column: 9)  // 4:9 as given
/// let added = SourcePlace(source: 2, sequence: 17)       // no location at all
/// ```
///
/// - Complexity: O(1) to make and compare.
struct SourcePlace: Hashable, Comparable, Sendable {
  /// Bits 63–50: the source; bits 49–48: the kind; bits 47–0: the position.
  let packed: UInt64

  /// How a place's position is read.
  enum Kind: UInt64 {
    /// A byte offset into the source's bytes, turned into a line and column at the end.
    case offset = 0
    /// A line and a column as the reader counted them.
    case lineAndColumn = 1
    /// A position in the order things were added, with no location (built in code).
    case sequence = 2
  }

  /// The most sources one network can be read from.
  static let sourceLimit = 1 << 14
  private static let positionBits: UInt64 = 48
  private static let positionMask: UInt64 = (1 << 48) - 1
  /// Lines and columns share the 48 position bits: 28 for the line, 20 for the column.
  private static let columnBits: UInt64 = 20
  static let largestLine = (1 << 28) - 1
  static let largestColumn = (1 << 20) - 1

  private init(source: Int, kind: Kind, position: UInt64) {
    assert(source >= 0 && source < Self.sourceLimit, "source \(source) out of range")
    assert(position <= Self.positionMask, "position \(position) out of range")
    packed = UInt64(truncatingIfNeeded: source) << 50 | kind.rawValue << 48 | position
  }

  /// The byte at `offset` (0-based) in source `source`'s bytes.
  @inline(__always)
  init(source: Int, offset: Int) {
    self.init(source: source, kind: .offset, position: UInt64(truncatingIfNeeded: max(0, offset)))
  }

  /// Line `line`, column `column` (both 1-based) of source `source`; a line
  /// past ``largestLine`` or a column past ``largestColumn`` is kept as that
  /// largest value.
  init(source: Int, line: Int, column: Int) {
    let line = UInt64(min(max(line, 1), Self.largestLine))
    let column = UInt64(min(max(column, 1), Self.largestColumn))
    self.init(source: source, kind: .lineAndColumn, position: line << Self.columnBits | column)
  }

  /// The `sequence`-th thing added to source `source`, which has no bytes to point at.
  init(source: Int, sequence: Int) {
    self.init(
      source: source, kind: .sequence,
      position: UInt64(truncatingIfNeeded: min(max(sequence, 0), Int(Self.positionMask))))
  }

  /// The source's number, in the order sources were registered.
  var source: Int { Int(truncatingIfNeeded: packed >> 50) }
  var kind: Kind { Kind(rawValue: (packed >> 48) & 3) ?? .sequence }
  /// The byte offset, for a place of kind ``Kind/offset``.
  var offset: Int { Int(truncatingIfNeeded: packed & Self.positionMask) }
  /// The line and column, for a place of kind ``Kind/lineAndColumn``.
  var lineAndColumn: (line: Int, column: Int) {
    let position = packed & Self.positionMask
    return (
      Int(truncatingIfNeeded: position >> Self.columnBits),
      Int(truncatingIfNeeded: position & ((1 << Self.columnBits) - 1))
    )
  }

  /// The same kind of place `distance` bytes further on (for offsets only).
  @inline(__always)
  func advanced(by distance: Int) -> SourcePlace {
    assert(kind == .offset, "only byte offsets advance")
    return SourcePlace(source: source, offset: offset &+ distance)
  }

  static func < (left: SourcePlace, right: SourcePlace) -> Bool { left.packed < right.packed }
}

/// One input a network is read from, as a reader registers it with
/// ``NetworkAssembler/addSource(name:bytes:)``: the name diagnostics give for
/// it, and its bytes when places in it are byte offsets.
///
/// ```swift
/// let people = assembler.addSource(name: "people.csv", bytes: buffer)  // 1
/// ```
///
/// - Complexity: O(1); the bytes are not copied.
struct NetworkSource: @unchecked Sendable {
  /// The file's name, or `nil` for the network's own source (the one a
  /// ``NetworkLoadError`` names): diagnostics carry it as ``NetworkDiagnostic/source``.
  var name: String?
  /// The bytes that offsets point into; empty for a source read otherwise.
  /// Unsafe, as the reader keeps them alive until the network is finished.
  var bytes: UnsafeBufferPointer<UInt8>

  /// Whether `key` lies wholly inside these bytes: then it can be kept as a
  /// range instead of a copy.
  @inline(__always)
  func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress, let start = key.baseAddress else { return false }
    return start >= base && start + key.count <= base + bytes.count
  }
}
