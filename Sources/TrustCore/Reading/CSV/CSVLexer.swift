/// A strict, fast CSV lexer (RFC 4180) over a buffer of UTF-8 bytes: the
/// readers of ties, people and communities files drive it record by record.
///
/// Fields are ranges of the input (``CSVField``), with their quotes left
/// out and a flag when doubled quotes must be unquoted; a record's fields
/// are valid until the next call, kept in reused memory, so nothing is
/// allocated per field. It reads quoted fields with `""` inside and line
/// breaks inside quotes, CRLF or LF line ends, a last line with or without
/// one, and skips a UTF-8 byte-order mark and empty lines. A quoted field
/// holds any character but an unpaired quote. The delimiter is
/// given or chosen from the header line (``csvDelimiter(in:from:)``). Errors:
/// an unclosed quote, a quote inside an unquoted field, something after a
/// closing quote, a carriage return alone, a control character outside
/// quotes, invalid
/// UTF-8, and, once ``expectedFieldCount`` is set, a record with more fields
/// than that (a record with fewer is the reader's to judge).
///
/// ```swift
/// var lexer = CSVLexer(bytes: buffer)  // delimiter from the header line
/// guard try lexer.nextRecord() else { throw … }  // the header
/// lexer.expectedFieldCount = lexer.fieldCount
/// while try lexer.nextRecord() {
///   let from = lexer.field(0)  // a range; lexer.string(from) makes a String
/// }
/// ```
///
/// - Complexity: O(*n*) in the input size; unquoted fields are scanned
///   eight bytes at a time until a byte that may end them.
struct CSVLexer: ~Copyable {
  /// The file.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The byte between fields: `,`, `;` or tab.
  let delimiter: UInt8
  /// The offset after the byte-order mark.
  let dataStart: Int
  /// The most fields a record may have; `Int.max` (the default) for no limit.
  var expectedFieldCount = Int.max
  /// The offset of the next record's first byte.
  private(set) var position: Int
  /// The offset of the current record's first byte.
  private(set) var recordStart = 0
  /// How many records have been read, the current one included (the header is record 1).
  private(set) var recordCount = 0
  private var fields = LexBuffer<CSVField>(capacity: 16)
  private var classes = LexBuffer<UInt8>(capacity: 256)
  private var scratch = LexBuffer<UInt8>(capacity: 256)

  private static let ordinary: UInt8 = 0
  private static let delimiterClass: UInt8 = 1
  private static let lineFeed: UInt8 = 2
  private static let carriageReturn: UInt8 = 3
  private static let quote: UInt8 = 4
  private static let nonASCII: UInt8 = 5
  private static let control: UInt8 = 6

