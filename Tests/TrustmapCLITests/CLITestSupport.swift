import Foundation
import Testing

@testable import TrustmapCLI

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// `../shared` beside the checkout, present on the developers' machines and in CI only.
let sharedFolder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
let hasSharedDatasets = FileManager.default.fileExists(
  atPath: sharedFolder.appendingPathComponent("datasets/krackhardt_hightech.json").path)

/// A command line and what a test expects of it: the start of its error
/// message, or the golden file its output must equal.
struct CommandLineCase: CustomTestStringConvertible, Sendable {
  var arguments: [String]
  var expected: String
  var testDescription: String { arguments.joined(separator: " ") }

  init(_ arguments: [String], _ expected: String) {
    self.arguments = arguments
    self.expected = expected
  }
}

/// What one in-process run printed, and its exit status.
struct RunResult {
  var status: Int32
  var output: String
  var errors: String
}

/// Runs the CLI in process. Arguments naming files of the package
/// (`Examples/org.json`) are made absolute, and the package's folder is taken
/// out of what it prints again, so outputs read as if run from the package
/// root, while tests running in parallel never change the working directory.
func trustmap(_ arguments: String...) -> RunResult {
  trustmap(arguments)
}

func trustmap(_ arguments: [String]) -> RunResult {
  let root = packageRoot.path + "/"
  let absolute = arguments.map { argument in
    argument.hasPrefix("Examples/") || argument.hasPrefix("Tests/") ? root + argument : argument
  }
  var output = ""
  var errors = ""
  let status = run(arguments: ["trustmap"] + absolute, stdout: &output, stderr: &errors)
  return RunResult(
    status: status, output: output.replacingOccurrences(of: root, with: ""),
    errors: errors.replacingOccurrences(of: root, with: ""))
}

/// Compares `text` with the golden file `name`; `UPDATE_GOLDEN=1 swift test` rewrites it.
func expectGolden(
  _ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
  let url = packageRoot.appendingPathComponent("Tests/TrustmapCLITests/Golden/\(name)")
  if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
    try text.write(to: url, atomically: true, encoding: .utf8)
    return
  }
  let golden = try String(contentsOf: url, encoding: .utf8)
  #expect(text == golden, "differs from Golden/\(name)", sourceLocation: sourceLocation)
}

/// Parses JSON output, failing the test when it is not one document.
func json(_ text: String) throws -> [String: Any] {
  let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
  guard let object = value as? [String: Any] else { throw CocoaError(.coderInvalidValue) }
  return object
}

/// A fresh folder for one test's files, removed when `body` returns.
func withTemporaryFolder<Result>(_ body: (URL) throws -> Result) throws -> Result {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trustmap-\(UUID())")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  return try body(folder)
}

/// What a program run by ``execute(_:_:input:environment:)`` printed, and its exit status.
struct ProcessResult {
  var status: Int32
  var output: Data
  var errors: Data
  /// Standard output as text.
  var text: String { String(decoding: output, as: UTF8.self) }
}

/// Runs `program` with `arguments`, `input` on its standard input and
/// `environment` added to this process's. Standard error is drained on
/// another thread while standard output is read, so neither pipe can fill
/// and stall the program.
func execute(
  _ program: URL, _ arguments: [String], input: Data = Data(), environment: [String: String] = [:]
) throws -> ProcessResult {
  final class Drained: @unchecked Sendable { var data = Data() }
  let process = Process()
  process.executableURL = program
  process.arguments = arguments
  process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  let stdin = Pipe()
  let stdout = Pipe()
  let stderr = Pipe()
  process.standardInput = stdin
  process.standardOutput = stdout
  process.standardError = stderr
  try process.run()
  let errors = Drained()
  let drained = DispatchSemaphore(value: 0)
  DispatchQueue.global().async {
    errors.data = stderr.fileHandleForReading.readDataToEndOfFile()
    drained.signal()
  }
  stdin.fileHandleForWriting.write(input)
  try stdin.fileHandleForWriting.close()
  let output = stdout.fileHandleForReading.readDataToEndOfFile()
  drained.wait()
  process.waitUntilExit()
  return ProcessResult(status: process.terminationStatus, output: output, errors: errors.data)
}
