import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How many threads per-person work uses: the online cores, at most 64.
let workerCount: Int = {
  let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
  return max(1, min(64, online > 0 ? Int(online) : 1))
}()

/// Runs `body(worker, range)` over `0 ..< count` split into blocks of `block`,
/// the blocks dealt round-robin to the workers, on every core. `body` must
/// write only to its own indices; the result is the same on any number of cores.
func forEachBlockInParallel(
  count: Int, block: Int = 1024, _ body: @Sendable (_ worker: Int, _ range: Range<Int>) -> Void
) {
  let blocks = (count + block - 1) / block
  let workers = min(workerCount, max(1, blocks))
  if workers == 1 {
    for index in 0..<blocks { body(0, index * block..<min(count, (index + 1) * block)) }
    return
  }
  DispatchQueue.concurrentPerform(iterations: workers) { worker in
    var index = worker
    while index < blocks {
      body(worker, index * block..<min(count, (index + 1) * block))
      index += workers
    }
  }
}

/// A buffer that parallel workers fill at distinct indices.
final class SharedBuffer<Element>: @unchecked Sendable {
  let pointer: UnsafeMutableBufferPointer<Element>

  init(repeating value: Element, count: Int) {
    pointer = .allocate(capacity: count)
    pointer.initialize(repeating: value)
  }

  deinit {
    _ = pointer.deinitialize()  // elements may own memory ([Int] lists, say)
    pointer.deallocate()
  }

  var array: [Element] { Array(pointer) }
}
