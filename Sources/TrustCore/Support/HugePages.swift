#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// The size of a transparent huge page on Linux (x86-64 and arm64 with 4 KiB pages).
let hugePageSize = 2 << 20

/// Allocates room for `count` elements, aligned to a huge page from one
/// huge page up and, on Linux, advised for huge pages before anything is
/// written; free it with `deallocate()`.
///
/// On a virtual machine a TLB miss costs a two-level page walk; with 4 KiB
/// pages a 4 MiB table spans 1,024 pages and nearly every random look-up
/// misses: resolving M's two million tie ends took 80–110 ms, with huge
/// pages about 40 ms.
///
/// ```swift
/// let slots = allocateOnHugePages(Int32.self, count: 1 << 20)  // 4 MiB, 2 MiB-aligned
/// slots.initialize(repeating: -1)
/// defer { slots.deallocate() }
/// ```
///
/// - Complexity: O(1); the memory is not touched.
func allocateOnHugePages<Element>(_: Element.Type = Element.self, count: Int)
  -> UnsafeMutableBufferPointer<Element>
{
  let byteCount = max(1, count) * MemoryLayout<Element>.stride
  let alignment =
    byteCount >= hugePageSize ? hugePageSize : max(16, MemoryLayout<Element>.alignment)
  let raw = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: alignment)
  adviseHugePages(raw, byteCount: byteCount)
  return UnsafeMutableBufferPointer(
    start: raw.bindMemory(to: Element.self, capacity: count), count: count)
}

/// Advises huge pages for the whole huge pages inside `byteCount` bytes at
/// `start` (on Linux; elsewhere nothing). Call it before the memory is
/// first written.
///
/// ```swift
/// adviseHugePages(UnsafeMutableRawPointer(targets.baseAddress), byteCount: targets.count * 4)
/// ```
///
/// - Complexity: O(1): one system call, no memory touched.
func adviseHugePages(_ start: UnsafeMutableRawPointer?, byteCount: Int) {
  #if os(Linux)
    guard let start else { return }
    let first = (Int(bitPattern: start) + hugePageSize - 1) & ~(hugePageSize - 1)
    let end = (Int(bitPattern: start) + byteCount) & ~(hugePageSize - 1)
    guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
    _ = madvise(aligned, end - first, Int32(MADV_HUGEPAGE))
  #endif
}

/// A buffer shared by reference: memory for a large table read at random
/// (the id table, say) or for parallel workers that each fill their own
/// indices, on huge pages where it is large enough (see
/// ``allocateOnHugePages(_:count:)``); copied with ``copy()``.
///
/// The class only owns the memory: the elements are reached through
/// ``pointer``, a `let`, so reading and writing them costs no exclusivity
/// check, and a worker may write its own indices while others write theirs.
///
/// ```swift
/// let table = HugePageBuffer<Int32>(repeating: -1, count: 1 << 20)
/// table.pointer[7] = 3
/// let seen = HugePageBuffer<Int32>(uninitializedCount: 100)  // every index written before read
/// forEachBlockInParallel(count: 100) { _, range in for i in range { seen.pointer[i] = 1 } }
/// print(seen.array.count)  // 100
/// ```
///
/// - Complexity: O(*count*) to fill, O(1) uninitialized; memory *count* elements.
final class HugePageBuffer<Element>: @unchecked Sendable {
  /// The elements.
  let pointer: UnsafeMutableBufferPointer<Element>

  /// `count` copies of `value` (of any type: lists of numbers too).
  init(repeating value: Element, count: Int) {
    pointer = allocateOnHugePages(count: count)
    pointer.initialize(repeating: value)
  }

  /// A buffer of `count` uninitialized elements of a trivial type (no
  /// references), for workers that write every index before any is read.
  init(uninitializedCount count: Int) {
    precondition(_isPOD(Element.self), "only for trivial element types")
    pointer = allocateOnHugePages(count: count)
  }

  private init(copying other: UnsafeMutableBufferPointer<Element>) {
    pointer = allocateOnHugePages(count: other.count)
    _ = pointer.initialize(fromContentsOf: other)
  }

  /// A copy with the same elements.
  func copy() -> HugePageBuffer { HugePageBuffer(copying: pointer) }

  /// The elements as an array (a copy).
  var array: [Element] { Array(pointer) }

  deinit {
    // Elements may own memory ([Int] lists, say): release them first. For
    // trivial types this is no work.
    _ = pointer.deinitialize()
    UnsafeMutableRawPointer(pointer.baseAddress.unsafelyUnwrapped).deallocate()
  }
}

/// The buffer's former name (it and ``HugePageBuffer`` were two types), still
/// used by the reader (Reading/) and `StringInternerTests`; it goes once they
/// move over to ``HugePageBuffer``.
typealias SharedBuffer = HugePageBuffer
