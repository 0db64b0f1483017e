/// Reads a network file (format version 1, spec §1) from bytes into a
/// ``TrustNetwork``, checking everything the format requires.
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
    var parser = NetworkParser(
      bytes: buffer, diagnosticLimit: max(1, diagnosticLimit),
      parallelMinimumBytes: parallelMinimumBytes, readsPlainTies: readsPlainTies)
    let network = parser.parse()
    let diagnostics = parser.diagnostics.finish(bytes: buffer)
    if parser.diagnostics.errorCount > 0 || network == nil {
      return .failure(
        NetworkLoadError(
          source: source, diagnostics: diagnostics,
          errorCount: max(1, parser.diagnostics.errorCount),
          warningCount: parser.diagnostics.warningCount))
    }
    guard var network else {
      return .failure(
        NetworkLoadError(source: source, diagnostics: [], errorCount: 1, warningCount: 0))
    }
    network.warnings = diagnostics
    network.warningCount = parser.diagnostics.warningCount
    return .success(network)
  }
}

/// Collects diagnostics by byte offset, keeping only the first `limit` in file
/// order so that ten million bad ties cost a counter, not ten million messages.
struct DiagnosticCollector {
  struct Pending {
    var offset: Int
    var severity: NetworkDiagnostic.Severity
    var code: NetworkDiagnostic.Code
    var path: String
    var message: String
    var sequence: Int
  }

  let limit: Int
  private(set) var kept: [Pending] = []
  private(set) var errorCount = 0
  private(set) var warningCount = 0
  /// Once `kept` is full, anything past this offset cannot be among the first `limit`.
  private var cutoff = Int.max

  init(limit: Int) { self.limit = limit }

  /// Takes in another collector's counts and kept problems; paths `ties[N]…`
  /// are renumbered by `shift` (the other collector numbered its ties from 0).
  mutating func absorb(_ other: DiagnosticCollector, shiftingTieOrdinalsBy shift: Int) {
    errorCount += other.errorCount
    warningCount += other.warningCount
    for var pending in other.kept where wants(pending.offset) {
      pending.sequence += errorCount + warningCount
      if shift != 0, pending.path.hasPrefix("ties["), let close = pending.path.firstIndex(of: "]"),
        let number = Int(
          pending.path[pending.path.index(pending.path.startIndex, offsetBy: 5)..<close])
      {
        pending.path = "ties[\(number + shift)" + pending.path[close...]
      }
      kept.append(pending)
      if kept.count >= limit * 2 { trim() }
    }
  }

  /// Whether a problem at `offset` would be kept (so its message is worth formatting).
  @inline(__always)
  func wants(_ offset: Int) -> Bool { offset <= cutoff }

  mutating func count(_ severity: NetworkDiagnostic.Severity) {
    if severity == .error { errorCount += 1 } else { warningCount += 1 }
  }

  /// Records a problem; `path` and `message` are only evaluated when it is kept.
  mutating func add(
    _ severity: NetworkDiagnostic.Severity, _ code: NetworkDiagnostic.Code, at offset: Int,
    path: @autoclosure () -> String, _ message: @autoclosure () -> String
  ) {
    count(severity)
    guard wants(offset) else { return }
    kept.append(
      Pending(
        offset: offset, severity: severity, code: code, path: path(), message: message(),
        sequence: errorCount + warningCount))
    if kept.count >= limit * 2 { trim() }
  }

  private mutating func trim() {
    kept.sort { ($0.offset, $0.sequence) < ($1.offset, $1.sequence) }
    if kept.count > limit {
      kept.removeLast(kept.count - limit)
      cutoff = kept[kept.count - 1].offset
    }
  }

  /// The kept diagnostics in file order, with lines and columns.
  mutating func finish(bytes: UnsafeBufferPointer<UInt8>) -> [NetworkDiagnostic] {
    trim()
    var locator = LineLocator(bytes: bytes)
    return kept.map { pending in
      NetworkDiagnostic(
        severity: pending.severity, code: pending.code, path: pending.path,
        message: pending.message,
        location: bytes.isEmpty
          ? FileLocation(line: 1, column: 1, offset: 0)
          : locator.location(of: pending.offset))
    }
  }
}
