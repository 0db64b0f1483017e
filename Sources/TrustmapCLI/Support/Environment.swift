#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The environment variables trustmap reads (the README lists them), read
/// in one place so that tests can set them for one run without touching the
/// process's environment, which parallel tests share.
///
/// ```swift
/// Environment.value("TRUSTMAP_KEY")   // the variable, or nil
/// Environment.$overrides.withValue(["TRUSTMAP_KEY": "k"]) { … }  // in a test
/// ```
enum Environment {
  /// Values that replace the process's for the current task (tests only);
  /// a `nil` value stands for an unset variable.
  @TaskLocal static var overrides: [String: String?] = [:]

  /// Every variable trustmap reads, with what it does: the manual page and
  /// the README's table list these.
  static let documented: [(name: String, help: String)] = [
    (
      "TRUSTMAP_KEY",
      "The key for --pseudonymise when no --key-file is given. Keep it secret: with it, "
        + "anyone can test whether a given id is behind a pseudonym."
    ),
    (
      "TRUSTMAP_TIMINGS",
      "Set to 1 to print each phase's time, and the peak memory so far, on standard error "
        + "when the command ends."
    ),
    (
      "TRUSTMAP_THREADS",
      "How many threads the analyses use (a whole number from 1; at most 64 are used), "
        + "instead of one per CPU the process may run on. Results are the same whatever it is."
    ),
    (
      "NO_COLOR",
      "Honoured by having nothing to turn off: trustmap never writes colour or other "
        + "terminal styling."
    ),
  ]

  /// The value of the variable `name`, or `nil` when it is not set.
  static func value(_ name: String) -> String? {
    if let overridden = overrides[name] { return overridden }
    return getenv(name).map { String(cString: $0) }
  }
}
