import Dispatch
import TrustCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one progress line on a terminal's standard error, `trustmap: phase… N%`,
/// shared by the phases (``ProgressReporter``) and the hooks TrustCore's long
/// loops call from any thread (``hook``): N is the share of the whole run,
/// the phases done plus the fraction of the current one. Shown only from a
/// second into the run and at most four times a second, so a terminal hears
/// something every few seconds and never a flood.
///
/// ```swift
/// let line = ProgressLine(phases: 4)
/// line.start("finding tribes")
/// session.progress = line.hook        // Leiden reports 0.5: "finding tribes… 37%"
/// line.clear()
/// ```
///
/// - Complexity: O(1) per update, under a lock.
final class ProgressLine: @unchecked Sendable {
  private let lock = DispatchSemaphore(value: 1)
  private let began = ContinuousClock.now
  private let phases: Int
  private var name: String?
  private var done = 0
  private var lastShown: ContinuousClock.Instant?
  private(set) var shown = false

  init(phases: Int) {
    self.phases = phases
  }

  /// The hook for TrustCore: the current phase's fraction done.
  var hook: ProgressHook {
    ProgressHook { [self] fraction in self.update(fraction: fraction, force: false) }
  }

  /// Starts the phase `name`, `done` phases being over; shows it at once when a second has passed.
  func start(_ name: String, done: Int) {
    lock.wait()
    self.name = name
    self.done = done
    lock.signal()
    update(fraction: 0, force: true)
  }

  /// Shows the line for `fraction` of the current phase, unless shown under
  /// a quarter of a second ago (or `force`) or within the run's first second.
  private func update(fraction: Double, force: Bool) {
    lock.wait()
    defer { lock.signal() }
    let now = ContinuousClock.now
    guard let name, now - began > .seconds(1) else { return }
    if !force, let lastShown, now - lastShown < .milliseconds(250) { return }
    lastShown = now
    let share = phases > 0 ? (Double(done) + fraction) / Double(phases) : 0
    let percent = min(100, Int(share * 100))
    let text = "\rtrustmap: \(name)… \(percent)%\u{1B}[K"
    _ = text.withCString { write(2, $0, strlen($0)) }
    shown = true
  }

  /// Clears the line, if it was shown.
  func clear() {
    lock.wait()
    defer { lock.signal() }
    name = nil
    if shown { _ = "\r\u{1B}[K".withCString { write(2, $0, strlen($0)) } }
  }
}
