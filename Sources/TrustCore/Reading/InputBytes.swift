#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How an input's bytes come into memory, safely whatever the input is: the
/// path is opened once, and what it is (a regular file, a pipe, a FIFO, a
/// terminal, `/dev/stdin`, `<(cat f)`) is asked of that one descriptor, so
/// a FIFO is never opened twice (the second open would wait for a writer
/// that has gone) and a path cannot change between the look and the read.
///
/// - A regular file is read whole with `pread` (a large one in two halves
///   at once), never mapped: a mapped page
///   past a new end kills the process (SIGBUS) when another process
///   truncates the file, and reading costs a few percent of mapping it
///   (BENCHMARKS.md). Its size is taken before and after; a file that
///   shrinks or grows meanwhile is an input error, "changed while it was read".
/// - Anything else is read as it arrives, like standard input, and checked
///   as it does: a NUL byte anywhere, or a first character (after white
///   space and a byte-order mark) that no text can start with, stops the
///   read at once with its location (`- < /dev/zero` fails at byte 1), and
///   so does passing the size limit, which applies to pipes as to files.
///
/// ```swift
/// let bytes = try InputBytes.read(path: "-", limit: InputBytes.maximumBytes)
/// defer { bytes.deallocate() }
/// ```
///
/// - Complexity: O(*n*) time and memory for *n* bytes; a stream is grown by
///   doubling, so each byte is copied O(1) times on average.
enum InputBytes {
  /// The largest input read: the readers index bytes with 32-bit offsets.
  static let maximumBytes = Int(UInt32.max) - 1

  /// All the bytes of `path` (`-`: standard input), in a buffer the caller
  /// deallocates (never empty of storage, so it always has an address).
  ///
  /// - Throws: ``NetworkLoadError``: `unreadable` (the system's reason, a
  ///   directory, a file that changed while read), `too-large` past `limit`,
  ///   or `syntax` at the located byte of a stream that is not text.
  static func read(path: String, limit: Int, twoHalvesFrom: Int = 1 << 26)
    throws(NetworkLoadError) -> UnsafeMutableBufferPointer<UInt8>
  {
    let descriptor = path == "-" ? 0 : openRetrying(path)
    guard descriptor >= 0 else { throw failure(path, .unreadable, reason(errno)) }
    defer { if descriptor != 0 { close(descriptor) } }
    var before = stat()
    guard fstat(descriptor, &before) == 0 else {
      throw failure(path, .unreadable, reason(errno))
    }
    switch before.st_mode & S_IFMT {
    case S_IFDIR:
      throw failure(path, .unreadable, "is a directory, not a file")
    case S_IFREG where before.st_size > 0 && lseek(descriptor, 0, SEEK_CUR) <= 0:
      // From the start (standard input redirected from a file that a
      // command before has partly read goes on from there, as a stream).
      return try readRegular(
        descriptor, path: path, size: Int(before.st_size), limit: limit,
        twoHalvesFrom: twoHalvesFrom)
    default:
      // Pipes, FIFOs, devices, sockets, and regular files that report no
      // size (`/proc`): read until the end, checking as the bytes come.
      return try readStream(descriptor, path: path, limit: limit)
    }
  }

