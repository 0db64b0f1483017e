/// Writes RFC 4180 CSV: a header row, then rows; a field with a comma, quote
/// or line break is quoted, and lists inside a field are joined with `;`.
///
/// ```swift
/// var csv = CSVWriter(header: ["id", "volume"])
/// csv.row(["ana", "3"])
/// print(csv.output, terminator: "")  // id,volume\nana,3\n
/// ```
struct CSVWriter {
  private(set) var output = ""

  /// Starts with the `header` row (none when `nil`: a table continued).
  init(header: [String]?) {
    if let header { row(header) }
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

  /// A number as CSV text: empty when undefined.
  static func number(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "" }
    return value == 0 ? "0" : value.description
  }
}
