/// Writes RFC 4180 CSV: a header row, then rows; a field with a comma, quote
/// or line break is quoted, and lists inside a field are joined with `;`.
///
/// ```swift
/// var csv = CSVWriter(header: ["id", "volume"])
/// csv.row(["ana", "3"])
/// print(csv.output, terminator: "")  // id,volume\nana,3\n
/// CSVWriter.guarded("=1+1")          // '=1+1
/// ```
///
/// - Complexity: O(characters written).
struct CSVWriter {
  private(set) var output = ""

  /// Starts with the `header` row (none when `nil`: a table continued).
  init(header: [String]?) {
    if let header { row(header) }
  }

  /// What is written so far, leaving the writer empty (for writing as it goes).
  mutating func takeOutput() -> String {
    defer { output = "" }
    return output
  }

  mutating func row(_ fields: [String]) {
    var first = true
    for field in fields {
      if !first { output += "," }
      first = false
      output += Self.escape(field)
    }
    output += "\n"
  }

  static func escape(_ field: String) -> String {
    let needsQuotes = field.utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
    }
    guard needsQuotes else { return field }
    var quoted = "\""
    for character in field {
      quoted.append(character)
      if character == "\"" { quoted.append("\"") }
    }
    return quoted + "\""
  }

  /// `text` made safe to open in a spreadsheet: a cell that starts with `=`,
  /// `+`, `-`, `@`, tab or carriage return would be read as a formula there
  /// (CSV injection), so it gets a leading `'`, as OWASP advises. Only text
  /// goes through here (ids, names, attribute values, lists of ids): numbers
  /// are written as they are, so `-0.25` in a number column stays a number.
  /// `--csv-raw` skips it for scripts that want the exact text.
  ///
  /// - Complexity: O(1): only the first byte is looked at, unless a quote is added.
  static func guarded(_ text: String) -> String {
    guard let first = text.utf8.first, formulaStarts.contains(first) else { return text }
    return "'" + text
  }

  /// The first bytes a spreadsheet takes as the start of a formula.
  private static let formulaStarts: Set<UInt8> = [
    UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
  ]

  /// A number as CSV text: empty when undefined.
  static func number(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "" }
    return value == 0 ? "0" : value.description
  }
}
