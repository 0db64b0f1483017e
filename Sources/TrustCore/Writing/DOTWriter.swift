/// Writes Graphviz DOT: a `digraph` named for the network, one node
/// statement per person and one edge statement per tie record, in file order.
///
/// - a node: `"id" [label="Name", …]` with the attributes, `reportsTo`,
///   `communities` (ids joined with `;`) and the results as attributes of
///   the node (Graphviz keeps attributes it does not know, and ignores them);
/// - an edge: `"a" -> "b" [strength=0.9, dir=both, contexts="work"]`: `dir=both`
///   (arrows both ways) for a mutual record, contexts joined with `;`.
///
/// Every id and value is quoted, `"` and `\` escaped with a backslash, a line
/// break written `\n` (``ChunkedOutput/appendQuoted(_:)``). trustmap reads no
/// DOT. Lost: `strongTieThreshold`, community names and communities without
/// members. An attribute whose key Graphviz uses for nodes (`label`, `color`,
/// `shape`, `style`, …) or whose key is `reportsTo`, `communities` or a
/// result's name is written as `attribute:KEY`, so that it cannot restyle the
/// drawing.
///
/// ```dot
/// digraph "Studio" {
///   "ana" [label="Ana", team="design"];
///   "ana" -> "bo" [strength=0.9, dir=both, contexts="work"];
/// }
/// ```
///
/// - Complexity: O(*n* + *m* + *a* + *c*).
enum DOTWriter: FormatWriter {
  /// The attributes Graphviz gives meaning to on nodes, which people's
  /// attributes must not take.
  static let graphvizNodeAttributes: Set<String> = [
    "area", "class", "color", "colorscheme", "comment", "distortion", "fillcolor", "fixedsize",
    "fontcolor", "fontname", "fontsize", "gradientangle", "group", "height", "href", "id",
    "image", "imagepos", "imagescale", "label", "labelloc", "layer", "margin", "nojustify",
    "ordering", "orientation", "penwidth", "peripheries", "pin", "pos", "rects", "regular",
    "root", "samplepoints", "shape", "shapefile", "showboxes", "sides", "skew", "sortv", "style",
    "target", "tooltip", "URL", "vertices", "width", "xlabel", "xlp", "z",
  ]

  static func write(_ part: NetworkFilePart, _ context: WriteContext, to out: inout ChunkedOutput)
    throws
  {
    let network = context.network
    let people = network.people
    let membership = CommunityMembership(network)
    let names = AttributeNames(
      network, reserved: graphvizNodeAttributes.union(["reportsTo", "communities"]),
      results: context.results
    ).names.map(nameText)
    let resultNames = (context.results?.columns ?? []).map { nameText($0.name) }
    out.append("digraph ")
    out.appendQuoted(network.name ?? "trustmap")
    out.append(" {\n")
    var row = AttributeRow(people)
    for person in 0..<people.count {
      out.append("  ")
      out.appendQuoted(people.ids.utf8(person))
      out.append(" [label=")
      out.appendQuoted(people.name(of: person))
      row.load(person: person)
      for (key, code) in row.codes.enumerated() where code >= 0 {
        out.append(", ")
        out.append(bytes: names[key])
        out.append("=")
        out.appendQuoted(row.value(code))
      }
      let manager = people.reportsTo[person]
      if manager >= 0 {
        out.append(", reportsTo=")
        out.appendQuoted(people.ids.utf8(Int(manager)))
      }
      if !membership.communities(of: person).isEmpty {
        out.append(", communities=")
        out.appendQuoted(membership.joinedIDs(of: person))
      }
      for (column, name) in zip(context.results?.columns ?? [], resultNames) {
        out.append(", ")
        out.append(bytes: name)
        out.append("=")
        switch column.values {
        case .integers(let values): out.append(Int(values[person]))
        case .texts(let values): out.appendQuoted(values[person])
        }
      }
      out.append("];\n")
      try out.endRecord()
    }
    let ties = network.ties
    var ends = TieEndBlock(network)
    for tie in 0..<ties.count {
      let (from, to) = ends.ids(of: tie)
      out.append("  ")
      out.appendQuoted(from)
      out.append(" -> ")
      out.appendQuoted(to)
      out.append(" [strength=")
      out.append(number: ties.strength[tie])
      if ties.mutual[tie] { out.append(", dir=both") }
      if !ties.contextSlots(of: tie).isEmpty {
        out.append(", contexts=")
        out.appendQuoted(ties.joinedContexts(of: tie))
      }
      out.append("];\n")
      try out.endRecord()
    }
    out.append("}\n")
  }

  /// An attribute name as written: bare when it is a DOT identifier
  /// (letters, digits, `_`, not starting with a digit, not a keyword), else quoted.
  static func nameText(_ name: String) -> [UInt8] {
    let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]
    let bytes = Array(name.utf8)
    let identifier =
      !bytes.isEmpty && !(0x30...0x39).contains(bytes[0])
      && bytes.allSatisfy { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
          || (0x61...0x7A).contains(byte) || byte == 0x5F
      }
      && !keywords.contains(name.lowercased())
    if identifier { return bytes }
    var text: [UInt8] = []
    var out = ChunkedOutput { text.append(contentsOf: $0.utf8) }
    out.appendQuoted(bytes)
    try? out.finish()
    return text
  }
}
