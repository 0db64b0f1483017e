import Dispatch

/// `body(0)`, `body(1)`, … `body(count - 1)` at once, one thread each (as
/// many as there are cores), the results in order: for the few large,
/// independent steps of a command, such as reading the two snapshots of
/// `diff`.
///
/// ```swift
/// let sizes = inParallel(2) { index in files[index].count }
/// ```
///
/// - Complexity: the longest call, when there are enough cores.
func inParallel<Result>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
  let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
  slots.initialize(repeating: nil)
  defer {
    slots.deinitialize()
    slots.deallocate()
  }
  let shared = SharedSlots(slots)
  // Each iteration writes its own slot only.
  DispatchQueue.concurrentPerform(iterations: count) { index in
    shared.slots[index] = body(index)
  }
  let results = slots.compactMap { $0 }
  precondition(results.count == count, "every call gave its result")
  return results
}

/// The slots of ``inParallel(_:_:)``, handed to its threads.
private struct SharedSlots<Result>: @unchecked Sendable {
  let slots: UnsafeMutableBufferPointer<Result?>
  init(_ slots: UnsafeMutableBufferPointer<Result?>) { self.slots = slots }
}
