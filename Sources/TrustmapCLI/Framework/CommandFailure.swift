import TrustCore

/// The exit codes of the command line (docs/design.md, 'The command line').
enum ExitCode {
  /// Success, warnings allowed.
  static let success: Int32 = 0
  /// The input is invalid or cannot be read.
  static let invalidInput: Int32 = 1
  /// Bad usage: an unknown command or option, a missing or invalid value.
  static let usage: Int32 = 64
  /// An output cannot be written: a full disk, no permission, no such folder
  /// (`EX_IOERR` of sysexits.h).
  static let cannotWrite: Int32 = 74

  /// Each code with what it means, as help and the manual page say it.
  static let documented: [(code: Int32, meaning: String)] = [
    (success, "success"),
    (invalidInput, "the input is invalid or cannot be read"),
    (usage, "bad usage"),
    (cannotWrite, "an output cannot be written"),
  ]
}

/// A usage problem: exit 64 with the message, a "did you mean" when there is
/// one, the command's usage line and a hint.
struct UsageError: Error {
  /// What is wrong, without the `Error: ` prefix.
  var message: String
  /// The command whose usage line to show (`nil`: the tool's).
  var command: (any Command.Type)?
  /// A line such as `Did you mean '--format'?`.
  var suggestion: String?

  init(_ message: String, command: (any Command.Type)? = nil, suggestion: String? = nil) {
    self.message = message
    self.command = command
    self.suggestion = suggestion
  }

  /// `Did you mean '<text>'?`, when there is something to suggest.
  static func didYouMean(_ text: String?) -> String? {
    text.map { "Did you mean '\($0)'?" }
  }

  /// The text for standard error.
  var rendered: String {
    var text = "Error: \(message)\n"
    if let suggestion { text += suggestion + "\n" }
    if let command {
      text += "Usage: \(HelpText.wrappedUsage(command))\n"
      text += "  See 'trustmap \(command.name) --help' for more information.\n"
    } else {
      text += "Usage: trustmap <command> <network.json | -> [options]\n"
      text += "  See 'trustmap --help' for the commands.\n"
    }
    return text
  }
}

/// Why a command stopped: bad usage (exit 64), an input that cannot be
/// used (exit 1, with its messages for standard error), or an output that
/// cannot be written (exit 74, with its message: `Error: cannot write 'PATH': REASON`).
enum CommandFailure: Error {
  case usage(UsageError)
  case input(String)
  case cannotWrite(String)
  /// Some inputs could not be used (exit 1, with their messages), and the
  /// report of the others is complete: it is kept (an `--output` file is
  /// renamed into place).
  case partial(String)
}
