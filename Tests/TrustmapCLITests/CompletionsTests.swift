import Foundation
import Testing

@testable import TrustmapCLI

/// The path of `name` on `PATH`, or `nil` where the shell is not installed.
private func installed(_ name: String) -> URL? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  for folder in path.split(separator: ":") {
    let candidate = "\(folder)/\(name)"
    if FileManager.default.isExecutableFile(atPath: candidate) {
      return URL(fileURLWithPath: candidate)
    }
  }
  return nil
}

@Suite("Shell completions and the manual page, from the declarations")
struct CompletionsTests {
  @Test("Every script names every command and every option the parser accepts")
  func everyOptionIsOffered() {
    let scripts = ["bash", "zsh", "fish"].map { trustmap("completions", $0).output }
    for command in commandRegistry {
      for script in scripts {
        #expect(script.contains(command.name), "\(command.name)")
        for option in command.allOptions {
          // fish names options without their dashes (`-l format`).
          let name = script.hasPrefix("# fish") ? "-l \(option.name.dropFirst(2))" : option.name
          #expect(script.contains(name), "\(command.name) \(option.name)")
        }
      }
    }
  }

  @Test("An unknown or missing shell is a usage error with a suggestion")
  func unknownShell() {
    let typo = trustmap("completions", "zhs")
    #expect(typo.status == 64)
    #expect(typo.errors.hasPrefix("Error: unknown shell 'zhs'; expected bash, zsh or fish"))
    #expect(typo.errors.contains("Did you mean 'zsh'?"))
    let missing = trustmap("completions")
    #expect(missing.status == 64)
    #expect(missing.errors.contains("missing shell"))
  }

  @Test("bash completes commands, options, their values and positional choices")
  func bashCompletes() throws {
    guard let bash = installed("bash") else { return }
    try withTemporaryFolder { folder in
      let script = folder.appendingPathComponent("trustmap.bash")
      try trustmap("completions", "bash").output.write(to: script, atomically: true, encoding: .utf8)
      let probe = """
        source \(script.path)
        t() { COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); \
        _trustmap; echo "${COMPREPLY[*]}"; }
        t trustmap an
        t trustmap analyse --for
        t trustmap validate --format ''
        t trustmap reach --reciprocity m
        t trustmap completions ''
        t trustmap help tr
        t trustmap convert x.json out --to gr
        """
      let run = try execute(bash, ["-c", probe])
      #expect(run.status == 0)
      #expect(run.errors.isEmpty)
      #expect(
        run.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == [
          "analyse analyze", "--format", "text json jsonl", "mutual", "bash zsh fish", "tribes",
          "graphml graphframes", "",
        ])
    }
  }

  @Test("fish completes commands and an option's values")
  func fishCompletes() throws {
    guard let fish = installed("fish") else { return }
    try withTemporaryFolder { folder in
      let script = folder.appendingPathComponent("trustmap.fish")
      try trustmap("completions", "fish").output.write(to: script, atomically: true, encoding: .utf8)
      let run = try execute(
        fish,
        [
          "--no-config", "-c",
          "source \(script.path); complete -C 'trustmap tri'; complete -C 'trustmap tribes --qu'",
        ])
      #expect(run.status == 0)
      #expect(run.errors.isEmpty)
      let words = run.text.split(separator: "\n").map { $0.split(separator: "\t").first ?? "" }
      #expect(words == ["tribes", "--quality", "--quiet"])
    }
  }

  @Test("zsh and fish accept their scripts' syntax", arguments: ["zsh", "fish"])
  func syntaxIsValid(shell: String) throws {
    guard let program = installed(shell) else { return }
    try withTemporaryFolder { folder in
      let script = folder.appendingPathComponent("script")
      try trustmap("completions", shell).output.write(to: script, atomically: true, encoding: .utf8)
      let run = try execute(program, ["-n", script.path])
      #expect(run.status == 0, "\(run.text)\(String(decoding: run.errors, as: UTF8.self))")
    }
  }

  @Test("docs/trustmap.1 is what 'trustmap manual' prints (Scripts/make-manual.sh rewrites it)")
  func manualIsCurrent() throws {
    let page = trustmap("manual")
    #expect(page.status == 0)
    let committed = try String(
      contentsOf: packageRoot.appendingPathComponent("docs/trustmap.1"), encoding: .utf8)
    #expect(page.output == committed, "run Scripts/make-manual.sh")
  }

  @Test("The manual lists every command, option, exit code and variable, escaped for roff")
  func manualIsComplete() {
    let page = trustmap("manual").output
    for command in commandRegistry {
      #expect(page.contains(".SS \(command.name)"), "\(command.name)")
      for option in command.allOptions {
        #expect(page.contains("\\fB" + option.name.replacingOccurrences(of: "-", with: "\\-")))
      }
    }
    for (code, _) in ExitCode.documented { #expect(page.contains(".B \(code)\n")) }
    for variable in Environment.documented { #expect(page.contains(".B \(variable.name)\n")) }
    // No text line starts with a roff control character by accident.
    for line in page.split(separator: "\n") where line.hasPrefix("'") {
      Issue.record("a line starts with ': \(line)")
    }
  }
}
