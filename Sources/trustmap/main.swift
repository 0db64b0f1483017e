import TrustmapCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes straight to a file descriptor, retrying short and interrupted
/// writes; the first failure is kept (and nothing more is written), so the
/// command line can report it.
struct DescriptorStream: FailableTextOutputStream {
  let descriptor: Int32
  private(set) var failure: Int32?

  init(descriptor: Int32) { self.descriptor = descriptor }

  mutating func write(_ string: String) {
    guard failure == nil else { return }
    var text = string
    let failed: Int32? = text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count, let base = bytes.baseAddress {
        let written = systemWrite(descriptor, base + offset, bytes.count - offset)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return written < 0 ? errno : EIO }
        offset += written
      }
      return nil
    }
    failure = failed
  }
}

var standardOutput = DescriptorStream(descriptor: 1)
var standardError = DescriptorStream(descriptor: 2)
exit(run(arguments: CommandLine.arguments, stdout: &standardOutput, stderr: &standardError))

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafePointer<UInt8>, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}
