/// Writes a ``TrustNetwork`` in any format trustmap writes (``NetworkFormat/canWrite``):
/// trustmap's own JSON, GraphML, GEXF, node-link JSON, Gephi's CSV, Pajek, a
/// plain edge list, Graphviz DOT, Neo4j admin-import CSV and the CSV pair
/// Spark GraphFrames loads, streamed to a sink in chunks of about a megabyte.
///
/// People and ties come in file order and the same network gives the same
/// bytes on every run and machine. Each format keeps what it can hold; what
/// it loses is listed in docs/design.md, 'Other formats: writing', and in
/// each writer's own documentation. With `results`, each person's figures
/// (tribes, component, degrees, group: ``NodeResults``) become node
/// attributes, typed where the format types them.
///
/// Formats of several files (CSV: ties, people and communities; Neo4j:
/// relationships and nodes; GraphFrames: edges and vertices) write one part
/// per call: ``parts(for:)`` lists them, the main one (the ties) first, and
/// ``path(of:besides:)`` names each beside the main file.
///
/// ```swift
/// let network = try TrustNetwork(contentsOfFile: "Examples/org.json")
/// let writer = try NetworkWriter(format: .graphml)
/// var text = ""
/// try writer.write(network) { text += $0 }
///
/// let csv = try NetworkWriter(format: .csv)
/// for part in csv.parts(for: network) {
///   let path = csv.path(of: part, besides: "org.csv")  // org.csv, org-people.csv, …
///   try csv.write(network, part: part) { chunk in append(chunk, to: path) }
/// }
/// ```
///
/// - Complexity: O(*n* + *m* + *a* + *c*) time for *n* people, *m* tie
///   records, *a* attribute entries and *c* community memberships; memory
///   O(*n* + *c*) besides one chunk, however large the output.
public struct NetworkWriter: Sendable {
  /// The format written.
  public let format: NetworkFormat
  /// How the format is written.
  public var options: WriteOptions

  /// A writer of `format`.
  ///
  /// - Throws: ``NetworkWriteError`` with code
  ///   ``NetworkWriteError/Code/unwritableFormat`` for a format trustmap only reads.
  public init(format: NetworkFormat, options: WriteOptions = WriteOptions())
    throws(NetworkWriteError)
  {
    guard format.canWrite else {
      throw NetworkWriteError(
        code: .unwritableFormat,
        message: "trustmap reads \(format.rawValue) but does not write it")
    }
    self.format = format
    self.options = options
  }

  /// The files the format writes for `network`, the main one first: one for
  /// most formats; ties and people for CSV (and communities when the network
  /// has some); relationships and nodes for Neo4j; edges and vertices for GraphFrames.
  ///
  /// - Complexity: O(1).
  public func parts(for network: TrustNetwork) -> [NetworkFilePart] {
    switch format {
    case .csv:
      return network.indexedCommunities.isEmpty ? [.main, .nodes] : [.main, .nodes, .communities]
    case .neo4j, .graphFrames:
      return [.main, .nodes]
    default:
      return [.main]
    }
  }

  /// Where `part` goes when the main file is `mainPath`: the main path
  /// itself, or the main path with `-people` (CSV), `-nodes` (Neo4j),
  /// `-vertices` (GraphFrames) or `-communities` before its extension.
  ///
  /// ```swift
  /// try NetworkWriter(format: .csv).path(of: .nodes, besides: "out/org.csv")  // out/org-people.csv
  /// try NetworkWriter(format: .neo4j).path(of: .nodes, besides: "rels")       // rels-nodes
  /// ```
  ///
  /// - Complexity: O(*k*) for a path of *k* characters.
  public func path(of part: NetworkFilePart, besides mainPath: String) -> String {
    guard part != .main else { return mainPath }
    let suffix: String
    switch (format, part) {
    case (.csv, .nodes): suffix = "-people"
    case (.graphFrames, .nodes): suffix = "-vertices"
    case (_, .nodes): suffix = "-nodes"
    default: suffix = "-\(part)"
    }
    let nameStart = mainPath.lastIndex(of: "/").map { mainPath.index(after: $0) }
    let name = mainPath[(nameStart ?? mainPath.startIndex)...]
    // The extension starts at the name's last dot, unless the name starts with it.
    if let dot = name.lastIndex(of: "."), dot != name.startIndex {
      return String(mainPath[..<dot]) + suffix + String(mainPath[dot...])
    }
    return mainPath + suffix
  }

