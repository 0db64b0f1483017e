/// Writes one JSON document into a string, value by value, with commas and
/// escapes handled; numbers that are not finite become `null`.
///
/// Keys come out in the order they are written, so a type's
/// ``JSONEncodable/encode(to:)`` is the one place its JSON shape is declared.
///
/// ```swift
/// var json = JSONWriter()
/// json.object { json in
///   json.field("person", "ana")
///   json.field("blau", nil as Double?)  // null
/// }
/// print(json.output)  // {"person":"ana","blau":null}
/// ```
///
/// - Complexity: O(*n*) in the length of the output.
public struct JSONWriter: Sendable {
  /// The document written so far.
  public private(set) var output = ""
  private var needsComma = false

  /// Starts an empty document.
  public init() {}

  private mutating func separate() {
    if needsComma { output += "," }
    needsComma = true
  }

  /// Writes an object key; the next value written is its value.
  public mutating func key(_ name: String) {
    separate()
    appendQuoted(name)
    output += ":"
    needsComma = false
  }

  /// Writes a string.
  public mutating func string(_ value: String) {
    separate()
    appendQuoted(value)
  }

  /// Writes a string, or `null`.
  public mutating func optionalString(_ value: String?) {
    if let value { string(value) } else { null() }
  }

  /// Writes an integer.
  public mutating func int(_ value: Int) {
    separate()
    output += String(value)
  }

  /// Writes an unsigned integer.
  public mutating func unsigned(_ value: UInt64) {
    separate()
    output += String(value)
  }

  /// Writes a number; `nil`, infinities and NaN are `null`, and zero is `0.0`
  /// so that a figure always reads as a number with a fraction.
  public mutating func number(_ value: Double?) {
    separate()
    guard let value, value.isFinite else {
      output += "null"
      return
    }
    output += value == 0 ? "0.0" : value.description
  }

  /// Writes `true` or `false`.
  public mutating func bool(_ value: Bool) {
    separate()
    output += value ? "true" : "false"
  }

  /// Writes `null`.
  public mutating func null() {
    separate()
    output += "null"
  }

  /// Writes an object whose keys and values `body` writes.
  public mutating func object(_ body: (inout JSONWriter) -> Void) {
    separate()
    output += "{"
    needsComma = false
    body(&self)
    output += "}"
    needsComma = true
  }

  /// Writes an array whose elements `body` writes.
  public mutating func array(_ body: (inout JSONWriter) -> Void) {
    separate()
    output += "["
    needsComma = false
    body(&self)
    output += "]"
    needsComma = true
  }

  /// Writes an array of strings.
  public mutating func strings<S: Sequence<String>>(_ values: S) {
    array { json in
      for value in values { json.string(value) }
    }
  }

  private mutating func appendQuoted(_ text: String) {
    output += "\""
    var plain = true
    for unit in text.utf8
    where unit < 0x20 || unit == UInt8(ascii: "\"") || unit == UInt8(ascii: "\\") {
      plain = false
      break
    }
    if plain {
      output += text
    } else {
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": output += "\\\""
        case "\\": output += "\\\\"
        case "\n": output += "\\n"
        case "\r": output += "\\r"
        case "\t": output += "\\t"
        default:
          if scalar.value < 0x20 {
            let hex = String(scalar.value, radix: 16)
            output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
          } else {
            output.unicodeScalars.append(scalar)
          }
        }
      }
    }
    output += "\""
  }
}

// MARK: - Fields: a key and its value in one call

extension JSONWriter {
  /// Writes `"key": value`, the value in its own shape (`null` for `nil`).
  ///
  /// ```swift
  /// json.field("members", ["ana", "bo"])
  /// json.field("density", nil as Double?)
  /// ```
  public mutating func field(_ key: String, _ value: some JSONEncodable) {
    self.key(key)
    value.encode(to: &self)
  }
}
