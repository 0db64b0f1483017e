import TrustCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `trustmap generate`: a synthetic organisation, streamed to standard output or `--output`.
func runGenerate(_ parsed: ParsedArguments, write: (String) -> Void) throws(CommandFailure) {
  let people = try usage { () throws(UsageError) in
    try parsed.positiveInteger(.people, default: 1000, minimum: 0)
  }
  let ties = try usage { () throws(UsageError) in
    try parsed.positiveInteger(.ties, default: people * 10, minimum: 0)
  }
  let seed = try usage { () throws(UsageError) in try parsed.seed() }
  guard people < Int(Int32.max), ties < Int(Int32.max) else {
    throw .usage(
      UsageError(message: "--people and --ties must be below \(Int32.max)", command: parsed.command)
    )
  }
  let generator = NetworkGenerator(people: people, ties: ties, seed: seed)
  guard let path = parsed.value(.output), path != "-" else {
    generator.write(to: write)
    return
  }
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  guard descriptor >= 0 else {
    let reason = String(cString: strerror(errno))
    throw .input("Error: cannot write '\(path)': \(reason)\n")
  }
  defer { close(descriptor) }
  var failed: Int32 = 0
  generator.write { chunk in
    if failed == 0 { failed = writeAll(chunk, to: descriptor) }
  }
  if failed != 0 {
    throw .input("Error: cannot write '\(path)': \(String(cString: strerror(failed)))\n")
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
