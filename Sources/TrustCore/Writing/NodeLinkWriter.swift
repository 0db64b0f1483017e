/// Writes networkx's node-link JSON, which `networkx.node_link_graph` reads
/// (networkx 3.4 and later: the ties under `edges`), as a directed
/// multigraph: one node per person, one edge per tie record.
///
/// - graph: `name`, `strongTieThreshold` (when the file has them) and
///   `communities` (every community's `id`, `name` and `members`);
/// - a node: `id`, `label` (the display name), the person's attributes as
///   strings under their own keys, `reportsTo`, and the results (numbers for
///   whole numbers);
/// - an edge: `source`, `target`, `weight` (the strength), `mutual` (a bool)
///   and `contexts` (a list; empty for general trust).
///
/// It loses nothing but the distinction between a name the file gave and one
/// equal to the id. An attribute whose key is `id`, `label`, `reportsTo` or a
/// result's name is written as `attribute:KEY`.
///
/// ```json
/// {"directed": true, "multigraph": true,
///  "graph": {"name": "Studio", "communities": [{"id": "guild", "name": "Guild", "members": ["ana"]}]},
///  "nodes": [
///   {"id": "ana", "label": "Ana", "team": "design"}],
///  "edges": [
///   {"source": "ana", "target": "bo", "weight": 0.9, "mutual": true, "contexts": ["work"]}]}
/// ```
///
/// - Complexity: O(*n* + *m* + *a* + *c*).
enum NodeLinkWriter: FormatWriter {
  static func write(_ part: NetworkFilePart, _ context: WriteContext, to out: inout ChunkedOutput)
    throws
  {
    let network = context.network
    let people = network.people
    let results = context.results
    let names = AttributeNames(network, reserved: ["id", "label", "reportsTo"], results: results)
      .names.map { Array($0.utf8) }
    out.append("{\"directed\": true, \"multigraph\": true,\n \"graph\": {")
    if let name = network.name {
      out.append("\"name\": ")
      out.appendJSONString(name)
      out.append(", ")
    }
    if let threshold = network.strongTieThreshold {
      out.append("\"strongTieThreshold\": ")
      out.append(number: threshold)
      out.append(", ")
    }
    out.append("\"communities\": [")
    for (index, community) in network.indexedCommunities.enumerated() {
      out.append(index == 0 ? "{\"id\": " : ", {\"id\": ")
      out.appendJSONString(community.id)
      out.append(", \"name\": ")
      out.appendJSONString(community.name)
      out.append(", \"members\": [")
      for (position, member) in community.members.enumerated() {
        if position > 0 { out.append(", ") }
        out.appendJSONString(people.ids.utf8(Int(member)))
      }
      out.append("]}")
      try out.endRecord()
    }
    out.append("]},\n \"nodes\": [")
    var row = AttributeRow(people)
    for person in 0..<people.count {
      out.append(person == 0 ? "\n  {\"id\": " : ",\n  {\"id\": ")
      out.appendJSONString(people.ids.utf8(person))
      out.append(", \"label\": ")
      out.appendJSONString(people.name(of: person))
      row.load(person: person)
      for (key, code) in row.codes.enumerated() where code >= 0 {
        out.append(", ")
        out.appendJSONString(names[key])
        out.append(": ")
        out.appendJSONString(row.value(code))
      }
      let manager = people.reportsTo[person]
      if manager >= 0 {
        out.append(", \"reportsTo\": ")
        out.appendJSONString(people.ids.utf8(Int(manager)))
      }
      for column in results?.columns ?? [] {
        out.append(", ")
        out.appendJSONString(column.name)
        out.append(": ")
        switch column.values {
        case .integers(let values): out.append(Int(values[person]))
        case .texts(let values): out.appendJSONString(values[person])
        }
      }
      out.append("}")
      try out.endRecord()
    }
    out.append("],\n \"edges\": [")
    let ties = network.ties
    var ends = TieEndBlock(network)
    for tie in 0..<ties.count {
      let (from, to) = ends.ids(of: tie)
      out.append(tie == 0 ? "\n  {\"source\": " : ",\n  {\"source\": ")
      out.appendJSONString(from)
      out.append(", \"target\": ")
      out.appendJSONString(to)
      out.append(", \"weight\": ")
      out.append(number: ties.strength[tie])
      out.append(
        ties.mutual[tie]
          ? ", \"mutual\": true, \"contexts\": [" : ", \"mutual\": false, \"contexts\": [")
      let contexts = ties.contextSlots(of: tie)
      for slot in contexts {
        if slot != contexts.lowerBound { out.append(", ") }
        out.appendJSONString(ties.contextName(at: slot))
      }
      out.append("]}")
      try out.endRecord()
    }
    out.append("]}\n")
  }
}
