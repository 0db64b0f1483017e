/// Reads a network file (format version 1, see docs/design.md, 'The network
/// file') from bytes into a ``TrustNetwork``, checking everything the format
/// requires.
///
/// One pass over the bytes, key by key, with no intermediate JSON tree: ids
/// are looked up straight from the input's bytes. Problems in the data
/// (unknown ids, strengths out of range, duplicate ids, reports-to cycles)
/// are collected, so one run lists them all; a syntax error stops the read.
///
/// ```swift
/// let network = try NetworkReader.read(bytes: Array(text.utf8), source: "inline")
/// ```
///
/// - Complexity: O(*n*) expected in the input size.
public enum NetworkReader {
  /// The deepest nesting of arrays and objects allowed anywhere in a file.
  public static let maximumDepth = 512
  /// How many diagnostics a failed read keeps by default (the counts cover all).
  public static let defaultDiagnosticLimit = 1000

  /// Reads a network from the bytes of a file.
  ///
  /// - Parameters:
  ///   - bytes: the file's contents.
  ///   - source: the name used in diagnostics (a path, or `-`).
  ///   - diagnosticLimit: how many problems to keep in the thrown error.
  /// - Throws: ``NetworkLoadError`` listing the problems, in file order.
  public static func read(
    bytes: [UInt8], source: String, diagnosticLimit: Int = defaultDiagnosticLimit
  ) throws(NetworkLoadError) -> TrustNetwork {
    let result: Result<TrustNetwork, NetworkLoadError> = bytes.withUnsafeBufferPointer { buffer in
      read(buffer: buffer, source: source, diagnosticLimit: diagnosticLimit)
    }
    return try result.get()
  }

  /// Reads a network from a buffer of bytes (see ``read(bytes:source:diagnosticLimit:)``).
  public static func read(
    buffer: UnsafeBufferPointer<UInt8>, source: String,
    diagnosticLimit: Int = defaultDiagnosticLimit
  ) -> Result<TrustNetwork, NetworkLoadError> {
    read(
      buffer: buffer, source: source, diagnosticLimit: diagnosticLimit,
      parallelMinimumBytes: 1 << 23)
  }

  /// As ``read(buffer:source:diagnosticLimit:)``, reading arrays of ties of at
  /// least `parallelMinimumBytes` in two halves at once (tests force it on
  /// small files), and plain ties straight from the bytes unless
  /// `readsPlainTies` is false (tests compare both ways).
  static func read(
    buffer: UnsafeBufferPointer<UInt8>, source: String, diagnosticLimit: Int,
    parallelMinimumBytes: Int, readsPlainTies: Bool = true
  ) -> Result<TrustNetwork, NetworkLoadError> {
    var parser = JSONNetworkParser(
      bytes: buffer, diagnosticLimit: max(1, diagnosticLimit),
      parallelMinimumBytes: parallelMinimumBytes, readsPlainTies: readsPlainTies)
    return parser.read(source: source)
  }
}
