import Testing

@testable import TrustCore

/// What the XML lexer makes of a document: one line per token (`<a x='1'>`,
/// `</a>`, `"text"`, with decoded values and `{uri}` for a namespace) and the
/// failure that stopped it, if any.
func xmlTrace(_ text: String, whitespace: Bool = false) -> (events: [String], failure: LexFailure?) {
  xmlTrace(bytes: Array(text.utf8), whitespace: whitespace)
}

func xmlTrace(bytes: [UInt8], whitespace: Bool = false) -> (events: [String], failure: LexFailure?) {
  bytes.withUnsafeBufferPointer { buffer in
    var lexer = XMLLexer(bytes: buffer)
    lexer.reportsWhitespaceText = whitespace
    var events: [String] = []
    do throws(LexFailure) {
      while let token = try lexer.next() {
        switch token.kind {
        case .startTag:
          var line = "<" + lexer.string(token.name.start..<token.name.end)
          if let uri = lexer.namespaceURI(token.namespace) { line += "{\(uri)}" }
          for index in 0..<lexer.attributeCount {
            let attribute = lexer.attribute(index)
            line += " " + lexer.string(attribute.name.start..<attribute.name.end)
            if let uri = lexer.namespaceURI(attribute.namespace) { line += "{\(uri)}" }
            line += "='" + lexer.text(attribute.value) + "'"
          }
          events.append(line + (token.isEmptyElement ? "/>" : ">"))
        case .endTag:
          events.append("</" + lexer.string(token.name.start..<token.name.end) + ">")
        case .text:
          events.append("\"" + lexer.text(token.text) + "\"")
        }
      }
      return (events, nil)
    } catch {
      return (events, error)
    }
  }
}

/// The failure the XML lexer stops at, or `nil` for a well-formed document.
func xmlFailure(_ text: String) -> LexFailure? { xmlTrace(text).failure }

/// Every record of a CSV text as strings, and the failure that stopped it.
func csvRecords(_ text: String, delimiter: UInt8? = nil, header: Bool = false)
  -> (records: [[String]], failure: LexFailure?)
{
  csvRecords(bytes: Array(text.utf8), delimiter: delimiter, header: header)
}

func csvRecords(bytes: [UInt8], delimiter: UInt8? = nil, header: Bool = false)
  -> (records: [[String]], failure: LexFailure?)
{
  bytes.withUnsafeBufferPointer { buffer in
    var lexer = CSVLexer(bytes: buffer, delimiter: delimiter)
    var records: [[String]] = []
    do throws(LexFailure) {
      while try lexer.nextRecord() {
        records.append((0..<lexer.fieldCount).map { lexer.string(lexer.field($0)) })
        if header && records.count == 1 { lexer.expectedFieldCount = lexer.fieldCount }
      }
      return (records, nil)
    } catch {
      return (records, error)
    }
  }
}
