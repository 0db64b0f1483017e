import Foundation
import Testing

@testable import TrustmapCLI

/// Runs the built executable with `environment` added to this process's,
/// and returns its exit status and standard output.
private func runBuilt(_ arguments: [String], environment: [String: String] = [:]) throws
  -> (status: Int32, output: Data)
{
  guard let binary = builtExecutable() else {
    Issue.record("the trustmap executable was not found beside \(CommandLine.arguments[0])")
    return (-1, Data())
  }
  let process = Process()
  process.executableURL = binary
  process.arguments = arguments
  var variables = ProcessInfo.processInfo.environment
  variables["TRUSTMAP_THREADS"] = nil
  for (name, value) in environment { variables[name] = value }
  process.environment = variables
  let stdout = Pipe()
  process.standardOutput = stdout
  process.standardError = FileHandle.nullDevice
  try process.run()
  let output = stdout.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, output)
}

@Suite("TRUSTMAP_THREADS: the thread count changes the speed, never the answer")
struct ThreadCountTests {
  @Test func oneThreadAndTheDefaultWriteTheSameBytes() throws {
    try withTemporaryFolder { folder in
      // Large enough that the strong-tie graph is built in parts (65,536 records and more).
      let file = folder.appendingPathComponent("generated.json").path
      let made = try runBuilt(["generate", "--people", "5000", "--ties", "70000", "--output", file])
      #expect(made.status == 0)
      for arguments in [
        ["tribes", file, "--format", "csv", "--restarts", "3"],
        ["analyse", file, "--format", "csv"],
      ] {
        let one = try runBuilt(arguments, environment: ["TRUSTMAP_THREADS": "1"])
        let three = try runBuilt(arguments, environment: ["TRUSTMAP_THREADS": "3"])
        let standard = try runBuilt(arguments)
        #expect(one.status == 0)
        #expect(one.output.split(separator: UInt8(ascii: "\n")).count == 5001, "a header and a row per person")
        #expect(one.output == standard.output, "\(arguments)")
        #expect(three.output == standard.output, "\(arguments)")
      }
    }
  }

  @Test(arguments: ["0", "-2", "two", "1.5"])
  func anInvalidCountIsAUsageError(value: String) {
    let result = Environment.$overrides.withValue(["TRUSTMAP_THREADS": value]) {
      trustmap("analyse", "Examples/org.json")
    }
    #expect(result.status == 64)
    #expect(result.errors.hasPrefix("Error: invalid TRUSTMAP_THREADS '\(value)': expected a whole number"))
    #expect(result.output.isEmpty)
  }

  @Test func anEmptyCountIsTheDefault() {
    let result = Environment.$overrides.withValue(["TRUSTMAP_THREADS": ""]) {
      trustmap("analyse", "Examples/org.json", "--format", "csv")
    }
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("id,name,"))
  }
}
