import Dispatch

/// How many threads per-person work uses: ``Parallelism/threadCount`` (the
/// CPU affinity's count, or the count the caller set).
var workerCount: Int { Parallelism.threadCount }

/// Runs `body(worker, range)` over `0 ..< count` split into blocks of `block`,
/// the blocks dealt round-robin to at most `workers` workers (by default
/// one per core). `body` must write only to its own indices; the result is
/// the same on any number of cores.
func forEachBlockInParallel(
  count: Int, block: Int = 1024, workers maximum: Int = workerCount,
  _ body: @Sendable (_ worker: Int, _ range: Range<Int>) -> Void
) {
  let blocks = (count + block - 1) / block
  let workers = max(1, min(maximum, blocks))
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

/// Wraps a value that is safe to share because the code around it says so
/// (read-only buffers during a parallel loop, or buffers each worker writes
/// at its own indices).
struct UnsafeSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// Runs `body(part, range)` for `parts` contiguous ranges splitting
/// `0 ..< count` at `boundaries` (`parts + 1` ascending values from 0 to
/// `count`), each on its own thread.
func forEachPartInParallel(
  boundaries: [Int], _ body: @Sendable (_ part: Int, _ range: Range<Int>) -> Void
) {
  let parts = boundaries.count - 1
  if parts == 1 { return body(0, boundaries[0]..<boundaries[1]) }
  DispatchQueue.concurrentPerform(iterations: parts) { part in
    body(part, boundaries[part]..<boundaries[part + 1])
  }
}
