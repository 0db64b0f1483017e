import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How many threads TrustCore's parallel loops use: by default the cores
/// this process may run on (its CPU affinity on Linux, so `taskset -c 0`
/// means one worker), at most 64; a caller may set another count.
///
/// Results never depend on the count: every parallel loop writes each
/// person's answer at its own index and merges per-worker tallies in worker
/// order, so one thread and sixty-four give the same bytes.
///
/// ```swift
/// Parallelism.threadCount            // 2 on a two-core machine, 1 under taskset -c 0
/// Parallelism.setThreadCount(1)      // before analysing (the CLI's TRUSTMAP_THREADS=1)
/// Parallelism.setThreadCount(nil)    // back to the affinity's count
/// ```
///
/// The setting is the process's: set it before analyses start (the CLI sets
/// it once, at start-up). An analysis sizes its per-worker scratch when it
/// starts, so changing the count while one runs on another thread is not
/// supported.
///
/// - Complexity: reading the count is O(1); the default is measured once.
public enum Parallelism {
  /// The most threads any loop uses: per-worker scratch is per-person
  /// arrays, so more would cost memory for little gain.
  public static let maximumThreadCount = 64

  /// The threads parallel loops use now: the count set, else the default.
  public static var threadCount: Int { lock.withLock { chosen } ?? defaultThreadCount }

  /// The count when none is set: the CPUs in this process's affinity mask
  /// on Linux (`sched_getaffinity`), the online processors elsewhere,
  /// between 1 and ``maximumThreadCount``.
  public static let defaultThreadCount: Int = clamped(availableProcessors())

  /// Uses `count` threads from now on (clamped to 1 ... ``maximumThreadCount``),
  /// or the default again for `nil`.
  public static func setThreadCount(_ count: Int?) {
    lock.withLock { chosen = count.map(clamped) }
  }

  private static let lock = NSLockLike()
  nonisolated(unsafe) private static var chosen: Int?

  private static func clamped(_ count: Int) -> Int { max(1, min(maximumThreadCount, count)) }

  /// The processors this process may run on.
  private static func availableProcessors() -> Int {
    #if os(Linux)
      if let allowed = affinityCount() { return allowed }
    #endif
    let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    return online > 0 ? Int(online) : 1
  }

  #if os(Linux)
    /// The number of CPUs set in the affinity mask (`CPU_COUNT`), or `nil`
    /// when it cannot be read. Glibc's `sched_getaffinity` is declared only
    /// under `_GNU_SOURCE`, which Swift's Glibc module does not define, so
    /// it is looked up by name: it is in every glibc since 2.3.
    private static func affinityCount() -> Int? {
      typealias GetAffinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer?) -> Int32
      guard let symbol = dlsym(nil, "sched_getaffinity") else { return nil }
      let getAffinity = unsafeBitCast(symbol, to: GetAffinity.self)
      var set = cpu_set_t()
      let status = withUnsafeMutableBytes(of: &set) { getAffinity(0, $0.count, $0.baseAddress) }
      // Over 1,024 CPUs the fixed-size set is too small (EINVAL): use the online count.
      guard status == 0 else { return nil }
      let count = withUnsafeBytes(of: &set) { $0.reduce(0) { $0 + $1.nonzeroBitCount } }
      return count > 0 ? count : nil
    }
  #endif
}
