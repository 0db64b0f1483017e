/// A place in a network file: a 1-based line and column, and the byte offset.
///
/// Columns count Unicode scalars, so a column points at the character a person
/// sees in an editor, not at a byte inside it.
///
/// ```swift
/// let place = FileLocation(line: 12, column: 5, offset: 301)
/// print(place)  // 12:5
/// ```
public struct FileLocation: Sendable, Hashable, CustomStringConvertible {
  /// The 1-based line number.
  public var line: Int
  /// The 1-based column, counted in Unicode scalars.
  public var column: Int
  /// The 0-based byte offset from the start of the input, or -1 when the
  /// reader counted lines and columns rather than bytes.
  public var offset: Int

  /// Creates a location.
  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  /// `LINE:COLUMN`.
  public var description: String { "\(line):\(column)" }
}

/// Turns byte offsets into lines and columns in one forward pass.
///
/// - Complexity: O(*n*) over all the offsets asked for, *n* the input size,
///   when they are asked for in increasing order (the reader sorts them first).
struct LineLocator {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var scanned = 0
  private var line = 1
  private var lineStart = 0

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  mutating func location(of offset: Int) -> FileLocation {
    let target = min(max(offset, 0), bytes.count)
    if target < scanned {
      scanned = 0
      line = 1
      lineStart = 0
    }
    var index = scanned
    while index < target {
      if bytes[index] == UInt8(ascii: "\n") {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
    scanned = target
    var column = 1
    var cursor = lineStart
    while cursor < target {
      if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
      cursor += 1
    }
    return FileLocation(line: line, column: column, offset: offset)
  }
}