  /// A regular file of `size` bytes when opened: exactly that many, or the
  /// error that it changed.
  private static func readRegular(
    _ descriptor: Int32, path: String, size: Int, limit: Int, twoHalvesFrom: Int
  ) throws(NetworkLoadError) -> UnsafeMutableBufferPointer<UInt8> {
    guard size <= limit else { throw tooLarge(path, limit: limit) }
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: size)
    var filled = 0
    do throws(NetworkLoadError) {
      filled = try fillRegular(buffer, descriptor, path: path, twoHalvesFrom: twoHalvesFrom)
      // One byte more than its size, or a size that moved: another process
      // wrote or truncated it, and what was read is no one state of the file.
      var probe: UInt8 = 0
      let more = preadRetrying(descriptor, &probe, 1, at: size)
      var after = stat()
      let sizeNow = fstat(descriptor, &after) == 0 ? Int(after.st_size) : -1
      if filled != size || more > 0 || sizeNow != size {
        throw failure(
          path, .unreadable,
          "the file changed while it was read (\(size) bytes when opened, "
            + "\(sizeNow >= 0 ? String(sizeNow) : "unknown") after); read it again once "
            + "nothing writes to it")
      }
    } catch {
      buffer.deallocate()
      throw error
    }
    return buffer
  }

  /// Fills `buffer` from the start of a regular file with `pread` until it
  /// is full or the file ends; returns how many bytes it then holds. A
  /// file of `twoHalvesFrom` bytes or more is read in two halves at once:
  /// copying from the page cache and the first touch of the buffer's fresh
  /// pages are most of reading a cached file, and two cores do them in half
  /// the time (L's 385 MB CSV: 0.5 s on one).
  private static func fillRegular(
    _ buffer: UnsafeMutableBufferPointer<UInt8>, _ descriptor: Int32, path: String,
    twoHalvesFrom: Int
  ) throws(NetworkLoadError) -> Int {
    let count = buffer.count
    let half = count >= twoHalvesFrom && workerCount > 1 ? count / 2 : count
    let boundaries = half == count ? [0, count] : [0, half, count]
    // Each part's bytes read, or −errno, written by that part alone.
    let got = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2)
    defer { got.deallocate() }
    let shared = UnsafeSendable((buffer, got))
    forEachPartInParallel(boundaries: boundaries) { part, range in
      let (buffer, got) = shared.value
      var filled = range.lowerBound
      while filled < range.upperBound {
        let read = preadRetrying(
          descriptor, buffer.baseAddress.map { $0 + filled }, range.upperBound - filled, at: filled)
        if read < 0 {
          got[part] = -Int(errno)
          return
        }
        if read == 0 { break }
        filled += read
      }
      got[part] = filled - range.lowerBound
    }
    for part in 0..<boundaries.count - 1 where got[part] < 0 {
      throw failure(path, .unreadable, reason(Int32(-got[part])))
    }
    // A short first half (the file shrank) is where the bytes end.
    return got[0] < half || boundaries.count == 2 ? got[0] : half + got[1]
  }

  /// Everything until the end of a stream, checked as it arrives.
  private static func readStream(_ descriptor: Int32, path: String, limit: Int)
    throws(NetworkLoadError) -> UnsafeMutableBufferPointer<UInt8>
  {
    var buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 16)
    var filled = 0
    var check = StreamCheck()
    do throws(NetworkLoadError) {
      while true {
        if filled == buffer.count {
          let grown = UnsafeMutableBufferPointer<UInt8>.allocate(
            capacity: min(max(buffer.count * 2, 1 << 16), limit + 1))
          _ = grown.initialize(fromContentsOf: buffer)
          buffer.deallocate()
          buffer = grown
        }
        let got = readRetrying(
          descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
        if got < 0 { throw failure(path, .unreadable, reason(errno)) }
        if got == 0 { break }
        let chunk = UnsafeBufferPointer(rebasing: buffer[filled..<filled + got])
        if let bad = check.firstNonText(in: chunk, at: filled) {
          throw notText(path, UnsafeBufferPointer(buffer), offset: bad)
        }
        filled += got
        if filled > limit { throw tooLarge(path, limit: limit) }
      }
    } catch {
      buffer.deallocate()
      throw error
    }
    // Keep only what was read: a stream's doubling may have reserved up to twice as much.
    let exact = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, filled))
    _ = exact.initialize(fromContentsOf: buffer[0..<filled])
    buffer.deallocate()
    return UnsafeMutableBufferPointer(rebasing: exact[0..<filled])
  }

  private static func openRetrying(_ path: String) -> Int32 {
    while true {
      let descriptor = open(path, O_RDONLY | O_CLOEXEC)
      if descriptor >= 0 || errno != EINTR { return descriptor }
    }
  }

  private static func preadRetrying(
    _ descriptor: Int32, _ address: UnsafeMutableRawPointer?, _ count: Int, at offset: Int
  ) -> Int {
    while true {
      let got = pread(descriptor, address, count, off_t(offset))
      if got >= 0 || errno != EINTR { return got }
    }
  }

  private static func readRetrying(
    _ descriptor: Int32, _ address: UnsafeMutableRawPointer?, _ count: Int
  ) -> Int {
    while true {
      let got = systemRead(descriptor, address, count)
      if got >= 0 || errno != EINTR { return got }
    }
  }

  // MARK: Errors

  private static func reason(_ code: Int32) -> String {
    "cannot read: " + (strerror(code).map { String(cString: $0) } ?? "error \(code)")
  }

  static func failure(
    _ path: String, _ code: NetworkDiagnostic.Code, _ message: String,
    at location: FileLocation? = nil
  ) -> NetworkLoadError {
    NetworkLoadError(
      source: path,
      diagnostics: [
        NetworkDiagnostic(
          severity: .error, code: code, path: "", message: message, location: location)
      ], errorCount: 1, warningCount: 0)
  }

  private static func tooLarge(_ path: String, limit: Int) -> NetworkLoadError {
    let size = limit == maximumBytes ? "4 GiB" : "\(limit) bytes"
    return failure(
      path, .tooLarge,
      "the input is over \(size), the largest network file trustmap reads; reading stopped")
  }

  /// The error for the byte at `offset`, located by line and column.
  private static func notText(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>, offset: Int)
    -> NetworkLoadError
  {
    var line = 1
    var column = 1
    for byte in bytes[0..<offset] {
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1  // a scalar starts here (continuation bytes do not count)
      }
    }
    let byte = bytes[offset]
    let hex = "0x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    let what = byte == 0 ? "a NUL byte (0x00)" : "byte \(hex)"
    return failure(
      path, .syntax,
      "\(what) where a network file's text should be: this input is not a network file; "
        + "reading stopped",
      at: FileLocation(line: line, column: column, offset: offset))
  }
}

