#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Phase-by-phase progress on standard error: shown only when standard error
/// is a terminal, `--quiet` is not given, and the work has run over a second;
/// with `TRUSTMAP_TIMINGS=1`, each phase's time is printed at the end instead
/// (for benchmarks). Nothing otherwise, so pipelines stay clean.
final class ProgressReporter {
  private let start = ContinuousClock.now
  private var phaseStart = ContinuousClock.now
  private var current: String?
  private var timings: [(String, Duration)] = []
  private let live: Bool
  private let timed: Bool
  private var shown = false
  let totalPhases: Int
  private var done = 0

  init(quiet: Bool, phases: Int) {
    live = !quiet && isatty(2) != 0
    timed = Environment.value("TRUSTMAP_TIMINGS") == "1"
    totalPhases = phases
  }

  /// Starts a phase (ending the previous one).
  func phase(_ name: String) {
    finishPhase()
    current = name
    phaseStart = .now
    if live && ContinuousClock.now - start > .seconds(1) { show() }
  }

  private func finishPhase() {
    guard let current else { return }
    timings.append((current, ContinuousClock.now - phaseStart))
    done += 1
    self.current = nil
  }

  private func show() {
    guard let current else { return }
    let percent = totalPhases > 0 ? done * 100 / totalPhases : 0
    let text = "\rtrustmap: \(current)… \(percent)%\u{1B}[K"
    _ = text.withCString { write(2, $0, strlen($0)) }
    shown = true
  }

  /// Ends the last phase; clears the progress line, or prints the timings.
  func finish() -> String {
    finishPhase()
    if shown { _ = "\r\u{1B}[K".withCString { write(2, $0, strlen($0)) } }
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
