/// Writes CSV with Gephi's column names (its spreadsheet import), in two or
/// three files (``NetworkWriter/parts(for:)``):
///
/// - the ties (the main file): `Source,Target,Type,Id,Weight,Contexts`, one
///   row per tie record in file order; `Type` is `Undirected` for a mutual
///   record and `Directed` otherwise, `Id` the record's number from 0,
///   `Weight` the strength, `Contexts` the contexts joined with `;`;
/// - the people (`-people`): `Id,Label,ReportsTo`, then one column per
///   attribute in order of first appearance, then the results;
/// - the communities (`-communities`, when there are some):
///   `Community,Name,Member`, one row per member.
///
/// RFC 4180 quoting (``ChunkedOutput/appendCSVField(_:)``), lines ending in a
/// line feed. Lost: the network's name and `strongTieThreshold`, an
/// attribute's empty value (read as none), communities without members, a
/// context name holding `;`. Column names are matched without case when read,
/// so an attribute called `id`, `label`, `name`, `reportsTo` or `manager` (in
/// any case), or a result's name, is written as `attribute:KEY`.
///
/// ```
/// Source,Target,Type,Id,Weight,Contexts
/// ana,bo,Undirected,0,0.9,work
/// ```
///
/// - Complexity: O(*n* + *m* + *a* + *c*).
enum CSVNetworkWriter: FormatWriter {
  static func write(_ part: NetworkFilePart, _ context: WriteContext, to out: inout ChunkedOutput)
    throws
  {
    let network = context.network
    switch part {
    case .nodes:
      let names = AttributeNames(
        network, reserved: ["id", "label", "name", "reportsto", "manager"],
        results: context.results, ignoringCase: true
      ).names
      let table = PeopleTable(
        id: "Id", name: "Label", reportsTo: "ReportsTo", communities: nil, attributes: names,
        results: context.results?.columns.map(\.name) ?? [])
      try table.write(network, results: context.results, to: &out)
    case .communities:
      out.append("Community,Name,Member\n")
      for community in network.indexedCommunities {
        let id = Array(community.id.utf8)
        let name = Array(community.name.utf8)
        for member in community.members {
          out.appendCSVField(id)
          out.append(",")
          out.appendCSVField(name)
          out.append(",")
          out.appendCSVField(network.people.ids.utf8(Int(member)))
          out.append("\n")
          try out.endRecord()
        }
      }
    default:
      let ties = network.ties
      out.append("Source,Target,Type,Id,Weight,Contexts\n")
      var ends = TieEndBlock(network)
      for tie in 0..<ties.count {
        let (from, to) = ends.ids(of: tie)
        out.appendCSVField(from)
        out.append(",")
        out.appendCSVField(to)
        out.append(ties.mutual[tie] ? ",Undirected," : ",Directed,")
        out.append(tie)
        out.append(",")
        out.append(number: ties.strength[tie])
        out.append(",")
        if !ties.contextSlots(of: tie).isEmpty { out.appendCSVField(ties.joinedContexts(of: tie)) }
        out.append("\n")
        try out.endRecord()
      }
    }
  }
}
