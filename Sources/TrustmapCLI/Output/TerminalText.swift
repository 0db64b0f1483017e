/// Text made safe to print to a terminal: control characters (C0, DEL,
/// C1, so also the ESC of ANSI sequences), and the bidirectional formatting
/// characters that reorder what follows them, shown escaped as `\u{1B}`,
/// `\u{202E}`, so that a crafted name can neither rewrite the screen nor
/// make a line read other than it is (CVE-2021-42574, "Trojan Source").
/// Text reports and standard error go through it; JSON and CSV keep the
/// exact text, since programs read those.
///
/// ```swift
/// TerminalText.escaped("ana\u{1B}[2J")   // "ana\\u{1B}[2J"
/// TerminalText.escaped("abc\u{202E}fed")  // "abc\\u{202E}fed"
/// ```
///
/// - Complexity: O(*n*); text with nothing to escape is returned as it is.
enum TerminalText {
  /// `text` with every unsafe character escaped.
  static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var safe = ""
    safe.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      if isUnsafe(scalar) {
        safe += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        safe.unicodeScalars.append(scalar)
      }
    }
    return safe
  }

  /// `text` escaped line by line: its own line breaks kept, any other control escaped.
  static func escapedLines(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { isUnsafe($0) && $0 != "\n" }) else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { escaped(String($0)) }.joined(separator: "\n")
  }

  /// Whether `scalar` must not reach a terminal as it is.
  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true  // C0 (tab and line breaks too), DEL, C1
    case 0x061C, 0x200E, 0x200F: return true  // Arabic letter mark, LRM, RLM
    case 0x202A...0x202E, 0x2066...0x2069: return true  // embeddings, overrides, isolates
    default: return false
    }
  }
}

extension TextOutputStream {
  /// Writes `text` with its lines made safe for a terminal: what goes to
  /// standard error quotes ids and file names from the input.
  mutating func write(terminalSafe text: String) {
    write(TerminalText.escapedLines(text))
  }
}
