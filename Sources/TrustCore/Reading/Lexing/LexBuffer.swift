/// A growable list of trivial values in raw memory, for the lexers' hot
/// paths: the fields of a CSV record, the attributes of an XML tag, the
/// tokens of a line. Emptying it keeps its memory, so a lexer allocates only
/// while its largest record grows, never per field or per token. Indices are
/// checked by debug assertions only.
///
/// ```swift
/// var fields = LexBuffer<Int>()
/// fields.append(3)
/// fields[0]  // 3
/// fields.removeAll()  // keeps the memory
/// ```
///
/// - Complexity: `append` amortised O(1); `removeAll` O(1).
struct LexBuffer<Element: BitwiseCopyable>: ~Copyable {
  private var base: UnsafeMutablePointer<Element>
  private var capacity: Int
  /// The number of elements.
  private(set) var count = 0

  /// An empty list with room for `capacity` elements.
  init(capacity: Int = 16) {
    self.capacity = max(1, capacity)
    base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Whether the list is empty.
  var isEmpty: Bool { count == 0 }

  /// The element at `index`, which must be below `count`.
  @inline(__always)
  subscript(index: Int) -> Element {
    get {
      assert(index >= 0 && index < count, "LexBuffer index out of range")
      return base[index]
    }
    set {
      assert(index >= 0 && index < count, "LexBuffer index out of range")
      base[index] = newValue
    }
  }

  /// Adds `element` at the end.
  @inline(__always)
  mutating func append(_ element: Element) {
    if count == capacity { grow(to: count + 1) }
    base[count] = element
    count += 1
  }

  /// Adds every element of `elements` at the end.
  mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
    guard let source = elements.baseAddress, !elements.isEmpty else { return }
    if count + elements.count > capacity { grow(to: count + elements.count) }
    (base + count).initialize(from: source, count: elements.count)
    count += elements.count
  }

  /// Removes every element, keeping the memory.
  @inline(__always)
  mutating func removeAll() { count = 0 }

  /// Keeps the first `newCount` elements.
  @inline(__always)
  mutating func truncate(to newCount: Int) {
    assert(newCount >= 0 && newCount <= count, "LexBuffer truncated past its end")
    count = newCount
  }

  /// The last element, which must exist.
  @inline(__always)
  var last: Element {
    assert(count > 0, "LexBuffer is empty")
    return base[count - 1]
  }

  /// The elements as a buffer, valid until the list next changes.
  @inline(__always)
  var elements: UnsafeBufferPointer<Element> {
    UnsafeBufferPointer(start: base, count: count)
  }

  private mutating func grow(to needed: Int) {
    let newCapacity = max(needed, capacity * 2)
    let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
    newBase.initialize(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }
}
