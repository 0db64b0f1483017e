import TrustCore

/// `TRUSTMAP_THREADS=N`: how many threads the analyses use, instead of the
/// CPUs the process may run on (its affinity, so `taskset` is followed
/// without it). Results are the same bytes whatever the count.
///
/// ```swift
/// try ThreadCount.apply(for: AnalyseCommand.self)  // TRUSTMAP_THREADS=1 → one thread
/// ```
enum ThreadCount {
  /// The variable's name.
  static let variable = "TRUSTMAP_THREADS"  // documented in Environment.documented

  /// The count the environment asks for: `nil` when the variable is unset or empty.
  ///
  /// - Throws: a ``UsageError`` (exit 64) when it is not a whole number from 1.
  static func requested(for command: (any Command.Type)?) throws(UsageError) -> Int? {
    guard let text = Environment.value(variable), !text.isEmpty else { return nil }
    guard let count = Int(text), count >= 1 else {
      throw UsageError(
        "invalid \(variable) '\(text)': expected a whole number of threads, 1 or more",
        command: command)
    }
    return count
  }

  /// Sets TrustCore's thread count from the environment, when it asks for one;
  /// left alone otherwise, so the default follows the CPU affinity.
  static func apply(for command: (any Command.Type)?) throws(UsageError) {
    if let count = try requested(for: command) { Parallelism.setThreadCount(count) }
  }
}
