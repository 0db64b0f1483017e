import TrustCore

/// An option a command accepts: its name, its value's placeholder, whether it
/// repeats, and its help line.
struct OptionSpec: Sendable {
  var name: String
  var valueName: String?
  var repeatable = false
  var help: String

  static let format = OptionSpec(
    name: "--format", valueName: "format", help: "Output format: text, json or csv. (default: text)"
  )
  static let strong = OptionSpec(
    name: "--strong", valueName: "threshold",
    help: "Strength at or above which a tie is strong, 0 to 1. (default: the file's, else 0.5)")
  static let reciprocity = OptionSpec(
    name: "--reciprocity", valueName: "rule",
    help: "any: one direction suffices; mutual: both must reach the threshold. (default: any)")
  static let context = OptionSpec(
    name: "--context", valueName: "name", repeatable: true,
    help: "Keep only ties in this context (and general ones). Repeatable. (default: all)")
  static let quiet = OptionSpec(
    name: "--quiet", help: "Print nothing on standard error but errors.")
  static let graphOptions: [OptionSpec] = [.format, .strong, .reciprocity, .context]
  static let person = OptionSpec(name: "--person", valueName: "id", help: "The person, by id.")
  static let community = OptionSpec(
    name: "--community", valueName: "id", help: "The community, by id (see --community-by).")
  static let introducers = OptionSpec(
    name: "--introducers", valueName: "k",
    help: "How many introducers make an introduced join warm. (default: 1)")
  static let nearDepth = OptionSpec(
    name: "--near-depth", valueName: "d",
    help: "Strong-tie distance from a member that counts as near. (default: 1)")
  static let by = OptionSpec(
    name: "--by", valueName: "attribute", repeatable: true,
    help:
      "The attribute to measure diversity over, or tribe / tribe:LEVEL. Repeatable. (default: every attribute)"
  )
  static let permutations = OptionSpec(
    name: "--permutations", valueName: "n",
    help:
      "Shuffle the attribute's values n times for p-values of E-I and assortativity. (default: 0)")
  static let seed = OptionSpec(
    name: "--seed", valueName: "s",
    help: "The seed of anything random, for reproducible results. (default: 1)")
  static let resolution = OptionSpec(
    name: "--resolution", valueName: "gamma",
    help: "Resolution γ: higher gives more, smaller tribes. (default: 1)")
  static let level = OptionSpec(
    name: "--level", valueName: "k",
    help: "Show only level k (0: the tribes). (default: every level)")
  static let quality = OptionSpec(
    name: "--quality", valueName: "function",
    help: "modularity or cpm (constant Potts model). (default: modularity)")
  static let unweighted = OptionSpec(
    name: "--unweighted", help: "Find tribes ignoring strengths: every strong tie weighs 1.")
  static let restarts = OptionSpec(
    name: "--restarts", valueName: "r",
    help: "Runs per level, keeping the best. (default: 10 under 100,000 strong ties, else 1)")
  static let sections = OptionSpec(
    name: "--sections", valueName: "list",
    help:
      "The report's sections, comma-separated: summary, communities, diversity, tribes. (default: all)"
  )
  static let people = OptionSpec(
    name: "--people", valueName: "n", help: "How many people. (default: 1000)")
  static let ties = OptionSpec(
    name: "--ties", valueName: "m", help: "How many tie records. (default: 10 per person)")
  static let output = OptionSpec(
    name: "--output", valueName: "file", help: "Write to this file instead of standard output.")
  static let communityBy = OptionSpec(
    name: "--community-by", valueName: "attribute",
    help:
      "Instead of the file's communities, one per value of this attribute (id ATTR=VALUE), or per tribe (tribe, tribe:LEVEL)."
  )
}

/// A command: its name, what it does, its options.
struct CommandSpec: Sendable {
  var name: String
  var abstract: String
  var discussion: String
  var usage: String
  var options: [OptionSpec]
  var formats: [OutputFormat]
  /// Whether the command reads a network file (all but `generate`).
  var takesNetwork = true
}

/// The output formats.
enum OutputFormat: String, Sendable, CaseIterable {
  case text, json, csv
}

/// A parsed command line: the command, its network file, and its options.
struct ParsedArguments {
  var command: CommandSpec
  var file: String
  var values: [String: [String]]

  func value(_ option: OptionSpec) -> String? { values[option.name]?.last }
  func all(_ option: OptionSpec) -> [String] { values[option.name] ?? [] }
  func has(_ option: OptionSpec) -> Bool { values[option.name] != nil }
}

/// A usage problem: exit 64 with the message, the command's usage line and a hint.
struct UsageError: Error {
  var message: String
  var command: CommandSpec?
  var suggestion: String?
}

