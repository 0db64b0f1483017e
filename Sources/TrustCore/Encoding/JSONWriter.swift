/// Writes one JSON document into a string, value by value, with commas and
/// escapes handled; numbers that are not finite become `null`.
///
/// ```swift
/// var json = JSONWriter()
/// json.object { json in
///   json.key("person"); json.string("ana")
///   json.key("blau"); json.number(nil)  // null
/// }
/// print(json.output)  // {"person":"ana","blau":null}
/// ```
package struct JSONWriter {
  package private(set) var output = ""

  package init() {}
  private var needsComma = false

  private mutating func separate() {
    if needsComma { output += "," }
    needsComma = true
  }

  package mutating func key(_ name: String) {
    separate()
    appendQuoted(name)
    output += ":"
    needsComma = false
  }

  package mutating func string(_ value: String) {
    separate()
    appendQuoted(value)
  }

  package mutating func optionalString(_ value: String?) {
    if let value { string(value) } else { null() }
  }

  package mutating func int(_ value: Int) {
    separate()
    output += String(value)
  }

  package mutating func number(_ value: Double?) {
    separate()
    guard let value, value.isFinite else {
      output += "null"
      return
    }
    output += value == 0 ? "0.0" : value.description
  }

  package mutating func bool(_ value: Bool) {
    separate()
    output += value ? "true" : "false"
  }

  package mutating func null() {
    separate()
    output += "null"
  }

  package mutating func object(_ body: (inout JSONWriter) -> Void) {
    separate()
    output += "{"
    needsComma = false
    body(&self)
    output += "}"
    needsComma = true
  }

  package mutating func array(_ body: (inout JSONWriter) -> Void) {
    separate()
    output += "["
    needsComma = false
    body(&self)
    output += "]"
    needsComma = true
  }

  package mutating func strings<S: Sequence<String>>(_ values: S) {
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
