/// Writes the two CSV files a Spark GraphFrame is made from
/// (``NetworkWriter/parts(for:)``):
///
/// - the edges (the main file): `src,dst,weight,mutual,contexts`, one row per
///   tie record in file order, `weight` the strength, `mutual` `true` or
///   `false`, contexts joined with `;`;
/// - the vertices (`-vertices`): `id,name,reportsTo,communities`, then one
///   column per attribute, then the results.
///
/// ```python
/// v = spark.read.csv("org-vertices.csv", header=True, escape='"')
/// e = spark.read.csv("org.csv", header=True, inferSchema=True, escape='"')
/// g = GraphFrame(v, e)
/// ```
///
/// RFC 4180 quoting: Spark needs `escape='"'` for fields holding quotes and
/// `multiLine=True` for fields with line breaks. Lost: the network's name and
/// `strongTieThreshold`, community names and communities without members, an
/// attribute's empty value, a name holding `;` in a list. Spark matches
/// column names without case, so an attribute called `id`, `name`,
/// `reportsTo` or `communities` (in any case), or a result's name, is written
/// as `attribute:KEY`.
///
/// - Complexity: O(*n* + *m* + *a* + *c*).
enum GraphFramesWriter: FormatWriter {
  static func write(_ part: NetworkFilePart, _ context: WriteContext, to out: inout ChunkedOutput)
    throws
  {
    let network = context.network
    if part == .nodes {
      let names = AttributeNames(
        network, reserved: ["id", "name", "reportsto", "communities", "src", "dst"],
        results: context.results, ignoringCase: true
      ).names
      let table = PeopleTable(
        id: "id", name: "name", reportsTo: "reportsTo", communities: "communities",
        attributes: names, results: context.results?.columns.map(\.name) ?? [])
      try table.write(network, results: context.results, to: &out)
      return
    }
    let ties = network.ties
    out.append("src,dst,weight,mutual,contexts\n")
    var ends = TieEndBlock(network)
    for tie in 0..<ties.count {
      let (from, to) = ends.ids(of: tie)
      out.appendCSVField(from)
      out.append(",")
      out.appendCSVField(to)
      out.append(",")
      out.append(number: ties.strength[tie])
      out.append(ties.mutual[tie] ? ",true," : ",false,")
      if !ties.contextSlots(of: tie).isEmpty { out.appendCSVField(ties.joinedContexts(of: tie)) }
      out.append("\n")
      try out.endRecord()
    }
  }
}
