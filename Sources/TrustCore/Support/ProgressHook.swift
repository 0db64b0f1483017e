/// How far a long computation has gone, for whoever shows it: TrustCore
/// never prints, it calls the hook with the fraction done (0 to 1, never
/// going back) every few thousand items or once per round, from any thread.
/// Absent, it costs nothing: the loops check an optional once per block.
///
/// ```swift
/// session.progress = ProgressHook { fraction in print("joins \(Int(fraction * 100))%") }
/// for joins in try JoinsQuery().plan(in: session).communityJoins { … }  // 8%, 17%, …
/// ```
///
/// - Complexity: O(1) per call; callers call it O(items / a few thousand) times.
public struct ProgressHook: Sendable {
  private let report: @Sendable (Double) -> Void

  /// A hook that passes each fraction done to `report`, which must be cheap
  /// and safe to call from several threads at once.
  public init(_ report: @escaping @Sendable (_ fraction: Double) -> Void) {
    self.report = report
  }

  /// Reports `fraction`, clamped to 0…1.
  package func callAsFunction(_ fraction: Double) {
    report(fraction.isNaN ? 0 : min(1, max(0, fraction)))
  }
}

/// Work done by several threads towards one total, passed on to a
/// ``ProgressHook`` as a growing fraction whenever another `stride` items
/// are done: a block of a parallel loop adds its count once.
///
/// ```swift
/// let counter = ProgressCounter(hook, total: people)   // nil without a hook
/// forEachBlockInParallel(count: people) { _, range in …; counter?.add(range.count) }
/// ```
///
/// - Complexity: O(1) per ``add(_:)``, under a lock.
final class ProgressCounter: @unchecked Sendable {
  private let hook: ProgressHook
  private let total: Int
  private let stride: Int
  private let lock = NSLockLike()
  private var done = 0
  private var reported = 0

  /// A counter towards `total`, or `nil` when there is no hook (nothing to count for).
  init?(_ hook: ProgressHook?, total: Int, stride: Int = 4096) {
    guard let hook, total > 0 else { return nil }
    self.hook = hook
    self.total = total
    self.stride = max(1, stride)
  }

  /// Adds `count` items done; reports when another `stride` are, and at the
  /// end (under the lock, so that the fractions arrive in order).
  func add(_ count: Int) {
    lock.withLock {
      done += count
      guard done - reported >= stride || (done >= total && reported < total) else { return }
      reported = done
      hook(Double(done) / Double(total))
    }
  }
}

/// Several parts of one computation, each with its own fraction done (the
/// restarts of Leiden, run at once), reported to a ``ProgressHook`` as
/// their mean.
///
/// ```swift
/// let shares = ProgressShares(hook, count: restarts)
/// shares?.set(restart, to: 0.5)  // the hook hears the mean of every restart's fraction
/// ```
///
/// - Complexity: O(1) per ``set(_:to:)``, under a lock.
final class ProgressShares: @unchecked Sendable {
  private let hook: ProgressHook
  private let lock = NSLockLike()
  private var fractions: [Double]
  private var sum = 0.0

  /// Shares of `count` parts, or `nil` when there is no hook.
  init?(_ hook: ProgressHook?, count: Int) {
    guard let hook, count > 0 else { return nil }
    self.hook = hook
    fractions = [Double](repeating: 0, count: count)
  }

  /// Part `index` is `fraction` done (a part never goes back); the mean is
  /// reported under the lock, so that the fractions arrive in order.
  func set(_ index: Int, to fraction: Double) {
    lock.withLock {
      let next = max(fractions[index], min(1, fraction))
      sum += next - fractions[index]
      fractions[index] = next
      hook(sum / Double(fractions.count))
    }
  }
}
