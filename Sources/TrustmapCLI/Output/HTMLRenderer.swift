import TrustCore

/// The neutral report model (``TextReport`` lines and ``Table``s of typed
/// cells) as HTML, for `trustmap report`: the same rows the text and CSV
/// show. Text is escaped by TrustCore's ``MarkupText`` (names are text,
/// never markup), and the letters `http:` or `https:` in a name are written
/// with a character reference for the colon, so the page never holds
/// anything a browser could take for an address.
///
/// ```swift
/// var table = Table(columns: [.text("community"), .number("members")])
/// table.row([.text("guides"), .integer(4)])
/// HTMLRenderer.table(table)
/// // <table class="sortable"><thead><tr><th>community</th><th class="num">members</th></tr></thead>…
/// ```
///
/// - Complexity: O(characters).
enum HTMLRenderer {
  /// `text` as HTML text (content or a quoted attribute value).
  static func escape(_ text: String) -> String {
    withoutAddresses(MarkupText.escaped(text))
  }

  /// Escaped text (or markup made of escaped text, such as an inline SVG)
  /// with the colon of every `http:` and `https:`, in any case, written as
  /// `&#58;`: the same text to a reader, and nothing a browser takes for an address.
  static func withoutAddresses(_ escaped: String) -> String {
    guard escaped.utf8.contains(UInt8(ascii: ":")) else { return escaped }
    var result = ""
    var pending = ""
    for character in escaped {
      if character == ":" {
        let lower = pending.suffix(5).lowercased()
        result += pending
        result += lower.hasSuffix("http") || lower.hasSuffix("https") ? "&#58;" : ":"
        pending = ""
      } else {
        pending.append(character)
      }
    }
    return result + pending
  }

  /// A text report's lines and tables: unindented lines are headings,
  /// indented ones paragraphs; blank lines separate and are dropped.
  static func render(_ report: TextReport) -> String {
    var html = ""
    for block in report.blocks {
      switch block {
      case .line(let line):
        let text = line.drop { $0 == " " }
        if text.isEmpty { continue }
        if text.count == line.count {
          html += "<h3>\(escape(String(text)))</h3>\n"
        } else {
          html += "<p>\(escape(String(text)))</p>\n"
        }
      case .table(let table):
        html += self.table(table)
      }
    }
    return html
  }

  /// A table: a header row when it has one, numeric columns right-aligned
  /// (`class="num"`, which the sorting script also reads).
  static func table(_ table: Table) -> String {
    var html = "<table class=\"sortable\">\n"
    func alignment(_ column: Int) -> String {
      column < table.columns.count && table.columns[column].alignment == .right
        ? " class=\"num\"" : ""
    }
    if table.showsHeader {
      html += "<thead><tr>"
      for (index, column) in table.columns.enumerated() {
        html += "<th\(alignment(index))>\(escape(column.title))</th>"
      }
      html += "</tr></thead>\n"
    }
    html += "<tbody>\n"
    for row in table.rows {
      html += "<tr>"
      for (index, cell) in row.enumerated() {
        html += "<td\(alignment(index))>\(escape(cell.text))</td>"
      }
      html += "</tr>\n"
    }
    html += "</tbody>\n</table>\n"
    return html
  }

  /// A whole page: one file, its style and its small script inline; a
  /// content security policy that forbids fetching anything at all.
  static func document(title: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
    style-src 'unsafe-inline'; script-src 'unsafe-inline'">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(escape(title))</title>
    <style>
    \(style)
    </style>
    </head>
    <body>
    \(body)
    <script>
    \(script)
    </script>
    </body>
    </html>

    """
  }

  /// The page's style, screen and print; system fonts only.
  static let style = """
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, \
    sans-serif; margin: 0 auto; max-width: 1100px; padding: 1em 2em; color: #222; \
    line-height: 1.45; }
    h1 { font-size: 1.8em; margin-bottom: 0.2em; }
    h2 { border-bottom: 2px solid #ddd; padding-bottom: 0.2em; margin-top: 2em; }
    h3 { font-size: 1.05em; margin: 1.2em 0 0.4em; }
    p.lead, p.explain { color: #333; max-width: 48em; }
    p.explain { background: #f5f7fa; border-left: 4px solid #9ab; padding: 0.5em 0.8em; }
    table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.92em; }
    th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #e4e4e4; text-align: left; \
    vertical-align: top; }
    th { background: #f2f2f2; cursor: pointer; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    svg.map { width: 100%; height: auto; border: 1px solid #ddd; }
    svg.chart { max-width: 100%; height: auto; }
    .community { border: 1px solid #e0e0e0; border-radius: 6px; padding: 0.6em 1em; \
    margin: 0.8em 0; break-inside: avoid; }
    .community h3 { margin-top: 0.2em; }
    .figures { color: #444; font-size: 0.95em; }
    nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; }
    #search { font-size: 1em; padding: 0.3em 0.5em; margin: 0.5em 0; width: 20em; }
    footer { color: #777; font-size: 0.85em; margin-top: 3em; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10pt; }
      nav, #search { display: none; }
      h2 { break-after: avoid; }
      section, table, svg { break-inside: avoid; }
      th { cursor: auto; }
      p.explain { border-left-color: #999; background: none; }
    }
    """

  /// Sorting by a click on a column's title, and a search box that hides
  /// table rows without the text typed. The page reads fully without it.
  static let script = """
    (function () {
      function key(cell, numeric) {
        var text = cell.textContent.trim();
        if (!numeric) return text.toLowerCase();
        var value = parseFloat(text.replace(/,/g, ''));
        return isNaN(value) ? -Infinity : value;
      }
      document.querySelectorAll('table.sortable').forEach(function (table) {
        var body = table.tBodies[0];
        if (!table.tHead || !body) return;
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
          var ascending = true;
          th.addEventListener('click', function () {
            var numeric = th.classList.contains('num');
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = key(a.cells[column], numeric), y = key(b.cells[column], numeric);
              return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
            });
            rows.forEach(function (row) { body.appendChild(row); });
            ascending = !ascending;
          });
        });
      });
      var nav = document.querySelector('nav');
      if (!nav) return;
      var box = document.createElement('input');
      box.id = 'search';
      box.type = 'search';
      box.placeholder = 'Find in the tables…';
      box.setAttribute('aria-label', 'Find in the tables');
      nav.appendChild(box);
      box.addEventListener('input', function () {
        var wanted = box.value.trim().toLowerCase();
        document.querySelectorAll('table.sortable tbody tr').forEach(function (row) {
          row.style.display =
            !wanted || row.textContent.toLowerCase().indexOf(wanted) >= 0 ? '' : 'none';
        });
      });
    })();
    """
}
