import TrustCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

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
      stderr.write(terminalSafe: unknownCommand(name).rendered)
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
    stderr.write(terminalSafe: error.rendered)
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
      try InputOptions.check(parsed)
      try ThreadCount.apply(for: command)
    } catch {
      throw .usage(error)
    }
    if command.writesReportToOutput, let path = parsed.value(of: Options.output), path != "-" {
      // Written whole beside the target, then renamed: a failure leaves nothing behind.
      try OutputFile.refuseInputs([path], inputs: parsed.files + parsed.sideFiles, command: command)
      let file = try OutputFile(path: path)
      var failure: CommandFailure?
      var partial: String?
      do throws(CommandFailure) {
        stderr.write(
          terminalSafe:
            try command.run(parsed) { text in
              guard failure == nil else { return }
              do throws(CommandFailure) { try file.write(text) } catch { failure = error }
            })
      } catch {
        guard case .partial(let messages) = error else { throw error }
        partial = messages
      }
      if let failure { throw failure }
      try file.commit()
      if let partial { throw CommandFailure.partial(partial) }
      return ExitCode.success
    }
    var notes = ""
    var partial: CommandFailure?
    do throws(CommandFailure) {
      notes = try command.run(parsed) { stdout.write($0) }
    } catch {
      guard case .partial = error else { throw error }
      partial = error
    }
    // A write that failed (a full disk) is an error, never a quiet success.
    if let failable = stdout as? any FailableTextOutputStream, let reason = failable.failure {
      stderr.write(
        terminalSafe:
          "Error: cannot write to standard output: \(String(cString: strerror(reason)))\n")
      return ExitCode.cannotWrite
    }
    if let partial { throw partial }
    stderr.write(terminalSafe: notes)
    return ExitCode.success
  } catch {
    switch error {
    case .usage(let usage):
      stderr.write(terminalSafe: usage.rendered)
      return ExitCode.usage
    case .input(let message):
      stderr.write(terminalSafe: message)
      return ExitCode.invalidInput
    case .partial(let message):
      stderr.write(terminalSafe: message)
      return ExitCode.invalidInput
    case .cannotWrite(let message):
      stderr.write(terminalSafe: message)
      return ExitCode.cannotWrite
    }
  }
}

/// A text stream that remembers its first failed write (a full disk), so
/// that ``run(arguments:stdout:stderr:)`` can exit 74 instead of succeeding.
public protocol FailableTextOutputStream: TextOutputStream {
  /// The `errno` of the first write that failed, if any.
  var failure: Int32? { get }
}

/// `unknown command 'x'`, with the closest command or alias.
private func unknownCommand(_ name: String) -> UsageError {
  let names = commandRegistry.flatMap { [$0.name] + $0.aliases }
  let closest = closestCandidate(to: name, among: names).flatMap { command(named: $0)?.name }
  return UsageError("unknown command '\(name)'", suggestion: UsageError.didYouMean(closest))
}
