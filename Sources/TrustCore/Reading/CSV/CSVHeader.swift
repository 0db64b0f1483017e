/// A CSV file's header row, matched against the columns a reader knows:
/// each known column has aliases (`from`, `source`, `ego`), compared with
/// the header's names trimmed of spaces and tabs and ignoring ASCII case
/// (`Source`, ` FROM `). Names that match no column are kept, in order, as
/// unknown columns (a people file's attributes). Two names for one column,
/// or one name twice, are a `duplicate-key` error at the later one.
///
/// ```swift
/// let header = try CSVHeader(lexer, columns: [["from", "source", "ego"], ["to", "target", "alter"]])
/// header.columns[0]  // the field index of the from column, or nil
/// header.unknown  // [(index: 2, name: "weight")]
/// ```
///
/// - Complexity: O(*h* · *a*) name comparisons for *h* header names and *a*
///   aliases in all, plus O(*h* log *h*) to find repeated names.
struct CSVHeader {
  /// For each known column, in the order given, the index of the header field naming it.
  var columns: [Int?]
  /// The header's names that match no known column: field index and trimmed name.
  var unknown: [(index: Int, name: String)]
  /// Every name of the header, trimmed, in order.
  var names: [String]

  /// Matches the lexer's current record, the header, against `columns`
  /// (each a list of ASCII aliases, in any case).
  init(_ lexer: borrowing CSVLexer, columns aliases: [[String]]) throws(LexFailure) {
    columns = Array(repeating: nil, count: aliases.count)
    unknown = []
    names = []
    let aliases = aliases.map { $0.map(asciiLowercased) }
    var keys: [(key: String, index: Int)] = []
    for index in 0..<lexer.fieldCount {
      let field = lexer.field(index)
      let name = csvTrimmed(lexer.string(field))
      names.append(name)
      let key = asciiLowercased(name)
      keys.append((key, index))
      if let column = aliases.firstIndex(where: { $0.contains(key) }) {
        if let earlier = columns[column] {
          throw LexFailure(
            code: .duplicateKey,
            message: "the header names the column '\(aliases[column][0])' twice: "
              + "'\(names[earlier])' and '\(name)'", offset: field.writtenStart)
        }
        columns[column] = index
      } else {
        unknown.append((index, name))
      }
    }
    keys.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
    var repeated: Int?
    for position in keys.indices.dropFirst() where keys[position].key == keys[position - 1].key {
      repeated = min(repeated ?? .max, keys[position].index)
    }
    if let repeated {
      throw LexFailure(
        code: .duplicateKey,
        message: "the header has the column '\(names[repeated])' more than once",
        offset: lexer.field(repeated).writtenStart)
    }
  }
}

/// `text` without leading and trailing spaces and tabs.
///
/// ```swift
/// csvTrimmed("  Source\t")  // "Source"
/// ```
///
/// - Complexity: O(*k*) for *k* bytes.
func csvTrimmed(_ text: String) -> String {
  let utf8 = text.utf8
  guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
    let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })
  else { return "" }
  return String(text[first...last])
}

/// `text` with ASCII letters made lower case, other characters unchanged.
///
/// ```swift
/// asciiLowercased("ReportsTo")  // "reportsto"
/// ```
///
/// - Complexity: O(*k*) for *k* bytes.
func asciiLowercased(_ text: String) -> String {
  String(
    decoding: text.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 },
    as: UTF8.self)
}
