/// Writes Pajek `.net`, as Pajek and networkx's `read_pajek` read it:
/// `*Network` and the network's name, `*Vertices N` with one line per person
/// (`1 "ana"`: the number from 1 in file order and the id as the label),
/// `*Arcs` with one line per tie record that is not mutual (`2 3 0.9`: from,
/// to, strength) and, when there are mutual records, `*Edges` with one line
/// each. Labels are quoted, `"` and `\` escaped with a backslash (as
/// networkx's `shlex` reads them).
///
/// Pajek holds no attributes, so it loses the most: display names,
/// attributes, `reportsTo`, communities, contexts, `strongTieThreshold`, the
/// results, and the order of mutual records among the others (they come
/// after). What it keeps: the people and their ids, every record's ends and
/// strength, and which are mutual: the strong-tie graph without context filters.
///
/// ```
/// *Network Studio
/// *Vertices 2
/// 1 "ana"
/// 2 "bo"
/// *Arcs
/// *Edges
/// 1 2 0.9
/// ```
///
/// - Complexity: O(*n* + *m*).
enum PajekWriter: FormatWriter {
  static func write(_ part: NetworkFilePart, _ context: WriteContext, to out: inout ChunkedOutput)
    throws
  {
    let network = context.network
    let people = network.people
    if let name = network.name {
      out.append("*Network ")
      for scalar in name.unicodeScalars {
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out.appendReplacement()
        } else {
          out.append(scalar: scalar)
        }
      }
      out.append("\n")
    }
    out.append("*Vertices ")
    out.append(people.count)
    out.append("\n")
    for person in 0..<people.count {
      out.append(person + 1)
      out.append(" ")
      out.appendQuoted(people.ids.utf8(person))
      out.append("\n")
      try out.endRecord()
    }
    let ties = network.ties
    out.append("*Arcs\n")
    try writeLines(ties, mutual: false, to: &out)
    if ties.mutual.contains(true) {
      out.append("*Edges\n")
      try writeLines(ties, mutual: true, to: &out)
    }
  }

  private static func writeLines(_ ties: Ties, mutual: Bool, to out: inout ChunkedOutput) throws {
    for tie in 0..<ties.count where ties.mutual[tie] == mutual {
      out.append(Int(ties.from[tie]) + 1)
      out.append(" ")
      out.append(Int(ties.to[tie]) + 1)
      out.append(" ")
      out.append(number: ties.strength[tie])
      out.append("\n")
      try out.endRecord()
    }
  }
}