  /// A lexer at the start of `bytes` (after a byte-order mark); with no
  /// `delimiter`, the header line's most frequent of `,`, `;` and tab.
  init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8? = nil) {
    self.bytes = bytes
    let hasMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    dataStart = hasMark ? 3 : 0
    position = dataStart
    let chosen = delimiter ?? csvDelimiter(in: bytes, from: dataStart)
    self.delimiter = chosen
    for byte in 0..<256 {
      let value: UInt8
      switch byte {
      case Int(chosen): value = Self.delimiterClass
      case 0x0A: value = Self.lineFeed
      case 0x0D: value = Self.carriageReturn
      case 0x22: value = Self.quote
      case 0x09: value = Self.ordinary
      case 0..<0x20, 0x7F: value = Self.control
      case 0x80...: value = Self.nonASCII
      default: value = Self.ordinary
      }
      classes.append(value)
    }
  }

  /// A lexer that goes on reading `bytes` at `position`, the start of a
  /// record, with the delimiter and field limit of the lexer that read the
  /// header: for reading a long file in parts, one per core.
  ///
  /// ```swift
  /// var rest = CSVLexer(
  ///   continuing: bytes, delimiter: header.delimiter, fieldLimit: header.fieldLimit, at: middle)
  /// ```
  init(
    continuing bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, fieldLimit: Int,
    at position: Int
  ) {
    self.init(bytes: bytes, delimiter: delimiter)
    expectedFieldCount = fieldLimit
    self.position = position
  }

  /// The number of fields in the current record.
  var fieldCount: Int { fields.count }

  /// The current record's field at `index`, below ``fieldCount``.
  @inline(__always)
  func field(_ index: Int) -> CSVField { fields[index] }

  /// Reads the next record; `false` at the end of the input.
  ///
  /// - Throws: ``LexFailure`` at the first problem; the lexer must not be used after.
  mutating func nextRecord() throws(LexFailure) -> Bool {
    fields.removeAll()
    let count = bytes.count
    var index = position
    // Empty lines are skipped.
    while index < count {
      if bytes[index] == 0x0A {
        index += 1
      } else if bytes[index] == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A {
        index += 2
      } else {
        break
      }
    }
    guard index < count else {
      position = index
      return false
    }
    recordStart = index
    recordCount += 1
    guard let base = bytes.baseAddress else { return false }
    let raw = UnsafeRawPointer(base)
    record: while true {
      if bytes[index] == UInt8(ascii: "\"") {
        index = try quotedField(from: index)
        guard index < count else { break record }
        let byte = bytes[index]
        if byte == delimiter {
          index += 1
          if index == count {
            fields.append(
              CSVField(start: index, end: index, isQuoted: false, needsUnquoting: false))
            break record
          }
          continue record
        }
        if byte == 0x0A {
          index += 1
          break record
        }
        if byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A {
          index += 2
          break record
        }
        throw LexFailure(
          code: .syntax,
          message: "unexpected \(lexByteName(byte)) after a quoted field; expected the delimiter "
            + "\(lexByteName(delimiter)) or the end of the line", offset: index)
      }
      let start = index
      while true {
        // Eight bytes at a time while none is special (see specialBytes).
        if index &+ 8 <= count {
          let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          let special = specialBytes(word)
          if special == 0 {
            index &+= 8
            continue
          }
          index &+= special.trailingZeroBitCount &>> 3
        } else {
          while index < count && classes[Int(bytes[index])] == Self.ordinary { index &+= 1 }
          if index == count { break }
        }
        let byte = bytes[index]
        if byte == delimiter {
          fields.append(CSVField(start: start, end: index, isQuoted: false, needsUnquoting: false))
          index += 1
          if index == count {
            fields.append(
              CSVField(start: index, end: index, isQuoted: false, needsUnquoting: false))
            break record
          }
          continue record
        }
        if byte == 0x0A {
          fields.append(CSVField(start: start, end: index, isQuoted: false, needsUnquoting: false))
          index += 1
          break record
        }
        let kind = classes[Int(byte)]
        if kind == Self.ordinary {
          index += 1
          continue
        }
        if kind == Self.nonASCII {
          let (_, length) = decodeUTF8Scalar(bytes, at: index, limit: count)
          guard length > 0 else { throw invalidUTF8Failure(bytes, at: index) }
          index += length
          continue
        }
        if kind == Self.carriageReturn && index + 1 < count && bytes[index + 1] == 0x0A {
          fields.append(CSVField(start: start, end: index, isQuoted: false, needsUnquoting: false))
          index += 2
          break record
        }
        throw unexpectedInField(at: index, kind: kind)
      }
      fields.append(CSVField(start: start, end: index, isQuoted: false, needsUnquoting: false))
      break record
    }
    position = index
    if fields.count > expectedFieldCount { throw tooManyFields() }
    return true
  }

  /// A mask with the top bit set in each byte of `word` (little-endian) that
  /// may be special in an unquoted field: a control byte (line ends and tab
  /// among them), a non-ASCII byte, DEL, a quote or the delimiter. Bits above
  /// the first special byte may be set falsely, but the lowest set bit is
  /// always a special byte, which is all the scan uses.
  @inline(__always)
  private func specialBytes(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & high }
    let control = (word &- ones &* 0x20) & ~word & high
    return control | (word & high) | zeroBytes(word ^ (ones &* UInt64(delimiter)))
      | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x7F))
  }

  /// Reads a quoted field from its opening quote; returns the index after the closing quote.
  private mutating func quotedField(from openingQuote: Int) throws(LexFailure) -> Int {
    let count = bytes.count
    var index = openingQuote + 1
    var doubled = false
    while index < count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        if index + 1 < count && bytes[index + 1] == UInt8(ascii: "\"") {
          doubled = true
          index += 2
          continue
        }
        fields.append(
          CSVField(start: openingQuote + 1, end: index, isQuoted: true, needsUnquoting: doubled))
        return index + 1
      }
      if byte >= 0x80 {
        let (_, length) = decodeUTF8Scalar(bytes, at: index, limit: count)
        guard length > 0 else { throw invalidUTF8Failure(bytes, at: index) }
        index += length
      } else {
        // Control characters are text inside quotes (trustmap quotes any field
        // holding one); outside quotes they are taken for binary data.
        index += 1
      }
    }
    throw LexFailure(
      code: .syntax, message: "unclosed quote: the field runs to the end of the file",
      offset: openingQuote)
  }

  private func unexpectedInField(at index: Int, kind: UInt8) -> LexFailure {
    switch kind {
    case Self.quote:
      return LexFailure(
        code: .syntax,
        message: "a quote inside an unquoted field; quote the whole field and double the quote "
          + "(\"a \"\"b\"\"\")", offset: index)
    case Self.carriageReturn:
      return LexFailure(
        code: .syntax, message: "a carriage return not followed by a line feed", offset: index)
    default:
      return LexFailure(
        code: .invalidUTF8,
        message: "control character \(lexScalarName(UInt32(bytes[index]))) in a field "
          + "(binary data?)", offset: index)
    }
  }

  private func tooManyFields() -> LexFailure {
    let extra = fields[expectedFieldCount]
    return LexFailure(
      code: .syntax,
      message: "this record has \(fields.count) fields, \(fields.count - expectedFieldCount) "
        + "more than the header's \(expectedFieldCount)", offset: extra.writtenStart - 1)
  }

  /// Calls `body` with a field's text: the input itself, or, for a field with
  /// doubled quotes, a buffer the lexer reuses.
  mutating func withText<Result>(
    _ field: CSVField, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    guard field.needsUnquoting else {
      return try body(UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]))
    }
    scratch.removeAll()
    unquoteCSVField(bytes, field, into: &scratch)
    return try body(scratch.elements)
  }

  /// A field's text as a string.
  func string(_ field: CSVField) -> String {
    guard field.needsUnquoting else {
      return String(
        decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
    }
    var output = LexBuffer<UInt8>(capacity: field.end - field.start)
    unquoteCSVField(bytes, field, into: &output)
    return String(decoding: output.elements, as: UTF8.self)
  }
}
