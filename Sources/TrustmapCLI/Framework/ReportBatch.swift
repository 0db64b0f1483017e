import TrustCore

/// One network's answer, ready to render in any format: the report, how it
/// was made, and what goes to standard error.
struct BatchItem {
  /// The report.
  var report: any Report
  /// Its provenance, made only for JSON and JSON Lines (it may hash the input).
  var provenance: () -> Provenance
  /// Warnings and timings for standard error, once the report is written.
  var notes: () -> String = { "" }
  /// Set when the report is written but the input still counts as failed
  /// (`validate` of an invalid file): the message for standard error.
  var failure: String?
}

/// Runs a command over each network file it was given, in order, and
/// writes the reports as one stream: under `== FILE` headers in text, with
/// a leading `network` column and one header in CSV, as one JSON array, or
/// one JSON document per line (`--format jsonl`, each with its `file`).
///
/// A file that cannot be used is reported on standard error and the others
/// still are; the exit status is then 1 (``CommandFailure/partial(_:)``).
/// With one file, the output is that file's report alone, as it always was.
///
/// ```swift
/// try ReportBatch.run(arguments, output: output) { arguments throws(CommandFailure) in
///   BatchItem(report: try analyse(arguments.file), provenance: { … })
/// }
/// ```
///
/// - Complexity: one file at a time, so memory is the largest file's, not their sum.
enum ReportBatch {
  static func run(
    _ arguments: ParsedArguments, output: (String) -> Void,
    each: (ParsedArguments) throws(CommandFailure) -> BatchItem
  ) throws(CommandFailure) -> String {
    let many = arguments.files.count > 1
    var stream = ReportStream(format: arguments.format, many: many, rawCSV: arguments.isCSVRaw)
    if !many {
      // One file: its own errors, exit codes and output, unchanged.
      let item = try each(arguments)
      stream.write(item, file: arguments.file, output: output)
      stream.end(output: output)
      if let failure = item.failure { throw .input(item.notes() + failure) }
      return item.notes()
    }
    var notes = ""
    var failures = ""
    var failed = 0
    var usageErrors: [UsageError] = []
    for file in arguments.files {
      do throws(CommandFailure) {
        let item = try each(arguments.reading(file))
        stream.write(item, file: file, output: output)
        notes += item.notes()
        if let failure = item.failure {
          failures += failure
          failed += 1
        }
      } catch {
        failed += 1
        switch error {
        case .input(let message), .partial(let message):
          failures += message
        case .usage(let usage):
          // A setting one file cannot take (an attribute it lacks): that file fails.
          usageErrors.append(usage)
          failures += "\(displayName(of: file)): error: \(usage.message)\n"
        case .cannotWrite:
          throw error
        }
      }
    }
    stream.end(output: output)
    notes += stream.notes
    if let first = usageErrors.first, usageErrors.count == arguments.files.count {
      throw .usage(first)  // every file refused the same asking: the asking is wrong
    }
    guard failed == 0 else { throw .partial(notes + failures) }
    return notes
  }
}

/// The state of a stream of reports: whether the JSON array is open, which
/// CSV header was written.
struct ReportStream {
  let format: OutputFormat
  let many: Bool
  /// `--csv-raw`: text cells without the formula guard.
  let rawCSV: Bool
  private var written = 0
  private var csvHeader: [String]?
  /// Notes for standard error about the stream itself (a CSV header that changed).
  private(set) var notes = ""

  init(format: OutputFormat, many: Bool, rawCSV: Bool = false) {
    self.format = format
    self.many = many
    self.rawCSV = rawCSV
  }

  /// Writes one file's report.
  mutating func write(_ item: BatchItem, file: String, output: (String) -> Void) {
    defer { written += 1 }
    switch format {
    case .text:
      let text = item.report.text().rendered()
      if many && item.report.namesItsFile {
        if !text.isEmpty { output(text) }
      } else if many {
        let name = TerminalText.escaped(displayName(of: file))
        output((written > 0 ? "\n" : "") + "== \(name)\n" + text)
      } else {
        output(text)
      }
    case .json:
      let document = Self.document(
        item.report.json().jsonText, file: many ? file : nil, provenance: item.provenance())
      if many {
        output((written == 0 ? "[\n" : ",\n") + document)
      } else {
        output(document + "\n")
      }
    case .jsonl:
      output(
        Self.document(item.report.json().jsonText, file: file, provenance: item.provenance())
          + "\n")
    case .csv:
      // Written as its rows come, so a report of people × communities is never whole in memory.
      let rows = item.report.csvRows()
      let leadingColumns: [Table.Column] = many ? [.text("network")] : []
      let header = (leadingColumns + rows.columns).map(\.title)
      if let csvHeader, csvHeader != header {
        notes +=
          "trustmap: \(displayName(of: file)) has other CSV columns than the file before; "
          + "its rows follow their own header\n"
      }
      rows.writeCSV(
        header: csvHeader != header, raw: rawCSV, leadingColumns: leadingColumns,
        leading: many ? [.text(file)] : [], output: output)
      csvHeader = header
    }
  }

  /// Closes the stream (the JSON array of several files).
  func end(output: (String) -> Void) {
    if format == .json && many { output(written == 0 ? "[]\n" : "\n]\n") }
  }

  /// A report's JSON object with `"file"` first (unless it has one) and
  /// `"provenance"` last.
  static func document(_ body: String, file: String?, provenance: Provenance) -> String {
    precondition(body.hasPrefix("{") && body.hasSuffix("}"), "a report is one JSON object")
    var inner = body.dropFirst().dropLast()
    var fields: [Substring] = []
    if let file, !inner.hasPrefix("\"file\":") {
      fields.append(Substring("\"file\":" + file.jsonText))
    }
    if !inner.isEmpty { fields.append(inner) }
    fields.append(Substring("\"provenance\":" + provenance.jsonText))
    inner = Substring(fields.joined(separator: ","))
    return "{" + inner + "}"
  }
}
