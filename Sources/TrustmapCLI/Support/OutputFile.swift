import TrustCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file a command writes, written safely (`convert`'s output; meant for
/// every command's `--output`):
///
/// - it is never one of the command's inputs, by path, symbolic link or hard
///   link (the same device and inode): that is a usage error (exit 64),
///   checked before anything is read or written;
/// - a regular file (or a new one) is written to a temporary file beside it
///   (`.NAME.trustmap-XXXXXXXX`, in the same folder, so the rename cannot
///   cross file systems) and renamed over it by ``commit()``, so a failure
///   leaves the old file as it was and no half file; the new file keeps the
///   old one's permissions, or gets 0666 less the umask. A symbolic link is
///   followed: the file it names is replaced, the link kept;
/// - anything else (a FIFO, a terminal, `/dev/null`, `/dev/full`) is opened and
///   written directly, never renamed over;
/// - a failed write, close or rename is exit 74, `Error: cannot write 'PATH': REASON`.
///
/// ```swift
/// try OutputFile.refuseInputs(["out.graphml"], inputs: ["org.json"], command: ConvertCommand.self)
/// let file = try OutputFile(path: "out.graphml")
/// try file.write("<graphml …")
/// try file.commit()  // out.graphml appears whole, or not at all
/// ```
///
/// A file dropped without ``commit()`` removes its temporary file.
///
/// - Complexity: one `stat` per input and output to refuse inputs; then the
///   bytes written, one `write` call per chunk, and one `rename`.
final class OutputFile {
  /// The path as given, for messages.
  let path: String
  /// The temporary file to rename, or `nil` when writing directly.
  private let temporaryPath: String?
  /// What the temporary file becomes (the given path, a symbolic link followed).
  private let target: String
  private var descriptor: Int32
  private var finished = false
  /// Where ``InterruptCleanup`` keeps the temporary file's path (-1: nowhere).
  private var cleanupSlot = -1

  /// Opens `path` for writing: a temporary file beside it, or the file
  /// itself when it is not a regular file.
  ///
  /// - Throws: ``CommandFailure/cannotWrite(_:)`` when it cannot be created
  ///   (no such folder, no permission, a folder in the way).
  init(path: String) throws(CommandFailure) {
    self.path = path
    var status = stat()
    if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
      guard status.st_mode & S_IFMT != S_IFDIR else {
        throw Self.failure(path, EISDIR)
      }
      let descriptor = open(path, O_WRONLY | O_CLOEXEC)
      guard descriptor >= 0 else { throw Self.failure(path, errno) }
      self.descriptor = descriptor
      temporaryPath = nil
      target = path
      return
    }
    let exists = stat(path, &status) == 0
    let resolved = Self.followingLinks(path)
    target = resolved
    let slash = resolved.lastIndex(of: "/")
    let folder = slash.map { String(resolved[...$0]) } ?? ""
    let name = slash.map { String(resolved[resolved.index(after: $0)...]) } ?? resolved
    var random = SystemRandomNumberGenerator()
    var attempt = 0
    while true {
      let suffix = String(random.next() & 0xFFFF_FFFF, radix: 16)
      let candidate = "\(folder).\(name).trustmap-\(suffix)"
      let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if descriptor >= 0 {
        if exists { _ = fchmod(descriptor, status.st_mode & 0o7777) }
        self.descriptor = descriptor
        temporaryPath = candidate
        cleanupSlot = InterruptCleanup.register(candidate)
        return
      }
      attempt += 1
      guard errno == EEXIST, attempt < 100 else { throw Self.failure(path, errno) }
    }
  }

  deinit {
    if !finished {
      close(descriptor)
      if let temporaryPath { unlink(temporaryPath) }
    }
    InterruptCleanup.unregister(cleanupSlot)
  }

  /// Writes `text` at the end.
  ///
  /// - Throws: ``CommandFailure/cannotWrite(_:)`` with the system's reason.
  func write(_ text: String) throws(CommandFailure) {
    let failed = writeAll(text, to: descriptor)
    if failed != 0 { throw Self.failure(path, failed) }
  }

  /// Closes the file and, when it was written beside its target, renames
  /// it over the target.
  ///
  /// - Throws: ``CommandFailure/cannotWrite(_:)`` when closing or renaming fails
  ///   (the temporary file is removed).
  func commit() throws(CommandFailure) {
    finished = true
    if close(descriptor) != 0 {
      let reason = errno
      if let temporaryPath { unlink(temporaryPath) }
      throw Self.failure(path, reason)
    }
    guard let temporaryPath else { return }
    if rename(temporaryPath, target) != 0 {
      let reason = errno
      unlink(temporaryPath)
      throw Self.failure(path, reason)
    }
  }

  /// Refuses, with a usage error, to write any of `outputs` over any of
  /// `inputs` (`-` is standard input, when it is a file): the same path, or
  /// the same file through a symbolic or hard link.
  ///
  /// - Throws: ``CommandFailure/usage(_:)``: `'OUT' is the input file; CMD never writes over its input`.
  static func refuseInputs(
    _ outputs: [String], inputs: [String], command: any Command.Type
  ) throws(CommandFailure) {
    var inputFiles: [(path: String, device: UInt64, inode: UInt64)] = []
    for input in inputs {
      var status = stat()
      let found = input == "-" ? fstat(0, &status) == 0 : stat(input, &status) == 0
      if found, status.st_mode & S_IFMT == S_IFREG {
        inputFiles.append(
          (
            input, UInt64(truncatingIfNeeded: status.st_dev),
            UInt64(truncatingIfNeeded: status.st_ino)
          ))
      }
    }
    for output in outputs where output != "-" {
      var status = stat()
      guard stat(output, &status) == 0 else { continue }
      let device = UInt64(truncatingIfNeeded: status.st_dev)
      let inode = UInt64(truncatingIfNeeded: status.st_ino)
      let same = inputFiles.first { $0.device == device && $0.inode == inode }
      guard let same else { continue }
      let through = same.path == output ? "" : " '\(displayName(of: same.path))' (the same file)"
      throw .usage(
        UsageError(
          "'\(output)' is the input file\(through); \(command.name) never writes over its input",
          command: command))
    }
  }

  /// The file a path names once symbolic links are followed (the path
  /// itself when it names no file yet, or a link leads nowhere).
  private static func followingLinks(_ path: String) -> String {
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
      let resolved = realpath(path, nil)
    else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  private static func failure(_ path: String, _ reason: Int32) -> CommandFailure {
    .cannotWrite("Error: cannot write '\(path)': \(String(cString: strerror(reason)))\n")
  }
}

/// Writes all of `text` to a file descriptor; returns 0, or the `errno` of the failure.
func writeAll(_ text: String, to descriptor: Int32) -> Int32 {
  var text = text
  return text.withUTF8 { bytes in
    var offset = 0
    while offset < bytes.count, let base = bytes.baseAddress {
      let written = write(descriptor, base + offset, bytes.count - offset)
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return errno == 0 ? EIO : errno }
      offset += written
    }
    return 0
  }
}
