#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary files an interrupt must not leave behind: Ctrl-C (SIGINT),
/// SIGTERM or SIGHUP while `--output` is being written removes the half
/// written temporary file, then ends the process by the same signal, so the
/// shell still sees it was interrupted.
///
/// ```swift
/// let slot = InterruptCleanup.register(".out.json.trustmap-1a2b")
/// … write …
/// InterruptCleanup.unregister(slot)   // renamed, or removed by its owner
/// ```
///
/// The handler may only call async-signal-safe functions, so the paths are
/// kept as C strings in a fixed table that it reads without locking or
/// allocating; registering costs one `strdup`. Complexity: O(slots).
enum InterruptCleanup {
  /// How many temporary files can be open at once (convert writes up to three).
  static let capacity = 16

  /// The table: a path per slot, or nil.
  nonisolated(unsafe) private static let paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> =
    {
      let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
      table.initialize(repeating: nil, count: capacity)
      return table
    }()

  nonisolated(unsafe) private static var installed = false

  /// Keeps `path` to remove on an interrupt; the slot to give back, or -1 when the table is full.
  static func register(_ path: String) -> Int {
    installHandlers()
    for slot in 0..<capacity where paths[slot] == nil {
      paths[slot] = strdup(path)
      return slot
    }
    return -1
  }

  /// Forgets the path in `slot` (it was renamed into place or removed).
  static func unregister(_ slot: Int) {
    guard slot >= 0, let path = paths[slot] else { return }
    paths[slot] = nil
    free(path)
  }

  private static func installHandlers() {
    guard !installed else { return }
    installed = true
    var deliverable = sigset_t()
    sigemptyset(&deliverable)
    for number in [SIGINT, SIGTERM, SIGHUP] {
      _ = signal(number, InterruptCleanup.handler)
      sigaddset(&deliverable, number)
    }
    // A parent may have started us with these blocked (Foundation's Process
    // passes its own mask on); a handler that never runs would keep the file.
    pthread_sigmask(SIG_UNBLOCK, &deliverable, nil)
  }

  /// Removes every registered file, then dies of `signal` as if unhandled.
  private static let handler: @convention(c) (Int32) -> Void = { number in
    for slot in 0..<InterruptCleanup.capacity {
      if let path = InterruptCleanup.paths[slot] { unlink(path) }
    }
    _ = signal(number, SIG_DFL)
    raise(number)
  }
}
