import Foundation
import Testing

@Suite("Progress on standard error")
struct ProgressTests {
  /// A run of several seconds in a debug build, its standard error a pipe:
  /// not a character of progress, only what a pipeline asks for.
  @Test func nothingIsPrintedWhenStandardErrorIsNotATerminal() throws {
    guard let binary = builtExecutable() else {
      Issue.record("the trustmap executable was not found beside \(CommandLine.arguments[0])")
      return
    }
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("net.json").path
      let made = try execute(binary, ["generate", "--people", "20000", "--output", file])
      #expect(made.status == 0)
      for arguments in [["analyse", file], ["joins", file, "--community-by", "team", "--format", "csv"]] {
        let result = try execute(binary, arguments)
        #expect(result.status == 0)
        #expect(result.errors.isEmpty, "\(String(decoding: result.errors, as: UTF8.self))")
      }
    }
  }
}
