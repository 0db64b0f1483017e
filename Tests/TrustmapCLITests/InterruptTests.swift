import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A report interrupted while `--output` is written: the target keeps its old
/// contents (or stays absent), and Ctrl-C or SIGTERM leaves no temporary file.
@Suite("Interrupted output: no partial report")
struct InterruptTests {
  /// Starts `generate` of a large network into `target`, waits until its
  /// temporary file has bytes in it, sends `signal`, and returns the folder's
  /// files afterwards with how the process ended.
  private func interrupt(with signal: Int32, in folder: URL) throws -> (
    files: [String], reason: Process.TerminationReason, status: Int32
  )? {
    guard let binary = builtExecutable() else {
      Issue.record("the trustmap executable was not found beside \(CommandLine.arguments[0])")
      return nil
    }
    let target = folder.appendingPathComponent("big.json")
    try "old report\n".write(to: target, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = binary
    process.arguments = ["generate", "--people", "2000000", "--output", target.path]
    process.standardOutput = Pipe()
    process.standardError = Pipe()
    try process.run()
    // Wait (at most 60 s) until the temporary file beside the target is being written.
    var started = false
    for _ in 0..<600 where !started {
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      if let temporary = names.first(where: { $0.hasPrefix(".big.json.trustmap-") }) {
        let size =
          (try? FileManager.default.attributesOfItem(
            atPath: folder.appendingPathComponent(temporary).path)[.size] as? Int) ?? 0
        started = size > 0
      }
      if !started { usleep(100_000) }
    }
    #expect(started, "the temporary file never appeared")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    return (files, process.terminationReason, process.terminationStatus)
  }

  @Test(
    "SIGINT and SIGTERM: the old file intact, no temporary file, death by the signal",
    arguments: [SIGINT, SIGTERM])
  func interruptLeavesNothing(signal: Int32) throws {
    try withTemporaryFolder { folder in
      guard let result = try interrupt(with: signal, in: folder) else { return }
      #expect(result.files == ["big.json"])
      #expect(result.reason == .uncaughtSignal && result.status == signal)
      #expect(
        try String(contentsOf: folder.appendingPathComponent("big.json"), encoding: .utf8)
          == "old report\n")
    }
  }

  @Test("SIGKILL cannot be caught: the old file is still intact")
  func killKeepsTheOldFile() throws {
    try withTemporaryFolder { folder in
      guard let result = try interrupt(with: SIGKILL, in: folder) else { return }
      #expect(result.files.contains("big.json"))
      #expect(
        try String(contentsOf: folder.appendingPathComponent("big.json"), encoding: .utf8)
          == "old report\n")
    }
  }
}
