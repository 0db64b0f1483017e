import TrustCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Progress on standard error, phase by phase and inside the long phases
/// (``hook``, for TrustCore's loops): shown only when standard error is a
/// terminal, `--quiet` is not given, and the work has run over a second, on
/// one line (``ProgressLine``) at most four times a second; with
/// `TRUSTMAP_TIMINGS=1`, each phase's time is printed at the end instead
/// (for benchmarks). Nothing otherwise, so pipelines stay clean.
///
/// ```swift
/// let progress = ProgressReporter(quiet: false, phases: 4)
/// progress.phase("reading the network")
/// session.progress = progress.hook   // nil unless the line is shown: no cost
/// let notes = progress.finish()
/// ```
final class ProgressReporter {
  private let start = ContinuousClock.now
  private var phaseStart = ContinuousClock.now
  private var current: String?
  private var timings: [(String, Duration)] = []
  private let line: ProgressLine?
  private let timed: Bool
  let totalPhases: Int
  private var done = 0

  init(quiet: Bool, phases: Int) {
    line = !quiet && isatty(2) != 0 ? ProgressLine(phases: phases) : nil
    timed = Environment.value("TRUSTMAP_TIMINGS") == "1"
    totalPhases = phases
  }

  /// Where TrustCore's long loops report the current phase's fraction done;
  /// `nil` when nothing is shown, so they skip the counting.
  var hook: ProgressHook? { line?.hook }

  /// Starts a phase (ending the previous one).
  func phase(_ name: String) {
    finishPhase()
    current = name
    phaseStart = .now
    line?.start(name, done: done)
  }

  private func finishPhase() {
    guard let current else { return }
    timings.append((current, ContinuousClock.now - phaseStart))
    done += 1
    self.current = nil
  }

  /// Ends the last phase; clears the progress line, or prints the timings.
  func finish() -> String {
    finishPhase()
    line?.clear()
    guard timed else { return "" }
    var text = ""
    for (name, duration) in timings {
      text += "trustmap: timing: \(name): \(formatSeconds(duration))\n"
    }
    text += "trustmap: timing: total: \(formatSeconds(ContinuousClock.now - start))\n"
    return text
  }

  private func formatSeconds(_ duration: Duration) -> String {
    let seconds =
      Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    return formatNumber(seconds, decimals: 3) + " s"
  }
}
