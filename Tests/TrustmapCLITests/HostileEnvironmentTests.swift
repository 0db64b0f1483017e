import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a run of the built executable did: its status, whether a signal
/// ended it (a crash, or our timeout), and what it printed.
private struct Finished {
  var status: Int32
  var signalled: Bool
  var output: String
  var errors: String
}

/// Runs the built executable with `stdin` as its standard input, killed
/// after `timeout` seconds (so a hang fails the test instead of the suite).
private func runBuilt(
  _ arguments: [String], stdin: FileHandle? = nil, timeout: Double = 60,
  whileRunning: (() -> Void)? = nil
) throws -> Finished? {
  guard let binary = builtExecutable() else {
    Issue.record("the trustmap executable was not found beside \(CommandLine.arguments[0])")
    return nil
  }
  let process = Process()
  process.executableURL = binary
  process.arguments = arguments
  if let stdin { process.standardInput = stdin }
  let stdout = Pipe()
  let stderr = Pipe()
  process.standardOutput = stdout
  process.standardError = stderr
  try process.run()
  let deadline = DispatchTime.now() + timeout
  let watchdog = DispatchQueue(label: "watchdog")
  watchdog.asyncAfter(deadline: deadline) { if process.isRunning { process.terminate() } }
  whileRunning?()
  // Both pipes drained at once, so a chatty run cannot block on a full pipe.
  let errorData = DrainedData()
  let drained = DispatchSemaphore(value: 0)
  DispatchQueue.global().async {
    errorData.data = stderr.fileHandleForReading.readDataToEndOfFile()
    drained.signal()
  }
  let output = stdout.fileHandleForReading.readDataToEndOfFile()
  drained.wait()
  process.waitUntilExit()
  return Finished(
    status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
    output: String(decoding: output, as: UTF8.self),
    errors: String(decoding: errorData.data, as: UTF8.self))
}

/// What one thread reads from a pipe, handed to another after a semaphore.
private final class DrainedData: @unchecked Sendable {
  var data = Data()
}

private let smallNetwork = #"{"trustmap": 1, "people": [{"id": "ana"}, {"id": "bo"}]}"#

@Suite("Hostile inputs: opened once, read without a mapping, checked as they arrive")
struct HostileEnvironmentTests {
  @Test func aFIFOWhoseWriterFinishesFirstIsReadOnce() throws {
    try withTemporaryFolder { folder in
      let fifo = folder.appendingPathComponent("network.fifo").path
      #expect(mkfifo(fifo, 0o600) == 0)
      // The writer's open waits for the reader's; it writes and is gone before
      // the reader reads. A second open of the path would wait for ever.
      let writer = Thread {
        let descriptor = open(fifo, O_WRONLY)
        guard descriptor >= 0 else { return }
        _ = smallNetwork.withCString { write(descriptor, $0, strlen($0)) }
        close(descriptor)
      }
      writer.start()
      let result = try runBuilt(["analyse", fifo, "--format", "csv"], timeout: 30)
      #expect(result?.signalled == false, "killed: it hung")
      #expect(result?.status == 0)
      let rows = result?.output.split(separator: "\n") ?? []
      #expect(rows.count == 3)
      #expect(rows.dropFirst().map { $0.prefix(7) } == ["ana,ana", "bo,bo,0"])
    }
  }

  @Test func devStdinAndCharacterDevicesAreReadLikeStandardInput() throws {
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("small.json")
      try Data(smallNetwork.utf8).write(to: file)
      let viaPath = try runBuilt(
        ["analyse", "/dev/stdin", "--format", "csv"], stdin: try FileHandle(forReadingFrom: file))
      #expect(viaPath?.status == 0)
      #expect(viaPath?.output.hasPrefix("id,name,") == true)
      let empty = try runBuilt(["analyse", "/dev/null"])
      #expect(empty?.status == 1)
      #expect(empty?.errors == "/dev/null:1:1: error: the input is empty; expected a network object\n")
    }
  }

  @Test func zerosOnStandardInputFailAtTheFirstByte() throws {
    let zeros = try #require(FileHandle(forReadingAtPath: "/dev/zero"))
    // Without the check this reads for ever, holding gigabytes.
    let result = try runBuilt(["analyse", "-"], stdin: zeros, timeout: 30)
    #expect(result?.signalled == false, "killed: it kept reading")
    #expect(result?.status == 1)
    #expect(
      result?.errors
        == "<stdin>:1:1: error: a NUL byte (0x00) where a network file's text should be: "
        + "this input is not a network file; reading stopped\n")
  }

  @Test func aFileTruncatedWhileReadIsAnErrorOrCompleteNeverACrash() throws {
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("large.json")
      // 16 MiB of white space inside the object: long to read, quick to write.
      let head = Data(#"{"trustmap": 1, "people": [{"id": "ana"}], "#.utf8)
      let tail = Data(#""name": "large"}"#.utf8)
      for delay in [0.0, 0.05, 0.3] {
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: head)
        try handle.write(contentsOf: Data(repeating: 0x20, count: 16 << 20))
        try handle.write(contentsOf: tail)
        try handle.close()
        let result = try runBuilt(["validate", file.path]) {
          Thread.sleep(forTimeInterval: delay)
          _ = truncate(file.path, 1 << 20)
        }
        let finished = try #require(result)
        // A mapped file would die of SIGBUS here (exit 135).
        #expect(!finished.signalled, "delay \(delay): \(finished.status)")
        #expect([0, 1].contains(finished.status), "delay \(delay)")
        let said = finished.output + finished.errors
        if finished.status == 0 {
          // Success only when every byte was read before the cut: the
          // object's end is its last byte.
          #expect(said.contains("valid: 1 people"), "\(said)")
        } else {
          // Cut while read, or before it was opened (then it ends too soon).
          #expect(
            said.contains("the file changed while it was read")
              || said.contains("unexpected end of input"), "\(said)")
        }
      }
    }
  }
}
