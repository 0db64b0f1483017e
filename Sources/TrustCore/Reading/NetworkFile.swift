import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of one input, held once: a regular file, standard input, a
/// pipe, a FIFO or a device, opened once and read into memory
/// (`InputBytes`: never mapped, so a file truncated meanwhile is an input
/// error, not a crash). A network is read from it, and its ``InputDigest``
/// taken from the same bytes, so a report's provenance names exactly what
/// was analysed, even for standard input.
///
/// ```swift
/// let file = try NetworkFile(path: "Examples/org.json", digestingInBackground: true)
/// let network = try file.network()
/// print(file.digest().sha256)   // hashed meanwhile on another thread
/// ```
///
/// - Complexity: opening is O(*n*) for *n* bytes, at `read`'s speed; the
///   digest is O(*n*), at SHA-256's speed.
public final class NetworkFile: @unchecked Sendable {
  /// The path as given (`-` for standard input).
  public let path: String
  /// The bytes; valid while the file lives (deallocated in `deinit`).
  private let bytes: UnsafeBufferPointer<UInt8>
  private let digestLock = NSLockLike()
  private var digestStarted = false
  private let digestDone = DispatchSemaphore(value: 0)
  private var computedDigest: InputDigest?

  /// Opens `path` (`-`: standard input) once and reads it whole.
  ///
  /// - Parameters:
  ///   - path: the file to read, or `-` for standard input.
  ///   - digestingInBackground: start hashing the bytes on another thread now,
  ///     so that ``digest()`` costs nothing by the time a report is written.
  /// - Throws: ``NetworkLoadError``: `unreadable` naming the system's reason
  ///   (or that the file changed while it was read), `too-large` over 4 GiB,
  ///   `syntax` at the first byte of a stream that is not text.
  public convenience init(path: String, digestingInBackground: Bool = false)
    throws(NetworkLoadError)
  {
    try self.init(
      path: path, digestingInBackground: digestingInBackground, limit: InputBytes.maximumBytes)
  }

  /// As ``init(path:digestingInBackground:)``, refusing inputs over `limit`
  /// bytes (tests use a small one).
  init(path: String, digestingInBackground: Bool = false, limit: Int) throws(NetworkLoadError) {
    self.path = path
    bytes = UnsafeBufferPointer(try InputBytes.read(path: path, limit: limit))
    if digestingInBackground { startDigest() }
  }

  deinit {
    // A digest running on another thread holds the file, so none is running now.
    UnsafeMutableBufferPointer(mutating: bytes).deallocate()
  }

  /// The input's size in bytes.
  public var count: Int { bytes.count }

  /// Reads the network (trustmap JSON, format version 1).
  ///
  /// - Throws: ``NetworkLoadError`` with every problem found, in file order.
  /// - Complexity: O(*n*) in the file size.
  public func network(diagnosticLimit: Int = NetworkReader.defaultDiagnosticLimit)
    throws(NetworkLoadError) -> TrustNetwork
  {
    try NetworkReader.read(buffer: bytes, source: path, diagnosticLimit: diagnosticLimit).get()
  }

  /// Calls `body` with the bytes, valid only inside the call.
  func withBytes<Result, Failure: Error>(
    _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    try withExtendedLifetime(self) { () throws(Failure) -> Result in try body(bytes) }
  }

  /// The SHA-256 and size of the bytes (waiting for a background digest to finish).
  public func digest() -> InputDigest {
    startDigest()
    digestDone.wait()
    digestDone.signal()  // later callers do not wait
    guard let made = digestLock.withLock({ computedDigest }) else {
      preconditionFailure("the digest is set before it is signalled")
    }
    return made
  }

  private func startDigest() {
    let start = digestLock.withLock { () -> Bool in
      defer { digestStarted = true }
      return !digestStarted
    }
    guard start else { return }
    let finish: @Sendable () -> Void = { [self] in
      var hash = SHA256()
      hash.update(buffer: bytes)
      let made = InputDigest(
        file: path == "-" ? nil : path, sha256: hash.finish().hexadecimal, bytes: bytes.count)
      digestLock.withLock { computedDigest = made }
      digestDone.signal()
    }
    if bytes.count < 1 << 20 { finish() } else { DispatchQueue.global().async(execute: finish) }
  }

  /// All the bytes of a file, or of standard input for `-`, read as
  /// ``init(path:digestingInBackground:)`` reads them.
  ///
  /// - Throws: ``NetworkLoadError`` as ``init(path:digestingInBackground:)`` does.
  static func readAllBytes(path: String) throws(NetworkLoadError) -> [UInt8] {
    let buffer = try InputBytes.read(path: path, limit: InputBytes.maximumBytes)
    defer { buffer.deallocate() }
    return Array(buffer)
  }
}

/// What identifies an input: its SHA-256 and size, and its path (`nil` for
/// standard input), as a report's ``Provenance`` names it.
///
/// ```swift
/// let digest = try InputDigest(contentsOfFile: "Examples/org.json")
/// digest.jsonText  // {"file":"Examples/org.json","sha256":"…","bytes":2210}
/// ```
public struct InputDigest: Sendable, Hashable, JSONEncodable {
  /// The path as given; `nil` for standard input.
  public var file: String?
  /// The SHA-256 of the bytes, 64 lower-case hex digits.
  public var sha256: String
  /// The size in bytes.
  public var bytes: Int

  /// Creates a digest record.
  public init(file: String?, sha256: String, bytes: Int) {
    self.file = file
    self.sha256 = sha256
    self.bytes = bytes
  }

  /// Reads and hashes the file at `path` (`-`: standard input).
  public init(contentsOfFile path: String) throws(NetworkLoadError) {
    self = try NetworkFile(path: path).digest()
  }

  /// `{"file": PATH, …}`, or `{"stdin": true, …}` for standard input.
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      if let file { json.field("file", file) } else { json.field("stdin", true) }
      json.field("sha256", sha256)
      json.field("bytes", bytes)
    }
  }
}
