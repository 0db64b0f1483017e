// libFuzzer entry point for the CSV lexer, its header matching and cell splitting.
// Built by `Scripts/fuzz.sh --target csv` together with TrustCore's sources
// into one module (no SwiftPM target: SwiftPM does not pass -sanitize=fuzzer).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVLexer(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let buffer = UnsafeBufferPointer(start: data, count: size)
  var lexer = CSVLexer(bytes: buffer)
  var records: [[[UInt8]]] = []
  var failure: LexFailure?
  var last = lexer.dataStart
  do throws(LexFailure) {
    while try lexer.nextRecord() {
      precondition(lexer.recordStart >= last && lexer.fieldCount >= 1)
      var record: [[UInt8]] = []
      for index in 0..<lexer.fieldCount {
        let field = lexer.field(index)
        precondition(field.start >= lexer.recordStart && field.end >= field.start)
        precondition(field.end <= lexer.position)
        record.append(lexer.withText(field) { Array($0) })
        var parts = CSVCellParts(buffer.extracting(field.start..<field.end))
        while let part = parts.next() { precondition(!part.isEmpty) }
      }
      last = lexer.position
      if records.isEmpty {
        lexer.expectedFieldCount = lexer.fieldCount
        _ = try? CSVHeader(lexer, columns: [["from", "source"], ["to", "target"], ["weight"]])
      }
      records.append(record)
    }
  } catch {
    precondition(error.offset >= 0 && error.offset <= size)
    failure = error
  }
  // Differential: a plain reference splitter must agree on the verdict and the records.
  let reference = referenceCSV(Array(buffer), delimiter: lexer.delimiter)
  precondition(
    (failure == nil) == (reference.failed == false), "verdicts differ: \(failure as Any)")
  if failure == nil { precondition(records == reference.records, "records differ") }
  return 0
}

/// RFC 4180 as simply as it can be written, with the lexer's choices:
/// empty lines skipped, no field beyond the header's count, UTF-8 only,
/// no control characters but tab outside quotes (inside quotes they are
/// text: trustmap's CSV writer quotes any field holding one).
private func referenceCSV(_ bytes: [UInt8], delimiter: UInt8) -> (
  records: [[[UInt8]]], failed: Bool
) {
  var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
  let body = Array(bytes[index...])
  if Array(String(decoding: body, as: UTF8.self).utf8) != body { return ([], true) }
  let quote = UInt8(ascii: "\"")
  var records: [[[UInt8]]] = []
  let count = bytes.count
  while index < count {
    if bytes[index] == 0x0A {
      index += 1
      continue
    }
    if bytes[index] == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A {
      index += 2
      continue
    }
    var record: [[UInt8]] = []
    fields: while true {
      var field: [UInt8] = []
      var quoted = false
      if index < count && bytes[index] == quote {
        quoted = true
        index += 1
        while true {
          if index >= count { return (records, true) }
          if bytes[index] == quote {
            if index + 1 < count && bytes[index + 1] == quote {
              field.append(quote)
              index += 2
              continue
            }
            index += 1
            break
          }
          field.append(bytes[index])
          index += 1
        }
      } else {
        while index < count && bytes[index] != delimiter && bytes[index] != 0x0A
          && bytes[index] != 0x0D && bytes[index] != quote
        {
          let byte = bytes[index]
          if (byte < 0x20 && byte != 0x09) || byte == 0x7F { return (records, true) }
          field.append(byte)
          index += 1
        }
      }
      record.append(field)
      if index >= count { break fields }
      if bytes[index] == delimiter {
        index += 1
        if index == count {
          record.append([])
          break fields
        }
        continue fields
      }
      if bytes[index] == 0x0A {
        index += 1
        break fields
      }
      if bytes[index] == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A {
        index += 2
        break fields
      }
      _ = quoted
      return (records, true)
    }
    if let header = records.first, record.count > header.count { return (records, true) }
    records.append(record)
  }
  return (records, false)
}
