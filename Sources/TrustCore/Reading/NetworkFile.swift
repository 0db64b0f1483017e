import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of one input, held once: a regular file mapped read-only, or
/// everything read from standard input or a pipe. A network is read from
/// it, and its ``InputDigest`` taken from the same bytes, so a report's
/// provenance names exactly what was analysed, even for standard input.
///
/// ```swift
/// let file = try NetworkFile(path: "Examples/org.json", digestingInBackground: true)
/// let network = try file.network()
/// print(file.digest().sha256)   // hashed meanwhile on another thread
/// ```
///
/// - Complexity: opening is O(1) for a mapped file and O(*n*) for a pipe;
///   the digest is O(*n*), at SHA-256's speed.
public final class NetworkFile: @unchecked Sendable {
  /// The path as given (`-` for standard input).
  public let path: String
  /// The bytes; valid while the file lives (unmapped in `deinit`).
  private let bytes: UnsafeBufferPointer<UInt8>
  private let isMapped: Bool
  private let digestLock = NSLockLike()
  private var digestStarted = false
  private let digestDone = DispatchSemaphore(value: 0)
  private var computedDigest: InputDigest?

  /// Opens `path` (`-`: standard input): maps a regular file, reads anything else whole.
  ///
  /// - Parameters:
  ///   - path: the file to read, or `-` for standard input.
  ///   - digestingInBackground: start hashing the bytes on another thread now,
  ///     so that ``digest()`` costs nothing by the time a report is written.
  /// - Throws: ``NetworkLoadError`` with code `unreadable` naming the system's reason.
  public init(path: String, digestingInBackground: Bool = false) throws(NetworkLoadError) {
    self.path = path
    if let mapped = Self.map(path) {
      bytes = mapped
      isMapped = true
    } else {
      let read = try Self.readAllBytes(path: path)
      let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, read.count))
      _ = copy.initialize(from: read)
      bytes = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(copy)[0..<read.count])
      isMapped = false
    }
    if digestingInBackground { startDigest() }
  }

  deinit {
    // A digest running on another thread holds the file, so none is running now.
    if isMapped {
      munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    } else {
      UnsafeMutableBufferPointer(mutating: bytes).deallocate()
    }
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

  /// A regular, non-empty file mapped read-only, or `nil` (standard input,
  /// a pipe, anything the system will not map): the reader walks the page
  /// cache's pages in place, with no copy.
  private static func map(_ path: String) -> UnsafeBufferPointer<UInt8>? {
    guard path != "-" else { return nil }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0
    else { return nil }
    let size = Int(info.st_size)
    #if os(Linux)
      let flags = MAP_PRIVATE | MAP_POPULATE
    #else
      let flags = MAP_PRIVATE
    #endif
    guard let address = mmap(nil, size, PROT_READ, flags, descriptor, 0),
      address != MAP_FAILED
    else { return nil }
    return UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
  }

  /// All the bytes of a file, or of standard input for `-`.
  ///
  /// - Throws: ``NetworkLoadError`` with code `unreadable` naming the system's reason.
  static func readAllBytes(path: String) throws(NetworkLoadError) -> [UInt8] {
    let descriptor: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
    guard descriptor >= 0 else { throw unreadable(path, errno) }
    defer { if descriptor != 0 { close(descriptor) } }
    var info = stat()
    if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
      throw NetworkLoadError(
        source: path,
        diagnostics: [
          NetworkDiagnostic(
            severity: .error, code: .unreadable, path: "", message: "is a directory, not a file",
            location: nil)
        ], errorCount: 1, warningCount: 0)
    }
    let expected = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
    var bytes = [UInt8](repeating: 0, count: max(expected + 1, 1 << 16))
    var filled = 0
    while true {
      if filled == bytes.count {
        bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 1 << 16)))
      }
      let got = bytes.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
      }
      if got < 0 {
        if errno == EINTR { continue }
        throw unreadable(path, errno)
      }
      if got == 0 { break }
      filled += got
    }
    bytes.removeLast(bytes.count - filled)
    return bytes
  }

  private static func unreadable(_ path: String, _ code: Int32) -> NetworkLoadError {
    let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
    return NetworkLoadError(
      source: path,
      diagnostics: [
        NetworkDiagnostic(
          severity: .error, code: .unreadable, path: "", message: "cannot read: \(reason)",
          location: nil)
      ], errorCount: 1, warningCount: 0)
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
