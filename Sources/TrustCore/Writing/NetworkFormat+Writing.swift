/// The format to write a path in, by its extension (`trustmap convert`
/// without `--to`).
///
/// ```swift
/// NetworkFormat(writingExtensionOf: "out/team.graphml")  // .graphml
/// NetworkFormat(writingExtensionOf: "team.json")         // .json: trustmap's own, not node-link
/// NetworkFormat(writingExtensionOf: "team.tsv")          // nil: trustmap writes commas
/// ```
///
/// - Complexity: O(*k*) for a path of *k* characters.
extension NetworkFormat {
  /// The format written for a path's extension: `.json` trustmap JSON,
  /// `.graphml` and `.xml` GraphML, `.gexf`, `.csv` Gephi's CSV, `.net` and
  /// `.paj` Pajek, `.edgelist`, `.edges` and `.txt` an edge list, `.dot` and
  /// `.gv` DOT; `nil` for any other, and for the formats only a name selects
  /// (node-link, Neo4j, GraphFrames share `.json` and `.csv`).
  public init?(writingExtensionOf path: String) {
    let name = path.split(separator: "/").last ?? ""
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    switch name[name.index(after: dot)...].lowercased() {
    case "json": self = .json
    case "graphml", "xml": self = .graphml
    case "gexf": self = .gexf
    case "csv": self = .csv
    case "net", "paj": self = .pajek
    case "edgelist", "edges", "txt": self = .edgeList
    case "dot", "gv": self = .dot
    default: return nil
    }
  }
}
