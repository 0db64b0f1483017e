import TrustCore

/// The output of `render` and `report`: `-o FILE` (or `--output FILE`), `-`
/// for standard output, written through ``OutputFile`` (a temporary file
/// renamed when complete, never over the input).
///
/// ```swift
/// let path = try PictureOutput.path(arguments)        // "map.svg"
/// try PictureOutput.write(svg, to: path, write: output)
/// ```
enum PictureOutput {
  /// `-o`.
  static let short = Option<String>.text(
    "-o", valueName: "file", help: "The file to write, or - for standard output.")
  /// `--output`, the same as `-o`.
  static let long = Option<String>.text("--output", valueName: "file", help: "The same as -o.")

  /// The path `-o` or `--output` gives.
  ///
  /// - Throws: a usage error when neither or both are given, or when it is the input.
  static func path(_ arguments: ParsedArguments) throws(CommandFailure) -> String {
    let command = arguments.command
    let given = [arguments.value(of: short), arguments.value(of: long)].compactMap { $0 }
    guard given.count == 1, let path = given.first else {
      let message =
        given.isEmpty
        ? "missing output file: give -o FILE (or - for standard output)"
        : "give -o or --output, not both"
      throw .usage(UsageError(message, command: command))
    }
    try OutputFile.refuseInputs(
      [path], inputs: arguments.files + arguments.sideFiles, command: command)
    return path
  }

  /// Writes `text` to `path` safely, or to standard output for `-`.
  static func write(_ text: String, to path: String, write: (String) -> Void)
    throws(CommandFailure)
  {
    guard path != "-" else { return write(text) }
    let file = try OutputFile(path: path)
    try file.write(text)
    try file.commit()
  }
}
