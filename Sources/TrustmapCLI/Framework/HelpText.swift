import TrustCore

/// The help of the tool and of each command, generated from the commands'
/// declarations in the layout swift-argument-parser tools use (OVERVIEW,
/// USAGE, ARGUMENTS, OPTIONS), wrapped at 80 columns.
enum HelpText {
  /// The width help is wrapped to.
  static let width = 80
  /// Where an option's help starts.
  static let labelColumn = 26

  /// What trustmap is for, in one sentence.
  static let overview =
    "trustmap turns a trust network into answers: who trusts whom through strong ties, who "
    + "is pre-credentialed, who would join a community warm or cold."

  /// `trustmap --help`.
  static func root() -> String {
    var text = wrap("OVERVIEW: " + overview)
    text += "\n\nUSAGE: trustmap <command> <network.json | -> [options]\n\nCOMMANDS:\n"
    let column = (commandRegistry.map { $0.name.count }.max() ?? 0) + 4
    for command in commandRegistry {
      text += row(label: command.name, help: command.abstract, column: column)
    }
    text += "\nOPTIONS:\n"
    text += row(label: "-h, --help", help: "Show help information.", column: labelColumn)
    text += row(label: "--version", help: "Show the version.", column: labelColumn)
    text +=
      "\n"
      + wrap(
        "EXIT CODES: "
          + ExitCode.documented.map { "\($0.code) \($0.meaning)" }.joined(separator: "; ")
          + ".") + "\n"
    text += "\nSee 'trustmap help <command>' for detailed help.\n"
    return text
  }

  /// `trustmap help COMMAND`, `trustmap COMMAND --help`.
  static func command(_ command: any Command.Type) -> String {
    var text = wrap("OVERVIEW: \(command.abstract)") + "\n\n"
    text += wrap(command.discussion) + "\n\n"
    text += "USAGE: " + wrappedUsage(command) + "\n\n"
    let arguments = command.networkArguments
    if !arguments.names.isEmpty {
      text += "ARGUMENTS:\n"
      for (name, help) in zip(arguments.names, arguments.help) {
        text += row(label: name, help: help, column: labelColumn)
      }
      for argument in command.trailingArguments {
        text += row(label: "<\(argument.name)>", help: argument.help, column: labelColumn)
      }
      text += "\n"
    }
    text += "OPTIONS:\n"
    let privacy = Set(command.privacyOptions.map(\.name))
    for option in command.allOptions where !privacy.contains(option.name) {
      text += row(label: option.label, help: option.help, column: labelColumn)
    }
    text += row(label: "-h, --help", help: "Show help information.", column: labelColumn)
    if !privacy.isEmpty {
      text += "\nPRIVACY OPTIONS:\n"
      for option in command.privacyOptions {
        text += row(label: option.label, help: option.help, column: labelColumn)
      }
    }
    return text
  }

  /// `trustmap reach <network> --person <id> [--introducers <k>] …`: every
  /// option, required ones without brackets, repeatable ones with `...`;
  /// the privacy options, which every report about people takes, as
  /// `[<privacy options>]`.
  static func usageLine(_ command: any Command.Type) -> String {
    usageParts(command).joined(separator: " ")
  }

  /// The usage line wrapped at ``width`` after a 7-column lead (`USAGE: `,
  /// `Usage: `), continuation lines indented to match, never inside an option.
  static func wrappedUsage(_ command: any Command.Type) -> String {
    var lines: [String] = []
    var line = ""
    for part in usageParts(command) {
      if !line.isEmpty && 7 + line.count + 1 + part.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + part
    }
    lines.append(line)
    return lines.joined(separator: "\n" + String(repeating: " ", count: 7))
  }

  private static func usageParts(_ command: any Command.Type) -> [String] {
    var parts = ["trustmap", command.name]
    parts += command.networkArguments.names
    parts += command.trailingArguments.map { "<\($0.name)>" }
    let privacy = Set(command.privacyOptions.map(\.name))
    for option in command.allOptions where !privacy.contains(option.name) {
      let label = option.label + (option.isRepeatable ? " ..." : "")
      parts.append(option.isRequired ? label : "[\(label)]")
    }
    if !privacy.isEmpty { parts.append("[<privacy options>]") }
    return parts
  }

  /// `  label  help` with the help from `column`, wrapped; a label too long
  /// for the column puts the help on the next line.
  static func row(label: String, help: String, column: Int) -> String {
    let lead = "  " + label
    let wrapped = wrap(help, indent: column)
    if lead.count + 2 <= column {
      return lead + String(wrapped.dropFirst(lead.count)) + "\n"
    }
    return lead + "\n" + wrapped + "\n"
  }

  /// `text` wrapped at ``width`` on spaces, every line indented by `indent`
  /// (a word longer than a line stands alone); paragraph breaks are kept.
  static func wrap(_ text: String, indent: Int = 0) -> String {
    let pad = String(repeating: " ", count: indent)
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = pad
      for word in paragraph.split(separator: " ") {
        if line.count > indent && line.count + 1 + word.count > width {
          lines.append(line)
          line = pad
        }
        line += (line.count > indent ? " " : "") + word
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }
}
