/// Writes GraphML as networkx (`read_graphml`), igraph (`Graph.Read_GraphML`),
/// Gephi and yEd read it: the GraphML namespace declared, `edgedefault="directed"`,
/// one `<node>` per person and one `<edge>` per tie record (parallel edges
/// allowed), and data keys of the six types igraph knows only (`boolean`,
/// `int`, `long`, `float`, `double`, `string`; trustmap uses `string`,
/// `double`, `boolean` and `int`).
///
/// - graph data: `name`, `strongTieThreshold` (when the file has them);
/// - node data: `label` (the display name), `reportsTo`, `communities` (the
///   ids of the person's communities joined with `;`), the attributes
///   (strings, under their own keys), the results (`int`, or `string` for `group`);
/// - edge data: `weight` (the strength, `double`), `mutual` (`boolean`),
///   `contexts` (joined with `;`; absent for general trust).
///
/// Node ids are the person ids, edge ids `e0`, `e1`, … in file order. Names
/// are text, never markup (``XMLText``): characters XML 1.0 cannot hold become
/// U+FFFD. Lost: community names and communities without members (the
/// communities read back come in the order of their earliest member); a
/// context name holding `;`. An empty attribute value is written as empty
/// data (networkx reads it as none). An attribute whose key is
/// `label`, `reportsTo`, `communities` or a result's name is written as
/// `attribute:KEY`.
///
/// ```xml
/// <graph id="G" edgedefault="directed">
///   <node id="ana"><data key="d2">Ana</data><data key="d5">design</data></node>
///   <edge id="e0" source="ana" target="bo"><data key="d9">0.9</data><data key="d10">true</data></edge>
/// </graph>
/// ```
///
/// - Complexity: O(*n* + *m* + *a* + *c*).
enum GraphMLWriter: FormatWriter {
  static func write(_ part: NetworkFilePart, _ context: WriteContext, to out: inout ChunkedOutput)
    throws
  {
    let network = context.network
    let people = network.people
    let membership = CommunityMembership(network)
    let hasManagers = people.reportsTo.contains { $0 >= 0 }
    let names = AttributeNames(
      network, reserved: ["label", "reportsTo", "communities"], results: context.results
    ).names
    out.append(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
      http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

      """)
    // Keys d0, d1, … in the order declared.
    var keyCount = 0
    func key(_ domain: StaticString, _ name: String, _ type: StaticString) -> [UInt8] {
      let id = Array("d\(keyCount)".utf8)
      keyCount += 1
      out.append("  <key id=\"")
      out.append(bytes: id)
      out.append("\" for=\"")
      out.append(domain)
      out.append("\" attr.name=\"")
      out.appendXML(name)
      out.append("\" attr.type=\"")
      out.append(type)
      out.append("\"/>\n")
      return id
    }
    let nameKey = network.name.map { _ in key("graph", "name", "string") }
    let thresholdKey = network.strongTieThreshold.map { _ in
      key("graph", "strongTieThreshold", "double")
    }
    let labelKey = key("node", "label", "string")
    let managerKey = hasManagers ? key("node", "reportsTo", "string") : nil
    let communitiesKey = membership.isEmpty ? nil : key("node", "communities", "string")
    let attributeKeys = names.map { key("node", $0, "string") }
    let resultKeys = (context.results?.columns ?? []).map {
      key("node", $0.name, $0.isInteger ? "int" : "string")
    }
    let weightKey = key("edge", "weight", "double")
    let mutualKey = key("edge", "mutual", "boolean")
    let contextsKey = key("edge", "contexts", "string")
    out.append("  <graph id=\"G\" edgedefault=\"directed\">\n")
    if let nameKey, let name = network.name {
      data(nameKey, indent: true, to: &out) { $0.appendXML(name) }
    }
    if let thresholdKey, let threshold = network.strongTieThreshold {
      data(thresholdKey, indent: true, to: &out) { $0.append(number: threshold) }
    }
    var row = AttributeRow(people)
    for person in 0..<people.count {
      out.append("    <node id=\"")
      out.appendXML(people.ids.utf8(person))
      out.append("\">")
      data(labelKey, to: &out) { $0.appendXML(people.name(of: person)) }
      let manager = people.reportsTo[person]
      if let managerKey, manager >= 0 {
        data(managerKey, to: &out) { $0.appendXML(people.ids.utf8(Int(manager))) }
      }
      if let communitiesKey, !membership.communities(of: person).isEmpty {
        data(communitiesKey, to: &out) { $0.appendXML(membership.joinedIDs(of: person)) }
      }
      row.load(person: person)
      for (key, code) in row.codes.enumerated() where code >= 0 {
        data(attributeKeys[key], to: &out) { $0.appendXML(row.value(code)) }
      }
      for (column, key) in zip(context.results?.columns ?? [], resultKeys) {
        data(key, to: &out) { out in
          switch column.values {
          case .integers(let values): out.append(Int(values[person]))
          case .texts(let values): out.appendXML(values[person])
          }
        }
      }
      out.append("</node>\n")
      try out.endRecord()
    }
    let ties = network.ties
    var ends = TieEndBlock(network)
    for tie in 0..<ties.count {
      let (from, to) = ends.ids(of: tie)
      out.append("    <edge id=\"e")
      out.append(tie)
      out.append("\" source=\"")
      out.appendXML(from)
      out.append("\" target=\"")
      out.appendXML(to)
      out.append("\">")
      data(weightKey, to: &out) { $0.append(number: ties.strength[tie]) }
      data(mutualKey, to: &out) { $0.append(ties.mutual[tie] ? "true" : "false") }
      if !ties.contextSlots(of: tie).isEmpty {
        data(contextsKey, to: &out) { $0.appendXML(ties.joinedContexts(of: tie)) }
      }
      out.append("</edge>\n")
      try out.endRecord()
    }
    out.append("  </graph>\n</graphml>\n")
  }

  /// `<data key="KEY">…</data>`, the value written by `value`.
  private static func data(
    _ key: [UInt8], indent: Bool = false, to out: inout ChunkedOutput,
    _ value: (inout ChunkedOutput) -> Void
  ) {
    out.append(indent ? "    <data key=\"" : "<data key=\"")
    out.append(bytes: key)
    out.append("\">")
    value(&out)
    out.append(indent ? "</data>\n" : "</data>")
  }
}
