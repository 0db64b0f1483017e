import TrustCore

/// An option, declared once: its name, its value's placeholder, whether it
/// repeats, its help, and how its text becomes a value (with the message when
/// it cannot). Usage lines, `--help` and the parser all read the
/// declaration, so they cannot drift apart.
///
/// ```swift
/// static let introducers = Option<Int>.integer(
///   "--introducers", valueName: "k", setting: QuerySettings.introducersNeeded,
///   help: "How many introducers make an introduced join warm.")
/// let needed = parsed.value(of: .introducers)   // Int? (validated when parsed)
/// ```
struct Option<Value: Sendable>: OptionDeclaration {
  let name: String
  let valueName: String?
  let isRepeatable: Bool
  let help: String
  private(set) var isRequired = false
  /// What the value names in the network, if anything (mapped to pseudonyms under `--pseudonymise`).
  private(set) var referent: Referent?
  /// The value used when the option is not given, as text (for provenance).
  private(set) var defaultValueText: String?
  /// Every value it takes, when they are a fixed few (for shell completion).
  private(set) var choices: [String]?
  /// The value of a token, or the reason it is not one (`nil`: use the
  /// option's standard message, "expected …").
  private let parseValue: @Sendable (String) -> ParsedValue<Value>
  /// What a value must be, for the standard message.
  private let expected: String

  init(
    _ name: String, valueName: String?, repeatable: Bool = false, help: String,
    expected: String = "", parse: @escaping @Sendable (String) -> ParsedValue<Value>
  ) {
    self.name = name
    self.valueName = valueName
    self.isRepeatable = repeatable
    self.help = help
    self.expected = expected
    self.parseValue = parse
  }

  /// The same option with `text` as its default for provenance.
  func defaulting(to text: String?) -> Option {
    var copy = self
    copy.defaultValueText = text
    return copy
  }

  /// The same option, whose values are exactly `names` (offered by shell completion).
  func choosing(_ names: [String]) -> Option {
    var copy = self
    copy.choices = names
    return copy
  }

  /// The same option, whose value names people or a community by id.
  func naming(_ referent: Referent) -> Option {
    var copy = self
    copy.referent = referent
    return copy
  }

  /// The same option, which the command cannot run without.
  func required() -> Option {
    var copy = self
    copy.isRequired = true
    return copy
  }

  func parse(_ text: String, command: any Command.Type) throws(UsageError) -> any Sendable {
    switch parseValue(text) {
    case .value(let value):
      return value
    case .invalid:
      throw UsageError(
        "invalid value '\(text)' for '\(name)': expected \(expected)", command: command)
    case .invalidWith(let message, let suggestion):
      throw UsageError(message(command.name), command: command, suggestion: suggestion)
    }
  }
}

/// What an option's value names in the network: one person's id, ids of
/// people separated by commas, or a community's id.
enum Referent: Sendable {
  case person, people, community
}

/// What an option's parser made of a token.
enum ParsedValue<Value: Sendable>: Sendable {
  /// A value.
  case value(Value)
  /// Not a value: the option's standard message.
  case invalid
  /// Not a value: a message of its own (given the command's name) and a suggestion.
  case invalidWith(message: @Sendable (String) -> String, suggestion: String?)
}

/// What the parser and the help need of any option, whatever its value's type.
protocol OptionDeclaration: Sendable {
  /// `--name`.
  var name: String { get }
  /// The value's placeholder (`threshold`), or `nil` for a flag.
  var valueName: String? { get }
  /// Whether it may be given more than once.
  var isRepeatable: Bool { get }
  /// One or two sentences, with the default in parentheses.
  var help: String { get }
  /// Whether the command cannot run without it.
  var isRequired: Bool { get }
  /// What its value names in the network, if anything.
  var referent: Referent? { get }
  /// The value used when it is not given, as text; `nil` when there is none
  /// or it depends on the network.
  var defaultValueText: String? { get }
  /// Every value it takes, when they are a fixed few; `nil` for free text or numbers.
  var choices: [String]? { get }
  /// The value of `text`, or a usage error.
  func parse(_ text: String, command: any Command.Type) throws(UsageError) -> any Sendable
}

