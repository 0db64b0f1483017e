/// Writes the two CSV files `neo4j-admin database import` takes
/// (``NetworkWriter/parts(for:)``):
///
/// - the relationships (the main file):
///   `:START_ID(Person),:END_ID(Person),:TYPE,strength:float,mutual:boolean,contexts:string[]`,
///   one `TRUSTS` relationship per tie record in file order, contexts joined
///   with `;` (the importer's default array delimiter);
/// - the nodes (`-nodes`): `personId:ID(Person),name,reportsTo,communities:string[]`,
///   then one column per attribute, then the results (`:int` for whole
///   numbers), then `:LABEL` (`Person`).
///
/// ```sh
/// neo4j-admin database import full --nodes=org-nodes.csv --relationships=org.csv
/// ```
///
/// RFC 4180 quoting; fields with line breaks need the importer's
/// `--multiline-fields=true`. Lost: the network's name and
/// `strongTieThreshold`, community names and communities without members, an
/// attribute's empty value (the importer sets no property), a name holding
/// `;` in a list. Header names take no `:`, so one in an attribute key or a
/// result's name is written `_` (`tribe:1` is `tribe_1`); an attribute whose
/// name is then `personId`, `name`, `reportsTo`, `communities` or a result's
/// is written `attribute_KEY`.
///
/// - Complexity: O(*n* + *m* + *a* + *c*).
enum Neo4jWriter: FormatWriter {
  static func write(_ part: NetworkFilePart, _ context: WriteContext, to out: inout ChunkedOutput)
    throws
  {
    let network = context.network
    if part == .nodes {
      let columns = context.results?.columns ?? []
      let resultNames = columns.map { headerName($0.name) }
      let names = AttributeNames(
        network, reserved: Set(["personId", "name", "reportsTo", "communities"] + resultNames),
        results: nil, adjust: headerName
      ).names
      let table = PeopleTable(
        id: "personId:ID(Person)", name: "name", reportsTo: "reportsTo",
        communities: "communities:string[]", attributes: names,
        results: zip(columns, resultNames).map { $0.isInteger ? $1 + ":int" : $1 },
        constants: [(":LABEL", "Person")])
      try table.write(network, results: context.results, to: &out)
      return
    }
    let ties = network.ties
    out.append(
      ":START_ID(Person),:END_ID(Person),:TYPE,strength:float,mutual:boolean,contexts:string[]\n")
    var ends = TieEndBlock(network)
    for tie in 0..<ties.count {
      let (from, to) = ends.ids(of: tie)
      out.appendCSVField(from)
      out.append(",")
      out.appendCSVField(to)
      out.append(",TRUSTS,")
      out.append(number: ties.strength[tie])
      out.append(ties.mutual[tie] ? ",true," : ",false,")
      if !ties.contextSlots(of: tie).isEmpty { out.appendCSVField(ties.joinedContexts(of: tie)) }
      out.append("\n")
      try out.endRecord()
    }
  }

  /// `name` fit for a header: `:` (the type separator) becomes `_`.
  static func headerName(_ name: String) -> String {
    String(name.map { $0 == ":" ? "_" : $0 })
  }
}
