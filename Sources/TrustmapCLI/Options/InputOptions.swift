import TrustCore

/// The options that say how a network file is read (docs/design.md, 'Other
/// formats: reading'), which every command that reads a network takes
/// (``Options/shared(for:)``): its format, the CSV people and communities
/// files, and what to do with weights outside [0, 1].
enum InputOptions {
  /// The formats trustmap reads, as `--input-format` names them.
  static let readable = NetworkFormat.allCases.filter(\.canRead)

  /// `--input-format`.
  static let inputFormat = Option<NetworkFormat>(
    "--input-format", valueName: "format",
    help: "Read the network as \(readable.map(\.rawValue).joined(separator: ", ")). "
      + "(default: from the extension, else the content)"
  ) { text in
    if let format = NetworkFormat(rawValue: text.lowercased()), format.canRead {
      return .value(format)
    }
    let names = readable.map(\.rawValue)
    let written = NetworkFormat(rawValue: text.lowercased()).map { !$0.canRead } ?? false
    return .invalidWith(
      message: { _ in
        "invalid format '\(text)' for '--input-format'"
          + (written ? " (trustmap writes it but does not read it)" : "")
          + "; expected \(names.joined(separator: ", "))"
      }, suggestion: UsageError.didYouMean(closestCandidate(to: text, among: names)))
  }

  /// `--people`.
  static let people = Option<String>.text(
    "--people", valueName: "file",
    help: "With a CSV ties file: the people (id, label or name, reportsTo or manager; other "
      + "columns are attributes). One network file only.")

  /// `--communities`.
  static let communities = Option<String>.text(
    "--communities", valueName: "file",
    help: "With a CSV ties file: community members, a row each (Community, Name, Member). "
      + "One network file only.")

  /// `--scale-weights`.
  static let scaleWeights = Option<Bool>.flag(
    "--scale-weights",
    help: "Read weights of any scale: each weight w becomes w / max w. Without it a weight "
      + "above 1 is an error (trustmap JSON strengths are always 0 to 1).")

  /// `--drop-negative`.
  static let dropNegative = Option<Bool>.flag(
    "--drop-negative",
    help: "Leave out ties with a negative weight (distrust), and count them. Without it they "
      + "are errors.")

  /// Every input option, in the order help lists them.
  static let all: [any OptionDeclaration] = [
    inputFormat, people, communities, scaleWeights, dropNegative,
  ]

  /// A usage error for side files with several network files (each would
  /// need its own), checked before anything is read.
  static func check(_ arguments: ParsedArguments) throws(UsageError) {
    guard arguments.files.count > 1 else { return }
    for option in [people, communities] where arguments.has(option) {
      throw UsageError(
        "'\(option.name)' goes with one network file, not \(arguments.files.count); "
          + "read each ties file on its own", command: arguments.command)
    }
  }
}

extension ParsedArguments {
  /// How the command line says to read its network files.
  var readOptions: ReadOptions {
    ReadOptions(
      peopleFile: value(of: InputOptions.people),
      communitiesFile: value(of: InputOptions.communities),
      scalesWeights: has(InputOptions.scaleWeights),
      dropsNegativeWeights: has(InputOptions.dropNegative))
  }

  /// `--input-format`, if given.
  var inputFormat: NetworkFormat? { value(of: InputOptions.inputFormat) }

  /// The files read besides the network files (`--people`, `--communities`),
  /// which no output may overwrite either.
  var sideFiles: [String] {
    [value(of: InputOptions.people), value(of: InputOptions.communities)].compactMap { $0 }
  }
}

/// What the reader did to the weights of `file`, for standard error:
/// `trustmap: weights in ratings.csv scaled by 1/10 (the largest weight)`,
/// `trustmap: 3 ties with a negative weight left out of ratings.csv`.
func weightNote(_ adjustments: WeightAdjustments, file: String) -> String {
  var text = ""
  if let largest = adjustments.largestWeight {
    text +=
      "trustmap: weights in \(displayName(of: file)) scaled by 1/\(formatNumber(largest)) "
      + "(the largest weight)\n"
  }
  let dropped = adjustments.droppedNegative
  if dropped > 0 {
    text +=
      "trustmap: \(dropped) tie\(dropped == 1 ? "" : "s") with a negative weight left out of "
      + "\(displayName(of: file))\n"
  }
  return text
}
