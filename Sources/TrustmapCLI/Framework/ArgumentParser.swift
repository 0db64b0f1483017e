import TrustCore

/// A command line read against one command's declared options: the network
/// file and each option's values, already parsed and checked.
struct ParsedArguments {
  /// The command.
  let command: any Command.Type
  /// The network file being read, as given (`-` for standard input): the
  /// first, or the one a batch over several files is at; empty for a
  /// command that reads none.
  var file: String

  /// The same arguments, reading `file` (one of a batch).
  func reading(_ file: String) -> ParsedArguments {
    var copy = self
    copy.file = file
    return copy
  }
  /// Every network file, in order (`diff` reads two).
  let files: [String]
  /// The positional arguments after the network files (``Command/trailingArguments``), as given.
  let trailing: [String]
  private var values: [String: [any Sendable]]
  /// Each option's values as typed, for provenance.
  let texts: [String: [String]]

  /// The value of `option` (the last one given), or `nil`.
  func value<Value>(of option: Option<Value>) -> Value? {
    values[option.name]?.last as? Value
  }

  /// Every value given for a repeatable `option`, in order.
  func values<Value>(of option: Option<Value>) -> [Value] {
    (values[option.name] ?? []).compactMap { $0 as? Value }
  }

  /// The same arguments with every id that an option names (``Referent``)
  /// passed through `person` or `community`: the pseudonyms of the ids given.
  func mappingIDs(person: (String) -> String, community: (String) -> String)
    -> ParsedArguments
  {
    var copy = self
    for option in command.allOptions {
      guard let referent = option.referent, let given = values[option.name] else { continue }
      copy.values[option.name] = given.map { value -> any Sendable in
        guard let text = value as? String else { return value }
        switch referent {
        case .person: return person(text)
        case .community: return community(text)
        case .people:
          return text.split(separator: ",", omittingEmptySubsequences: false)
            .map { person(String($0)) }.joined(separator: ",")
        }
      }
    }
    return copy
  }

  /// The values given under `name`, whatever their type.
  func values(named name: String) -> [any Sendable] { values[name] ?? [] }

  /// Whether `option` was given.
  func has(_ option: some OptionDeclaration) -> Bool { values[option.name] != nil }

  /// Reads `arguments` (without the program name and the command) the way
  /// swift-argument-parser tools do: `--name value` and `--name=value`; a
  /// token that looks like an option (`--x`, `-x`) is never taken as a
  /// value, though `-` (standard input) and negative numbers are values;
  /// `--` ends the options.
  ///
  /// ```swift
  /// let parsed = try ParsedArguments(["org.json", "--person", "dee"], for: ReachCommand.self)
  /// parsed.value(of: Options.person)  // "dee"
  /// ```
  ///
  /// - Throws: ``UsageError`` for an unknown option (with the closest), a
  ///   missing or invalid value, a repeated option that does not repeat, or
  ///   a missing or extra network file.
  init(_ arguments: some Collection<String>, for command: any Command.Type) throws(UsageError) {
    self.command = command
    var files: [String] = []
    var trailing: [String] = []
    let (wanted, most) = command.networkArguments.count
    var values: [String: [any Sendable]] = [:]
    var texts: [String: [String]] = [:]
    var tokens = arguments.makeIterator()
    var onlyPositionals = false
    while let argument = tokens.next() {
      if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
        if files.count < (most ?? Int.max) {
          files.append(argument)
        } else if trailing.count < command.trailingArguments.count {
          trailing.append(argument)
        } else {
          let reads = ["no network file", "one network file", "two network files"][min(wanted, 2)]
          let takes =
            command.trailingArguments.isEmpty
            ? "reads \(reads)"
            : "takes "
              + (command.networkArguments.names + command.trailingArguments.map { "<\($0.name)>" })
              .joined(separator: " ")
          throw UsageError(
            "unexpected argument '\(argument)': \(command.name) \(takes)", command: command)
        }
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      var name = argument
      var inlineValue: String?
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inlineValue = String(argument[argument.index(after: equals)...])
      }
      guard let option = command.allOptions.first(where: { $0.name == name }) else {
        let names = command.allOptions.map(\.name) + ["--help"]
        throw UsageError(
          "unknown option '\(name)' for '\(command.name)'", command: command,
          suggestion: UsageError.didYouMean(closestCandidate(to: name, among: names)))
      }
      if values[name] != nil && !option.isRepeatable {
        throw UsageError("option '\(name)' given more than once", command: command)
      }
      if option.isFlag {
        if inlineValue != nil {
          throw UsageError("option '\(name)' takes no value", command: command)
        }
        values[name, default: []].append(try option.parse("", command: command))
        texts[name, default: []].append("true")
        continue
      }
      let text: String
      if let inlineValue {
        text = inlineValue
      } else if let next = tokens.next(), !Self.looksLikeOption(next) {
        text = next
      } else {
        throw UsageError("missing value for '\(option.label)'", command: command)
      }
      values[name, default: []].append(try option.parse(text, command: command))
      texts[name, default: []].append(text)
    }
    if files.count < wanted {
      let missing =
        wanted == 1
        ? "missing network file (a path, or - for standard input)"
        : "missing \(command.networkArguments.names[files.count]): \(command.name) compares two network files"
      throw UsageError(missing, command: command)
    }
    if trailing.count < command.trailingArguments.count {
      throw UsageError(command.trailingArguments[trailing.count].missing, command: command)
    }
    if let missing = command.allOptions.first(where: { $0.isRequired && values[$0.name] == nil }) {
      throw UsageError("missing '\(missing.label)'", command: command)
    }
    self.files = files
    self.file = files.first ?? ""
    self.trailing = trailing
    self.values = values
    self.texts = texts
  }

  /// `--name` or `-x`, but not `-` or a negative number such as `-1` or `-0.5`.
  static func looksLikeOption(_ token: String) -> Bool {
    guard token.hasPrefix("-"), token.count > 1 else { return false }
    let second = token.utf8.dropFirst().first ?? 0
    return !(second >= UInt8(ascii: "0") && second <= UInt8(ascii: "9"))
      && second != UInt8(ascii: ".")
  }
}
