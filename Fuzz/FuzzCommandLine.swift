// libFuzzer entry point for the whole command line: random argument vectors
// over the real commands and options, run in process by
// run(arguments:stdout:stderr:) on a random small network.
//
// The first byte picks the command (among every name and alias of the
// registry, `help` and a few wrong words), the second how many tokens follow
// it (0 to 15), and each of the next bytes one token from a vocabulary built
// from that command's declarations: its options, their choices, the choices
// of its trailing arguments, small numbers (-1, 0, 1, 2, 3, 0.5, 1.5, nan,
// 1e400), "", "abc", ids found in the network, paths to the network in a
// temporary folder, "-" (standard input) and output paths in that folder. The
// rest of the bytes is the network, written to every path the vocabulary
// names and put on standard input (a temporary file dup2'd onto fd 0 for the
// call). Numbers stay small, so `generate --people` and `--restarts` cannot
// make a legitimate run long. Built by Scripts/fuzz.sh (--target cli) with
// TrustCore's and TrustmapCLI's sources in one module.
//
// Checks beyond "no crash, no hang": the exit status is one of 0, 1, 64, 74.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A stream that keeps nothing: reports are only counted.
private struct DiscardingStream: TextOutputStream {
  var count = 0
  mutating func write(_ string: String) { count += string.utf8.count }
}

/// The temporary folder of this process, made once.
private let fuzzFolder: String = {
  var template = Array("/tmp/trustmap-fuzz-cli-XXXXXX".utf8CString)
  let made = template.withUnsafeMutableBufferPointer { buffer in
    buffer.baseAddress.flatMap { mkdtemp($0) }
  }
  precondition(made != nil, "cannot make a temporary folder")
  return String(cString: template)
}()

/// The names under which the network is written (one per reader's extension).
private let networkNames = [
  "net.json", "net.csv", "net.graphml", "net.gexf", "net.net", "net.vna", "net.txt",
]

/// Every command name and alias, `help`, and words that are none.
private let commandWords: [String] =
  commandRegistry.flatMap { [$0.name] + $0.aliases } + ["help", "--help", "--version", "x", ""]

/// Writes `bytes` to `path`, replacing it.
private func writeFile(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  precondition(descriptor >= 0, "cannot write \(path)")
  var written = 0
  while written < bytes.count, let start = bytes.baseAddress {
    let result = write(descriptor, start + written, bytes.count - written)
    precondition(result > 0, "cannot write \(path)")
    written += result
  }
  close(descriptor)
}

/// Up to eight ids in `bytes`: the strings after `"id"` and a colon, at most 16 bytes each.
private func ids(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
  var found: [String] = []
  let key = Array("\"id\"".utf8)
  var index = 0
  while index + key.count < bytes.count && found.count < 8 {
    guard bytes[index..<index + key.count].elementsEqual(key) else {
      index += 1
      continue
    }
    var cursor = index + key.count
    while cursor < bytes.count && (bytes[cursor] == 0x20 || bytes[cursor] == 0x3A) { cursor += 1 }
    guard cursor < bytes.count, bytes[cursor] == 0x22 else {
      index = cursor
      continue
    }
    let start = cursor + 1
    var end = start
    while end < bytes.count && end - start <= 16 && bytes[end] != 0x22 { end += 1 }
    if end < bytes.count && bytes[end] == 0x22 {
      let id = UnsafeBufferPointer(rebasing: bytes[start..<end])
      found.append(String(decoding: id, as: UTF8.self))
    }
    index = end
  }
  return found
}

/// The tokens argv is built from, for `command`.
private func vocabulary(for command: (any Command.Type)?, ids: [String]) -> [String] {
  var words: [String] = []
  if let command {
    for option in command.allOptions {
      words.append(option.name)
      words += option.choices ?? []
    }
    for argument in command.trailingArguments { words += argument.choices ?? [] }
  }
  words += ["-1", "0", "1", "2", "3", "0.5", "1.5", "nan", "1e400", "", "abc", "a,b", "--"]
  words += ids + ["a", "b", "c", "ceo", "w", "team"]
  words += networkNames.map { fuzzFolder + "/" + $0 }
  words += ["-", "-", fuzzFolder + "/missing.json", fuzzFolder]
  words += [fuzzFolder + "/out.txt", fuzzFolder + "/out.html", "/dev/full", "/nonexistent/out"]
  words += commandWords
  return words
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  guard size >= 2 else { return 0 }
  let name = commandWords[Int(data[0]) % commandWords.count]
  let tokenCount = min(Int(data[1]) % 16, size - 2)
  let network = UnsafeBufferPointer(start: data + 2 + tokenCount, count: size - 2 - tokenCount)
  let words = vocabulary(for: command(named: name), ids: ids(in: network))
  var arguments = ["trustmap", name]
  for index in 0..<tokenCount { arguments.append(words[Int(data[2 + index]) % words.count]) }

  for file in networkNames { writeFile(fuzzFolder + "/" + file, network) }
  let inputPath = fuzzFolder + "/stdin"
  writeFile(inputPath, network)
  let input = open(inputPath, O_RDONLY)
  precondition(input >= 0, "cannot open \(inputPath)")
  let savedInput = dup(0)
  dup2(input, 0)
  close(input)
  var out = DiscardingStream()
  var err = DiscardingStream()
  let status = run(arguments: arguments, stdout: &out, stderr: &err)
  dup2(savedInput, 0)
  close(savedInput)
  unlink(fuzzFolder + "/out.txt")
  unlink(fuzzFolder + "/out.html")
  precondition(
    [0, 1, 64, 74].contains(status), "exit status \(status) for \(arguments)")
  return 0
}
