import Foundation
import Testing

/// The built `trustmap` beside the test bundle (SwiftPM puts every product of a
/// build in one folder).
func builtExecutable() -> URL? {
  let candidates = [
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
    Bundle.main.bundleURL.deletingLastPathComponent(),
    Bundle.main.bundleURL,
  ]
  for folder in candidates {
    let url = folder.appendingPathComponent("trustmap")
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
      return url
    }
  }
  return nil
}

@Suite("The built executable")
struct ExecutableSmokeTests {
  @Test func readsStandardInputAndExitsWithTheRightCodes() throws {
    guard let binary = builtExecutable() else {
      Issue.record("the trustmap executable was not found beside \(CommandLine.arguments[0])")
      return
    }
    let input = try Data(contentsOf: packageRoot.appendingPathComponent("Examples/org.json"))
    let process = Process()
    process.executableURL = binary
    process.arguments = ["analyse", "-", "--format", "json"]
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(input)
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let object = try JSONSerialization.jsonObject(with: output) as? [String: Any]
    let summary = object?["summary"] as? [String: Any]
    #expect(summary?["people"] as? Int == 16)

    let usage = Process()
    usage.executableURL = binary
    usage.arguments = ["frobnicate"]
    usage.standardOutput = Pipe()
    let usageErrors = Pipe()
    usage.standardError = usageErrors
    try usage.run()
    let text = String(decoding: usageErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    usage.waitUntilExit()
    #expect(usage.terminationStatus == 64)
    #expect(text.hasPrefix("Error: unknown command 'frobnicate'"))
  }
}