/// The system's `read`, which the ``InputBytes/read(path:limit:)`` above hides by name.
private func systemRead(_ descriptor: Int32, _ address: UnsafeMutableRawPointer?, _ count: Int)
  -> Int
{
  read(descriptor, address, count)
}

/// What a stream is checked for as it arrives, in any of the text formats
/// trustmap reads: no NUL byte anywhere, and a first character (after white
/// space and a UTF-8 byte-order mark) that text can start with: not a
/// control character, not a byte that cannot begin a UTF-8 character.
struct StreamCheck {
  /// Whether the first character is still to come.
  private var beforeFirst = true
  /// How many bytes of a leading byte-order mark were seen.
  private var markLength = 0

  /// The offset of the first byte in `chunk` (which starts at `start`) that
  /// shows the input is not text, if any.
  ///
  /// - Complexity: O(*k*) for *k* bytes, with `memchr`'s speed for the NUL search.
  mutating func firstNonText(in chunk: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
    let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
    var index = 0
    while beforeFirst, index < chunk.count {
      let byte = chunk[index]
      let offset = start + index
      if offset == markLength, markLength < 3, byte == mark[markLength] {
        markLength += 1
      } else if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        markLength = 3  // white space ends any chance of a mark
      } else {
        let cannotStart =
          byte < 0x20 || byte == 0x7F || (0x80...0xC1).contains(byte) || byte >= 0xF5
        if cannotStart { return offset }
        beforeFirst = false
      }
      index += 1
    }
    guard let base = chunk.baseAddress, index < chunk.count,
      let nul = memchr(base + index, 0, chunk.count - index)
    else { return nil }
    return start + (UnsafeRawPointer(nul) - UnsafeRawPointer(base))
  }
}
