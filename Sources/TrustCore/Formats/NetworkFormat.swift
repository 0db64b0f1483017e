/// The file formats trustmap reads and writes (docs/design.md, 'Other formats').
///
/// A file's format follows its extension, or, where the extension says
/// nothing, its first bytes; `--input-format` and `--to` name one outright.
///
/// ```swift
/// NetworkFormat(fileExtensionOf: "team.graphml")   // .graphml
/// NetworkFormat(sniffing: Array("*Vertices 3\n".utf8))  // .pajek
/// NetworkFormat.gexf.canWrite                       // true
/// ```
public enum NetworkFormat: String, Sendable, Hashable, CaseIterable {
  /// trustmap's own JSON, format version 1.
  case json
  /// A ties file (and optional people and communities files), with the
  /// layouts Gephi, Kumu, Polinode, Microsoft Viva and plain exports use.
  case csv
  /// GraphML, as igraph, networkx, Gephi and yEd write it.
  case graphml
  /// GEXF 1.1draft, 1.2draft or 1.3, as Gephi writes it.
  case gexf
  /// networkx's node-link JSON (`nodes`, and `links` or `edges`).
  case nodeLink = "node-link"
  /// Pajek `.net`: `*Vertices`, `*Arcs`, `*Edges`.
  case pajek
  /// NetDraw `.vna`: `*node data`, `*tie data`.
  case vna
  /// A plain edge list: two or three columns per line, `#` comments.
  case edgeList = "edgelist"
  /// Graphviz DOT (written only).
  case dot
  /// Neo4j admin-import CSV: a nodes file and a relationships file (written only).
  case neo4j
  /// The `id` / `src,dst,weight` CSV pair Spark GraphFrames loads (written only).
  case graphFrames = "graphframes"

  /// Whether trustmap reads the format.
  public var canRead: Bool {
    switch self {
    case .dot, .neo4j, .graphFrames: return false
    default: return true
    }
  }

  /// Whether trustmap writes the format (`convert --to`).
  public var canWrite: Bool {
    self != .vna
  }

  /// The file name extensions that mean the format, lowercased, the usual one first.
  public var fileExtensions: [String] {
    switch self {
    case .json: return ["json"]
    case .csv: return ["csv", "tsv"]
    case .graphml: return ["graphml", "xml"]
    case .gexf: return ["gexf"]
    case .nodeLink: return ["json"]
    case .pajek: return ["net", "paj"]
    case .vna: return ["vna"]
    case .edgeList: return ["edgelist", "edges", "txt"]
    case .dot: return ["dot", "gv"]
    case .neo4j: return ["csv"]
    case .graphFrames: return ["csv"]
    }
  }

  /// The format a path's extension names, for reading; `nil` when the
  /// extension is missing, shared (`.json` is trustmap's JSON or node-link;
  /// `.xml` may be anything) or unknown: then the content decides.
  public init?(fileExtensionOf path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "csv", "tsv": self = .csv
    case "graphml": self = .graphml
    case "gexf": self = .gexf
    case "net", "paj": self = .pajek
    case "vna": self = .vna
    case "edgelist", "edges": self = .edgeList
    default: return nil
    }
  }

  /// The format the first bytes of a file suggest, for reading: JSON with
  /// `"trustmap"` or with `"nodes"`, XML with a `graphml` or `gexf` root,
  /// Pajek's `*Vertices`, NetDraw's `*node data` or `*tie data`, a header
  /// row naming known columns (CSV), else an edge list.
  ///
  /// - Complexity: O(*k*) for the first *k* bytes looked at (at most 64 KiB).
  public init(sniffing bytes: some Collection<UInt8>) {
    let head = Array(bytes.prefix(1 << 16))
    var start = 0
    if head.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    while start < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[start]) { start += 1 }
    let text = String(decoding: head[start...], as: UTF8.self)
    let lower = text.lowercased()
    guard let first = text.first else {
      self = .json
      return
    }
    switch first {
    case "{", "[":
      // trustmap's own key first; node-link files have "nodes" and no "trustmap".
      if lower.contains("\"trustmap\"") || !lower.contains("\"nodes\"") {
        self = .json
      } else {
        self = .nodeLink
      }
    case "<":
      if lower.contains("<gexf") {
        self = .gexf
      } else {
        self = .graphml
      }
    case "*":
      if lower.hasPrefix("*node data") || lower.hasPrefix("*tie data")
        || lower.hasPrefix("*node properties")
      {
        self = .vna
      } else {
        self = .pajek
      }
    default:
      let header = lower.prefix { $0 != "\n" && $0 != "\r" }
      let cells = header.split(whereSeparator: { ",;\t".contains($0) }).map {
        $0.trimmingCharacters(in: " \"")
      }
      let known: Set<String> = [
        "from", "to", "source", "target", "ego", "alter", "id", "label", "name", "weight",
        "strength", "primarycollaborator_personid", "secondarycollaborator_personid",
      ]
      self = cells.contains(where: { known.contains($0) }) ? .csv : .edgeList
    }
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in characters: String) -> String {
    var view = self[...]
    while let first = view.first, characters.contains(first) { view = view.dropFirst() }
    while let last = view.last, characters.contains(last) { view = view.dropLast() }
    return String(view)
  }
}
