import TrustCore

/// Runs the `trustmap` command line in process: the executable's `main` only calls this.
///
/// ```swift
/// var out = "", err = ""
/// let status = run(arguments: ["trustmap", "analyse", "Examples/org.json"], stdout: &out, stderr: &err)
/// ```
///
/// - Parameters:
///   - arguments: the full argument vector, program name first.
///   - stdout: receives the report (streamed, for `generate`).
///   - stderr: receives errors, warnings and hints.
/// - Returns: 0 on success, 1 when the input is invalid or unreadable, 64 for bad usage,
///   74 when an output cannot be written.
public func run<Out: TextOutputStream, Err: TextOutputStream>(
  arguments: [String], stdout: inout Out, stderr: inout Err
) -> Int32 {
  let rest = arguments.dropFirst()
  guard let first = rest.first else {
    stdout.write(HelpText.root())
    return ExitCode.success
  }
  switch first {
  case "-h", "--help":
    stdout.write(HelpText.root())
    return ExitCode.success
  case "--version":
    stdout.write(TrustmapVersion.current + "\n")
    return ExitCode.success
  case "help":
    guard let name = rest.dropFirst().first else {
      stdout.write(HelpText.root())
      return ExitCode.success
    }
    guard let command = command(named: name) else {
      stderr.write(unknownCommand(name).rendered)
      return ExitCode.usage
    }
    stdout.write(HelpText.command(command))
    return ExitCode.success
  default:
    break
  }
  guard let command = command(named: first) else {
    let error =
      first.hasPrefix("-")
      ? UsageError(
        "unknown option '\(first)'; expected a command first",
        suggestion: UsageError.didYouMean(
          closestCandidate(to: first, among: ["--help", "--version"])))
      : unknownCommand(first)
    stderr.write(error.rendered)
    return ExitCode.usage
  }
  let options = rest.dropFirst()
  if options.contains("-h") || options.contains("--help") {
    stdout.write(HelpText.command(command))
    return ExitCode.success
  }
  do throws(CommandFailure) {
    let parsed: ParsedArguments
    do {
      parsed = try ParsedArguments(options, for: command)
    } catch {
      throw .usage(error)
    }
    let notes = try command.run(parsed) { stdout.write($0) }
    stderr.write(notes)
    return ExitCode.success
  } catch {
    switch error {
    case .usage(let usage):
      stderr.write(usage.rendered)
      return ExitCode.usage
    case .input(let message):
      stderr.write(message)
      return ExitCode.invalidInput
    case .cannotWrite(let message):
      stderr.write(message)
      return ExitCode.cannotWrite
    }
  }
}

/// `unknown command 'x'`, with the closest command or alias.
private func unknownCommand(_ name: String) -> UsageError {
  let names = commandRegistry.flatMap { [$0.name] + $0.aliases }
  let closest = closestCandidate(to: name, among: names).flatMap { command(named: $0)?.name }
  return UsageError("unknown command '\(name)'", suggestion: UsageError.didYouMean(closest))
}
