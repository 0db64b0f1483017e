/// What a shell needs to complete a `trustmap` command line, read off the
/// command registry: each command's names, its options and what their values
/// are, and what its positional arguments are. The bash, zsh and fish scripts
/// are three renderings of this one model, so they cannot drift from the
/// parser or from each other.
///
/// ```swift
/// let model = CompletionModel()
/// model.commands.first?.names        // ["analyse", "analyze"]
/// model.commands.first?.options[0]   // --format, choices text, json, jsonl, csv
/// ```
///
/// Complexity: O(commands × options), once per script.
struct CompletionModel {
  /// An option as the shell sees it.
  struct Option {
    /// `--format`.
    var name: String
    /// The first sentence of its help, for shells that show descriptions.
    var summary: String
    /// What follows it.
    var value: Value
    /// Whether it may be given more than once.
    var isRepeatable: Bool
  }

  /// What an option's value, or a positional argument, is.
  enum Value: Equatable {
    /// Nothing: the option is a flag.
    case none
    /// One of these words.
    case choice([String])
    /// A file name.
    case path
    /// Free text or a number: nothing to offer.
    case text
  }

  /// A command as the shell sees it.
  struct Subcommand {
    /// Its name, then its aliases.
    var names: [String]
    /// Its one-line abstract.
    var summary: String
    /// Every option it accepts, in help's order, then `--help`.
    var options: [Option]
    /// What its positional arguments are, in order; the last one repeats
    /// when the command reads several networks.
    var arguments: [Value]
  }

  /// Every command, in the registry's order.
  let commands: [Subcommand]

  /// The model of ``commandRegistry``.
  init() {
    commands = commandRegistry.map(Self.command)
  }

  /// Every name a command answers to (for the first word), with `help`.
  var commandNames: [String] { commands.flatMap(\.names) + ["help"] }

  private static func command(_ command: any Command.Type) -> Subcommand {
    var options = command.allOptions.map { option in
      Option(
        name: option.name, summary: firstSentence(option.help),
        value: option.isFlag
          ? .none
          : option.choices.map(Value.choice) ?? (option.takesPath ? .path : .text),
        isRepeatable: option.isRepeatable)
    }
    options.append(
      Option(name: "--help", summary: "Show help information.", value: .none, isRepeatable: false))
    let arguments =
      command.networkArguments.names.map { _ in Value.path }
      + command.trailingArguments.map { $0.choices.map(Value.choice) ?? .path }
    return Subcommand(
      names: [command.name] + command.aliases, summary: command.abstract, options: options,
      arguments: arguments)
  }

  /// The help up to its first full stop followed by a space (or all of it),
  /// without the `(default: …)` note.
  static func firstSentence(_ help: String) -> String {
    var text = help
    if let note = text.firstRange(of: " (default:") { text = String(text[..<note.lowerBound]) }
    if let stop = text.firstRange(of: ". ") { text = String(text[..<stop.lowerBound]) }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}
