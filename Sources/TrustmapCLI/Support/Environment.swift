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

  /// The value of the variable `name`, or `nil` when it is not set.
  static func value(_ name: String) -> String? {
    if let overridden = overrides[name] { return overridden }
    return getenv(name).map { String(cString: $0) }
  }
}
