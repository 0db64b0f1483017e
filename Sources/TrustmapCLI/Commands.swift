/// Every command, in the order `trustmap --help` lists them.
let commands: [CommandSpec] = [
  CommandSpec(
    name: "analyse",
    abstract: "The overall report: people, ties, communities, components.",
    discussion: """
      Summarises the network on its strong-tie graph: people, tie records, strong and weak
      ties, reciprocated pairs, contexts, communities and connected components. In CSV, one
      row per person.
      """,
    usage: "trustmap analyse <network> [--format <format>] [--strong <threshold>] "
      + "[--reciprocity <rule>] [--context <name> ...]",
    options: OptionSpec.graphOptions + [.quiet],
    formats: [.text, .json, .csv]),
  CommandSpec(
    name: "validate",
    abstract: "Check a network file and list every problem in it.",
    discussion: """
      Lists every problem, one per line, as FILE:LINE:COLUMN: error|warning: PATH: message,
      then a one-line summary. Exits 1 if there is any error, 0 otherwise (warnings allowed).
      """,
    usage: "trustmap validate <network> [--format <format>]",
    options: [.format],
    formats: [.text, .json]),
]

/// Other spellings accepted for commands.
let aliases: [String: String] = ["analyze": "analyse"]

func rootHelp() -> String {
  var text = """
    OVERVIEW: trustmap turns a trust network into answers: who trusts whom through strong
    ties, who is pre-credentialed, who would join a community warm or cold.

    USAGE: trustmap <command> <network.json | -> [options]

    COMMANDS:

    """
  let width = (commands.map(\.name.count).max() ?? 0) + 2
  for command in commands {
    text += "  " + command.name.padding(to: width) + command.abstract + "\n"
  }
  text += """

    OPTIONS:
      -h, --help              Show help information.
      --version               Show the version.

    EXIT CODES: 0 success; 1 the input is invalid or cannot be read; 64 bad usage.

    See 'trustmap help <command>' for detailed help.

    """
  return text
}

func commandHelp(_ command: CommandSpec) -> String {
  var text = "OVERVIEW: \(command.abstract)\n\n"
  text += command.discussion + "\n\n"
  text += "USAGE: \(command.usage)\n\n"
  text += "ARGUMENTS:\n"
  text += "  <network>               The network file (JSON, format version 1), or - for\n"
  text += "                          standard input.\n\n"
  text += "OPTIONS:\n"
  var rows: [(String, String)] = command.options.map { option in
    let left = option.name + (option.valueName.map { " <\($0)>" } ?? "")
    return (left, option.help)
  }
  rows.append(("-h, --help", "Show help information."))
  let width = max(24, (rows.map(\.0.count).max() ?? 0) + 2)
  for (left, help) in rows {
    text += "  " + left.padding(to: width) + help + "\n"
  }
  return text
}

extension String {
  /// The string padded with spaces to `width` characters (never truncated).
  func padding(to width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
