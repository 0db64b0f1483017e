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
/// `TRUSTMAP_TIMINGS=1`, each phase's time, and the process's peak resident
/// memory when it ended, are printed at the end instead (for benchmarks: the
/// phase whose peak jumps is the one holding the memory). Nothing otherwise,
/// so pipelines stay clean.
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
  private var timings: [(String, Duration, peakMegabytes: Int)] = []
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
    timings.append((current, ContinuousClock.now - phaseStart, timed ? peakResidentMegabytes() : 0))
    done += 1
    self.current = nil
  }

  /// Ends the last phase; clears the progress line, or prints the timings.
  func finish() -> String {
    finishPhase()
    line?.clear()
    guard timed else { return "" }
    var text = ""
    for (name, duration, peak) in timings {
      text += "trustmap: timing: \(name): \(formatSeconds(duration)) (peak \(peak) MB)\n"
    }
    text += "trustmap: timing: total: \(formatSeconds(ContinuousClock.now - start))\n"
    return text
  }

  /// The most memory the process has held resident so far, in MB.
  private func peakResidentMegabytes() -> Int {
    var usage = rusage()
    #if canImport(Darwin)
      guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
      return Int(usage.ru_maxrss) >> 20  // bytes on macOS
    #else
      guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
      return Int(usage.ru_maxrss) >> 10  // kilobytes on Linux
    #endif
  }

  private func formatSeconds(_ duration: Duration) -> String {
    let seconds =
      Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    return formatNumber(seconds, decimals: 3) + " s"
  }
}