extension OptionDeclaration {
  /// `--name <value>`, or `--name` for a flag.
  var label: String { valueName.map { "\(name) <\($0)>" } ?? name }
  /// Whether the option takes no value.
  var isFlag: Bool { valueName == nil }
  /// Whether its value is a path (`<file>`), which shells complete as file names.
  var takesPath: Bool { valueName == "file" }
}

// MARK: - Kinds of option

extension Option where Value == Bool {
  /// An option without a value: present or not.
  static func flag(_ name: String, help: String) -> Option {
    Option(name, valueName: nil, help: help) { _ in .value(true) }.defaulting(to: "false")
  }
}

extension Option where Value == String {
  /// Any text (an id, a name, a path).
  static func text(
    _ name: String, valueName: String, repeatable: Bool = false, help: String
  ) -> Option {
    Option(name, valueName: valueName, repeatable: repeatable, help: help) { .value($0) }
  }
}

extension Option where Value == Int {
  /// A whole number that `setting` accepts; the help ends with its default
  /// (or `defaultText`, where the default depends on the network).
  static func integer(
    _ name: String, valueName: String, setting: QuerySetting<Int>, help: String,
    defaultText: String? = nil
  ) -> Option {
    Option(
      name, valueName: valueName,
      help: help + defaultNote(defaultText ?? setting.defaultValue.map(String.init)),
      expected: setting.expected
    ) { text in
      guard let value = Int(text), setting.allows(value) else { return .invalid }
      return .value(value)
    }.defaulting(to: defaultText == nil ? setting.defaultValue.map(String.init) : nil)
  }
}

extension Option where Value == UInt64 {
  /// A whole number ≥ 0 for a seed.
  static func seed(_ name: String, valueName: String, setting: QuerySetting<UInt64>, help: String)
    -> Option
  {
    Option(
      name, valueName: valueName, help: help + defaultNote(setting.defaultValue.map(String.init)),
      expected: setting.expected
    ) { text in
      guard let value = UInt64(text), setting.allows(value) else { return .invalid }
      return .value(value)
    }.defaulting(to: setting.defaultValue.map(String.init))
  }
}

extension Option where Value == Double {
  /// A number that `setting` accepts.
  static func number(
    _ name: String, valueName: String, setting: QuerySetting<Double>, help: String,
    defaultText: String? = nil
  ) -> Option {
    Option(
      name, valueName: valueName,
      help: help
        + defaultNote(defaultText ?? setting.defaultValue.map { formatNumber($0) }),
      expected: setting.expected
    ) { text in
      guard let value = Double(text), value.isFinite, setting.allows(value) else {
        return .invalid
      }
      return .value(value)
    }.defaulting(to: defaultText == nil ? setting.defaultValue.map { formatNumber($0) } : nil)
  }
}

extension Option where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
  /// One of a fixed set of names: "expected any or mutual", with the closest.
  static func choice(_ name: String, valueName: String, help: String, default fallback: Value)
    -> Option
  {
    let names = Value.allCases.map(\.rawValue)
    let expected =
      names.count == 2 ? names.joined(separator: " or ") : names.joined(separator: ", ")
    return Option(
      name, valueName: valueName, help: help + defaultNote(fallback.rawValue), expected: expected
    ) { text in
      if let value = Value(rawValue: text) { return .value(value) }
      return .invalidWith(
        message: { _ in "invalid value '\(text)' for '\(name)': expected \(expected)" },
        suggestion: UsageError.didYouMean(closestCandidate(to: text, among: names)))
    }.defaulting(to: fallback.rawValue).choosing(names)
  }
}

/// ` (default: X)`, or nothing.
func defaultNote(_ text: String?) -> String {
  text.map { " (default: \($0))" } ?? ""
}
