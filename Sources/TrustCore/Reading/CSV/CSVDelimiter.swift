/// Chooses a CSV file's delimiter from its header line: `,`, `;` or tab,
/// whichever appears most often outside quotes on the first line (a tie
/// goes to the earlier of `,`, `;`, tab; none at all means `,`, a file of
/// one column). Gephi and most tools write `,`; spreadsheets in locales
/// with a decimal comma write `;`; tab-separated exports use tab.
///
/// ```swift
/// csvDelimiter(in: buffer, from: 0)  // UInt8(ascii: ";") for "from;to;weight\n…"
/// ```
///
/// - Complexity: O(*k*) for a header line of *k* bytes.
func csvDelimiter(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
  var commas = 0
  var semicolons = 0
  var tabs = 0
  var quoted = false
  var index = start
  while index < bytes.count {
    let byte = bytes[index]
    if byte == UInt8(ascii: "\"") {
      quoted.toggle()
    } else if !quoted {
      if byte == 0x0A || byte == 0x0D { break }
      if byte == UInt8(ascii: ",") { commas += 1 }
      if byte == UInt8(ascii: ";") { semicolons += 1 }
      if byte == 0x09 { tabs += 1 }
    }
    index += 1
  }
  if semicolons > commas && semicolons >= tabs { return UInt8(ascii: ";") }
  if tabs > commas && tabs > semicolons { return 0x09 }
  return UInt8(ascii: ",")
}