  /// Writes `part` of `network` (with `results` as node attributes) to
  /// `sink`, chunk by chunk; a throw from `sink` stops the writing at once.
  ///
  /// - Returns: what was written, with the characters the format could not hold.
  /// - Throws: ``NetworkWriteError``: ``NetworkWriteError/Code/noSuchPart``
  ///   for a part the format does not write, ``NetworkWriteError/Code/resultsMismatch``
  ///   for results of another network's size, ``NetworkWriteError/Code/output``
  ///   (with the sink's error) when the sink throws.
  /// - Complexity: O(*n* + *m* + *a* + *c*) for the main part; memory O(*n*
  ///   + *c*) besides one chunk of about a megabyte.
  @discardableResult
  public func write(
    _ network: TrustNetwork, results: NodeResults? = nil, part: NetworkFilePart = .main,
    to sink: (String) throws -> Void
  ) throws(NetworkWriteError) -> WriteSummary {
    guard parts(for: network).contains(part) else {
      throw NetworkWriteError(
        code: .noSuchPart, message: "\(format.rawValue) writes no \(part) file")
    }
    if let results {
      let sizes = [results.personCount] + results.columns.map(\.count)
      if let wrong = sizes.first(where: { $0 != network.personCount }) {
        throw NetworkWriteError(
          code: .resultsMismatch,
          message: "results for \(wrong) people given for a network of \(network.personCount)")
      }
    }
    let context = WriteContext(network: network, results: results, options: options)
    let writer = formatWriter
    do {
      return try withoutActuallyEscaping(sink) { sink in
        var out = ChunkedOutput(sink: sink)
        try writer.write(part, context, to: &out)
        try out.finish()
        return WriteSummary(replacedCharacters: out.replacedCharacters)
      }
    } catch {
      throw NetworkWriteError(
        code: .output, message: "the output failed: \(error)", underlying: error)
    }
  }

  private var formatWriter: any FormatWriter.Type {
    switch format {
    case .json: return TrustJSONWriter.self
    case .nodeLink: return NodeLinkWriter.self
    case .graphml: return GraphMLWriter.self
    case .gexf: return GEXFWriter.self
    case .csv: return CSVNetworkWriter.self
    case .pajek: return PajekWriter.self
    case .edgeList: return EdgeListWriter.self
    case .dot: return DOTWriter.self
    case .neo4j: return Neo4jWriter.self
    case .graphFrames: return GraphFramesWriter.self
    case .vna: return TrustJSONWriter.self  // unreachable: `init` refuses formats it cannot write
    }
  }
}

/// How a ``NetworkWriter`` writes its format.
///
/// ```swift
/// let writer = try NetworkWriter(format: .gexf, options: WriteOptions(gexfVersion: .version13))
/// ```
public struct WriteOptions: Sendable, Hashable {
  /// The GEXF version written (GEXF only).
  public var gexfVersion: GEXFVersion

  /// Options; the defaults are what `trustmap convert` writes without options.
  public init(gexfVersion: GEXFVersion = .version12Draft) {
    self.gexfVersion = gexfVersion
  }
}

/// The GEXF versions trustmap writes.
public enum GEXFVersion: String, Sendable, Hashable, CaseIterable {
  /// GEXF 1.2draft, namespace `http://www.gexf.net/1.2draft`: what Gephi and
  /// networkx write by default.
  case version12Draft = "1.2"
  /// GEXF 1.3, the specification's namespace `http://gexf.net/1.3`.
  case version13 = "1.3"
}

/// One file of a format that writes several (see ``NetworkWriter/parts(for:)``).
public struct NetworkFilePart: Sendable, Hashable, CustomStringConvertible {
  private let name: String
  private init(_ name: String) { self.name = name }
  public var description: String { name }

  /// The main file: everything, or the ties (CSV), relationships (Neo4j) or edges (GraphFrames).
  public static let main = NetworkFilePart("main")
  /// The people (CSV), nodes (Neo4j) or vertices (GraphFrames).
  public static let nodes = NetworkFilePart("nodes")
  /// The communities' members (CSV).
  public static let communities = NetworkFilePart("communities")
}

/// What one ``NetworkWriter/write(_:results:part:to:)`` call wrote.
public struct WriteSummary: Sendable, Hashable {
  /// How many characters the format cannot hold (control characters in XML,
  /// say) were written as U+FFFD.
  public var replacedCharacters: Int
}

/// What every format's writer is given.
struct WriteContext {
  let network: TrustNetwork
  let results: NodeResults?
  let options: WriteOptions
}

/// One format's writer: writes one part of a network.
protocol FormatWriter {
  /// Writes `part` (one that ``NetworkWriter/parts(for:)`` lists for the format).
  static func write(_ part: NetworkFilePart, _ context: WriteContext, to out: inout ChunkedOutput)
    throws
}
