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
    let analysed = try execute(binary, ["analyse", "-", "--format", "json"], input: input)
    #expect(analysed.status == 0)
    let object = try JSONSerialization.jsonObject(with: analysed.output) as? [String: Any]
    let summary = object?["summary"] as? [String: Any]
    #expect(summary?["people"] as? Int == 16)

    let usage = try execute(binary, ["frobnicate"])
    let text = String(decoding: usage.errors, as: UTF8.self)
    #expect(usage.status == 64)
    #expect(text.hasPrefix("Error: unknown command 'frobnicate'"))
  }

  /// Standard input redirected from a file that a command before has
  /// partly read (`{ read -r _; trustmap validate -; } < f`) is read from
  /// where that command stopped, not from the file's start.
  @Test func standardInputFromAPartlyReadFileGoesOnFromItsOffset() throws {
    guard let binary = builtExecutable() else {
      Issue.record("the trustmap executable was not found beside \(CommandLine.arguments[0])")
      return
    }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("offset-\(UUID()).csv")
    try Data("a title line\nfrom,to\nana,bo\nbo,cy\n".utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let input = try FileHandle(forReadingFrom: url)
    defer { try? input.close() }
    try input.seek(toOffset: 13)  // past the title line
    let process = Process()
    process.executableURL = binary
    process.arguments = ["validate", "-", "--input-format", "csv"]
    let stdout = Pipe()
    process.standardInput = input
    process.standardOutput = stdout
    process.standardError = Pipe()
    try process.run()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(
      String(decoding: output, as: UTF8.self)
        == "<stdin>: valid: 3 people, 2 tie records, 2 strong ties; 0 warnings\n")
  }

  @Test("Standard input's provenance: stdin, with the same digest and size as the file")
  func standardInputProvenance() throws {
    guard let binary = builtExecutable() else {
      Issue.record("the trustmap executable was not found beside \(CommandLine.arguments[0])")
      return
    }
    let example = packageRoot.appendingPathComponent("Examples/org.json")
    let run = try execute(
      binary, ["validate", "-", "--format", "json"], input: try Data(contentsOf: example))
    #expect(run.status == 0)
    let piped = try JSONSerialization.jsonObject(with: run.output) as? [String: Any]
    let input = (piped?["provenance"] as? [String: Any])?["input"] as? [String: Any]
    let fromFile = try json(trustmap("validate", "Examples/org.json", "--format", "json").output)
    let fileInput = (fromFile["provenance"] as? [String: Any])?["input"] as? [String: Any]
    #expect(input?["stdin"] as? Bool == true)
    #expect(input?["file"] == nil)
    #expect(input?["bytes"] as? Int == (try Data(contentsOf: example)).count)
    #expect(input?["sha256"] as? String == fileInput?["sha256"] as? String)
    #expect((input?["sha256"] as? String)?.count == 64)
  }

  @Test("TRUSTMAP_KEY in the real environment gives the pseudonyms --key-file gives")
  func keyFromTheEnvironment() throws {
    guard let binary = builtExecutable() else {
      Issue.record("the trustmap executable was not found beside \(CommandLine.arguments[0])")
      return
    }
    let example = packageRoot.appendingPathComponent("Examples/org.json").path
    let arguments = ["reach", example, "--person", "dee", "--pseudonymise", "--format", "csv"]
    let run = try execute(binary, arguments, environment: ["TRUSTMAP_KEY": "wave-3"])
    #expect(run.status == 0)
    let missing = try execute(binary, arguments, environment: ["TRUSTMAP_KEY": ""])
    #expect(missing.status == 64)
    try withTemporaryFolder { folder in
      let key = folder.appendingPathComponent("key")
      try "wave-3\n".write(to: key, atomically: true, encoding: .utf8)
      let fromFile = trustmap(
        "reach", "Examples/org.json", "--person", "dee", "--pseudonymise", "--key-file", key.path,
        "--format", "csv")
      #expect(fromFile.status == 0)
      #expect(run.text == fromFile.output)
      #expect(fromFile.output.contains("p-"))
      #expect(!fromFile.output.contains("dee"))
    }
  }
}
