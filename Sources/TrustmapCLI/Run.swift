import TrustCore

/// What a command produced: text for standard output and standard error, and the exit status.
struct CommandResult {
  var output = ""
  var errors = ""
  var status: Int32 = ExitCode.success
}

/// The exit codes of spec §4.
enum ExitCode {
  static let success: Int32 = 0
  static let invalidInput: Int32 = 1
  static let usage: Int32 = 64
}

/// A failure inside a command: invalid input (exit 1) or bad usage (exit 64).
enum CommandFailure: Error {
  case input(String)
  case usage(UsageError)
}

/// Runs the `trustmap` command line in process: the executable's `main` only calls this.
///
/// ```swift
/// var out = "", err = ""
/// let status = run(arguments: ["trustmap", "analyse", "Examples/org.json"], stdout: &out, stderr: &err)
/// ```
///
/// - Parameters:
///   - arguments: the full argument vector, program name first.
///   - stdout: receives the report.
///   - stderr: receives errors, warnings and hints.
/// - Returns: 0 on success, 1 when the input is invalid or unreadable, 64 for bad usage.
public func run<Out: TextOutputStream, Err: TextOutputStream>(
  arguments: [String], stdout: inout Out, stderr: inout Err
) -> Int32 {
  let rest = Array(arguments.dropFirst())
  if rest.first == "generate", let spec = commands.first(where: { $0.name == "generate" }),
    !rest.contains("--help"), !rest.contains("-h")
  {
    // Streamed straight to the output: a generated network never sits in memory whole.
    do throws(CommandFailure) {
      let parsed = try usage { () throws(UsageError) in
        try parseArguments(rest.dropFirst(), for: spec)
      }
      try runGenerate(parsed) { stdout.write($0) }
      return ExitCode.success
    } catch {
      let result = failureResult(error)
      stderr.write(result.errors)
      return result.status
    }
  }
  let result = execute(rest)
  stdout.write(result.output)
  stderr.write(result.errors)
  return result.status
}

func execute(_ arguments: [String]) -> CommandResult {
  guard let first = arguments.first else {
    return CommandResult(output: rootHelp(), status: ExitCode.success)
  }
  switch first {
  case "-h", "--help":
    return CommandResult(output: rootHelp())
  case "--version":
    return CommandResult(output: TrustmapVersion.current + "\n")
  case "help":
    guard arguments.count > 1 else { return CommandResult(output: rootHelp()) }
    guard let command = commands.first(where: { $0.name == arguments[1] }) else {
      return usageFailure(unknownCommand(arguments[1]))
    }
    return CommandResult(output: commandHelp(command))
  default:
    break
  }
  guard let command = commands.first(where: { $0.name == first || aliases[first] == $0.name })
  else {
    if first.hasPrefix("-") {
      return usageFailure(
        UsageError(
          message: "unknown option '\(first)'; expected a command first",
          command: nil,
          suggestion: closestName(to: first, among: ["--help", "--version"]).map {
            "Did you mean '\($0)'?"
          }))
    }
    return usageFailure(unknownCommand(first))
  }
  let rest = arguments.dropFirst()
  if rest.contains("-h") || rest.contains("--help") {
    return CommandResult(output: commandHelp(command))
  }
  do throws(CommandFailure) {
    let parsed = try usage { () throws(UsageError) in try parseArguments(rest, for: command) }
    return try perform(parsed)
  } catch {
    return failureResult(error)
  }
}

private func failureResult(_ error: CommandFailure) -> CommandResult {
  switch error {
  case .usage(let usage): return usageFailure(usage)
  case .input(let message): return CommandResult(errors: message, status: ExitCode.invalidInput)
  }
}

private func perform(_ parsed: ParsedArguments) throws(CommandFailure) -> CommandResult {
  switch parsed.command.name {
  case "validate": return try runValidate(parsed)
  default: return try runAnalysis(parsed)
  }
}

/// Runs `body`, turning a usage error into a command failure.
func usage<Value>(_ body: () throws(UsageError) -> Value) throws(CommandFailure) -> Value {
  do {
    return try body()
  } catch {
    throw .usage(error)
  }
}

private func unknownCommand(_ name: String) -> UsageError {
  let suggestion = closestName(to: name, among: commands.map(\.name) + Array(aliases.keys))
    .map { aliases[$0] ?? $0 }
  return UsageError(
    message: "unknown command '\(name)'", command: nil,
    suggestion: suggestion.map { "Did you mean '\($0)'?" })
}

private func usageFailure(_ error: UsageError) -> CommandResult {
  var text = "Error: \(error.message)\n"
  if let suggestion = error.suggestion { text += suggestion + "\n" }
  if let command = error.command {
    text += "Usage: \(command.usage)\n"
    text += "  See 'trustmap \(command.name) --help' for more information.\n"
  } else {
    text += "Usage: trustmap <command> <network.json | -> [options]\n"
    text += "  See 'trustmap --help' for the commands.\n"
  }
  return CommandResult(errors: text, status: ExitCode.usage)
}