/// Reads `arguments` (without the program name) against `command`'s options.
func parseArguments(_ arguments: ArraySlice<String>, for command: CommandSpec) throws(UsageError)
  -> ParsedArguments
{
  var file: String?
  var values: [String: [String]] = [:]
  var index = arguments.startIndex
  var onlyPositionals = false
  while index < arguments.endIndex {
    let argument = arguments[index]
    index += 1
    if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
      guard command.takesNetwork else {
        throw UsageError(
          message: "unexpected argument '\(argument)': \(command.name) reads no network file",
          command: command)
      }
      guard file == nil else {
        throw UsageError(
          message: "unexpected argument '\(argument)': \(command.name) reads one network file",
          command: command)
      }
      file = argument
      continue
    }
    if argument == "--" {
      onlyPositionals = true
      continue
    }
    var name = argument
    var inlineValue: String?
    if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
      name = String(argument[..<equals])
      inlineValue = String(argument[argument.index(after: equals)...])
    }
    guard let option = command.options.first(where: { $0.name == name }) else {
      let names = command.options.map(\.name) + ["--help"]
      let suggestion = closestName(to: name, among: names)
      throw UsageError(
        message: "unknown option '\(name)' for '\(command.name)'", command: command,
        suggestion: suggestion.map { "Did you mean '\($0)'?" })
    }
    if option.valueName == nil {
      if inlineValue != nil {
        throw UsageError(message: "option '\(name)' takes no value", command: command)
      }
      values[name, default: []].append("")
      continue
    }
    let value: String
    if let inlineValue {
      value = inlineValue
    } else {
      guard index < arguments.endIndex else {
        throw UsageError(
          message: "missing value for '\(name) <\(option.valueName ?? "value")>'", command: command)
      }
      value = arguments[index]
      index += 1
    }
    if values[name] != nil && !option.repeatable {
      throw UsageError(message: "option '\(name)' given more than once", command: command)
    }
    values[name, default: []].append(value)
  }
  guard let file = file ?? (command.takesNetwork ? nil : "") else {
    throw UsageError(
      message: "missing network file (a path, or - for standard input)", command: command)
  }
  return ParsedArguments(command: command, file: file, values: values)
}

/// The closest of `names` to `name`, for "did you mean".
func closestName(to name: String, among names: [String]) -> String? {
  var best: String?
  var bestDistance = Int.max
  let allowed = max(2, name.count / 3)
  for candidate in names {
    let distance = levenshtein(name, candidate)
    if distance < bestDistance && distance <= allowed {
      best = candidate
      bestDistance = distance
    }
  }
  if best == nil, let prefixMatch = names.first(where: { $0.hasPrefix(name) && name.count > 2 }) {
    return prefixMatch
  }
  return best
}

func levenshtein(_ left: String, _ right: String) -> Int {
  let source = Array(left)
  let target = Array(right)
  if source.isEmpty { return target.count }
  if target.isEmpty { return source.count }
  var previous = Array(0...target.count)
  var current = previous
  for row in 1...source.count {
    current[0] = row
    for column in 1...target.count {
      let cost = source[row - 1] == target[column - 1] ? 0 : 1
      current[column] = min(
        previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost)
    }
    swap(&previous, &current)
  }
  return previous[target.count]
}

/// Option values turned into typed settings, with usage errors for bad ones.
extension ParsedArguments {
  func format() throws(UsageError) -> OutputFormat {
    guard let text = value(.format) else { return .text }
    guard let format = OutputFormat(rawValue: text), command.formats.contains(format) else {
      let allowed = command.formats.map(\.rawValue)
      throw UsageError(
        message:
          "invalid format '\(text)' for '\(command.name)'; expected \(allowed.joined(separator: ", "))",
        command: command,
        suggestion: closestName(to: text, among: allowed).map { "Did you mean '\($0)'?" })
    }
    return format
  }

  func strongTieSettings() throws(UsageError) -> StrongTieSettings {
    var settings = StrongTieSettings()
    if let text = value(.strong) {
      guard let threshold = Double(text), threshold >= 0, threshold <= 1 else {
        throw UsageError(
          message: "invalid value '\(text)' for '--strong': expected a number from 0 to 1",
          command: command)
      }
      settings.threshold = threshold
    }
    if let rule = try choice(.reciprocity, StrongTieSettings.Reciprocity.self) {
      settings.reciprocity = rule
    }
    settings.contexts = all(.context)
    return settings
  }

  func tribeSettings() throws(UsageError) -> TribeSettings {
    var settings = TribeSettings()
    if let text = value(.resolution) {
      guard let gamma = Double(text), gamma.isFinite, gamma > 0 else {
        throw UsageError(
          message: "invalid value '\(text)' for '--resolution': expected a number above 0",
          command: command)
      }
      settings.resolution = gamma
    }
    settings.seed = try seed()
    if let quality = try choice(.quality, ClusteringQuality.self) { settings.quality = quality }
    settings.unweighted = has(.unweighted)
    if has(.restarts) { settings.restarts = try positiveInteger(.restarts, default: 1) }
    return settings
  }

  /// The value of an option that names one of a fixed set, or a usage error
  /// listing them ("expected any or mutual") with the closest.
  func choice<Value: RawRepresentable & CaseIterable>(_ option: OptionSpec, _ type: Value.Type)
    throws(UsageError) -> Value? where Value.RawValue == String
  {
    guard let text = value(option) else { return nil }
    if let chosen = Value(rawValue: text) { return chosen }
    let names = Value.allCases.map(\.rawValue)
    let expected =
      names.count == 2 ? names.joined(separator: " or ") : names.joined(separator: ", ")
    throw UsageError(
      message: "invalid value '\(text)' for '\(option.name)': expected \(expected)",
      command: command,
      suggestion: closestName(to: text, among: names).map { "Did you mean '\($0)'?" })
  }

  func seed() throws(UsageError) -> UInt64 {
    guard let text = value(.seed) else { return 1 }
    guard let seed = UInt64(text) else {
      throw UsageError(
        message: "invalid value '\(text)' for '--seed': expected a whole number ≥ 0",
        command: command)
    }
    return seed
  }

  func positiveInteger(_ option: OptionSpec, default fallback: Int, minimum: Int = 1)
    throws(UsageError)
    -> Int
  {
    guard let text = value(option) else { return fallback }
    guard let number = Int(text), number >= minimum else {
      throw UsageError(
        message:
          "invalid value '\(text)' for '\(option.name)': expected a whole number ≥ \(minimum)",
        command: command)
    }
    return number
  }
}
