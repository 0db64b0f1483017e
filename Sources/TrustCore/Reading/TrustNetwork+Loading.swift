#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension TrustNetwork {
  /// Reads a network file; `-` reads standard input.
  ///
  /// ```swift
  /// let network = try TrustNetwork(contentsOfFile: "Examples/org.json")
  /// ```
  ///
  /// - Throws: ``NetworkLoadError`` with every problem found, in file order.
  /// - Complexity: O(*n*) in the file size.
  public init(
    contentsOfFile path: String, diagnosticLimit: Int = NetworkReader.defaultDiagnosticLimit
  )
    throws(NetworkLoadError)
  {
    if let mapped = MappedFile(path: path) {
      defer { mapped.unmap() }
      self = try NetworkReader.read(
        buffer: mapped.bytes, source: path, diagnosticLimit: diagnosticLimit
      ).get()
      return
    }
    let bytes = try Self.readAllBytes(path: path)
    self = try NetworkReader.read(bytes: bytes, source: path, diagnosticLimit: diagnosticLimit)
  }

  /// Reads a network from the bytes of a file (UTF-8 JSON, format version 1):
  /// an array of bytes, Foundation's `Data`, or any collection of `UInt8`.
  ///
  /// ```swift
  /// let data = try Data(contentsOf: url)
  /// let network = try TrustNetwork(json: data, source: url.lastPathComponent)
  /// ```
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  public init<Bytes: Collection<UInt8>>(json bytes: Bytes, source: String = "<memory>")
    throws(NetworkLoadError)
  {
    let contiguous = bytes as? [UInt8] ?? Array(bytes)
    self = try NetworkReader.read(bytes: contiguous, source: source)
  }

  /// Reads a network from a JSON string.
  public init(jsonString: String, source: String = "<memory>") throws(NetworkLoadError) {
    self = try NetworkReader.read(bytes: Array(jsonString.utf8), source: source)
  }

  /// All the bytes of a file, or of standard input for `-`.
  ///
  /// - Throws: ``NetworkLoadError`` with code `unreadable` naming the system's reason.
  public static func readAllBytes(path: String) throws(NetworkLoadError) -> [UInt8] {
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

/// A regular file mapped read-only into memory: the reader walks the page
/// cache's pages in place, with no copy and no zeroed buffer to fill.
///
/// Only for regular, non-empty files; standard input, pipes and anything the
/// system will not map are read with `read(2)` instead (``TrustNetwork/readAllBytes(path:)``).
private struct MappedFile {
  let bytes: UnsafeBufferPointer<UInt8>

  init?(path: String) {
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
    bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
  }

  func unmap() {
    munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
  }
}
