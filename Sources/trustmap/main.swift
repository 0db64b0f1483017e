import TrustmapCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes straight to a file descriptor, retrying short writes.
struct DescriptorStream: TextOutputStream {
  let descriptor: Int32
  mutating func write(_ string: String) {
    var text = string
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count, let base = bytes.baseAddress {
        let written = systemWrite(descriptor, base + offset, bytes.count - offset)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        offset += written
      }
    }
  }
}

var standardOutput = DescriptorStream(descriptor: 1)
var standardError = DescriptorStream(descriptor: 2)
exit(run(arguments: CommandLine.arguments, stdout: &standardOutput, stderr: &standardError))

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafePointer<UInt8>, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}
