/// Writes GEXF as Gephi and networkx (`read_gexf`) read it: GEXF 1.2draft by
/// default, or 1.3 with the specification's namespace (`http://gexf.net/1.3`;
/// ``WriteOptions/gexfVersion``), a static directed graph, one `<node>` per
/// person and one `<edge>` per tie record.
///
/// - a node: `id`, `label` (the display name), and attribute values:
///   `reportsTo`, `communities` (ids joined with `;`), the attributes
///   (`string`), the results (`integer`, or `string` for `group`); with
///   results, a `viz:color` in r/g/b (both versions: networkx reads no other
///   form): by group (in red, near orange, out grey) when there is one, else
///   by level-0 tribe, from a ten-colour palette;
/// - an edge: `id` (0, 1, … in file order), `source`, `target`, `weight`
///   (the strength), `type="mutual"` for a mutual record (GEXF's own word for
///   both directions; networkx reads it as two edges), and a `contexts` value
///   (joined with `;`; absent for general trust).
///
/// The network's name is the `<meta>` description. Names are text, never
/// markup (``XMLText``). Lost: `strongTieThreshold`, community names and
/// communities without members, a context name holding `;`. An attribute
/// whose key is `reportsTo`, `communities` or a result's name is written as
/// `attribute:KEY`.
///
/// ```xml
/// <node id="ana" label="Ana"><attvalues><attvalue for="2" value="design"/></attvalues></node>
/// <edge id="0" source="ana" target="bo" type="mutual" weight="0.9"><attvalues>…</attvalues></edge>
/// ```
///
/// - Complexity: O(*n* + *m* + *a* + *c*).
enum GEXFWriter: FormatWriter {
  /// The colours of tribes 1, 2, … (cycled), as r, g, b.
  static let palette: [(UInt8, UInt8, UInt8)] = [
    (31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
    (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207),
  ]
  /// The colours of the in, near and out groups.
  static let inColour: (UInt8, UInt8, UInt8) = (214, 39, 40)
  static let nearColour: (UInt8, UInt8, UInt8) = (255, 127, 14)
  static let outColour: (UInt8, UInt8, UInt8) = (199, 199, 199)

  static func write(_ part: NetworkFilePart, _ context: WriteContext, to out: inout ChunkedOutput)
    throws
  {
    let network = context.network
    let people = network.people
    let membership = CommunityMembership(network)
    let results = context.results?.columns ?? []
    let names = AttributeNames(
      network, reserved: ["reportsTo", "communities"], results: context.results
    ).names
    switch context.options.gexfVersion {
    case .version12Draft:
      out.append(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" \
        version="1.2">

        """)
    case .version13:
      out.append(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">

        """)
    }
    out.append("  <meta>\n    <creator>trustmap</creator>\n")
    if let name = network.name {
      out.append("    <description>")
      out.appendXML(name)
      out.append("</description>\n")
    }
    out.append("  </meta>\n  <graph mode=\"static\" defaultedgetype=\"directed\">\n")
    // Node attributes 0, 1, … in the order declared.
    var declared: [(title: String, type: StaticString)] = []
    let hasManagers = people.reportsTo.contains { $0 >= 0 }
    let managerID = hasManagers ? declared.count : -1
    if hasManagers { declared.append(("reportsTo", "string")) }
    let communitiesID = membership.isEmpty ? -1 : declared.count
    if !membership.isEmpty { declared.append(("communities", "string")) }
    let firstAttributeID = declared.count
    declared += names.map { ($0, "string") }
    let firstResultID = declared.count
    declared += results.map { ($0.name, $0.isInteger ? "integer" : "string") }
    out.append("    <attributes class=\"node\" mode=\"static\">\n")
    for (id, attribute) in declared.enumerated() {
      out.append("      <attribute id=\"")
      out.append(id)
      out.append("\" title=\"")
      out.appendXML(attribute.title)
      out.append("\" type=\"")
      out.append(attribute.type)
      out.append("\"/>\n")
    }
    out.append("    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n")
    out.append("      <attribute id=\"0\" title=\"contexts\" type=\"string\"/>\n")
    out.append("    </attributes>\n    <nodes>\n")
    let colour = colouring(results)
    var row = AttributeRow(people)
    for person in 0..<people.count {
      out.append("      <node id=\"")
      out.appendXML(people.ids.utf8(person))
      out.append("\" label=\"")
      out.appendXML(people.name(of: person))
      out.append("\">")
      let manager = people.reportsTo[person]
      row.load(person: person)
      let hasValues =
        manager >= 0 || !membership.communities(of: person).isEmpty || !results.isEmpty
        || row.codes.contains { $0 >= 0 }
      if hasValues { out.append("<attvalues>") }
      if hasManagers, manager >= 0 {
        attvalue(managerID, to: &out) { $0.appendXML(people.ids.utf8(Int(manager))) }
      }
      if communitiesID >= 0, !membership.communities(of: person).isEmpty {
        attvalue(communitiesID, to: &out) { $0.appendXML(membership.joinedIDs(of: person)) }
      }
      for (key, code) in row.codes.enumerated() where code >= 0 {
        attvalue(firstAttributeID + key, to: &out) { $0.appendXML(row.value(code)) }
      }
      for (index, column) in results.enumerated() {
        attvalue(firstResultID + index, to: &out) { out in
          switch column.values {
          case .integers(let values): out.append(Int(values[person]))
          case .texts(let values): out.appendXML(values[person])
          }
        }
      }
      if hasValues { out.append("</attvalues>") }
      if let (r, g, b) = colour(person) {
        out.append("<viz:color r=\"")
        out.append(Int(r))
        out.append("\" g=\"")
        out.append(Int(g))
        out.append("\" b=\"")
        out.append(Int(b))
        out.append("\"/>")
      }
      out.append("</node>\n")
      try out.endRecord()
    }
    out.append("    </nodes>\n    <edges>\n")
    let ties = network.ties
    var ends = TieEndBlock(network)
    for tie in 0..<ties.count {
      let (from, to) = ends.ids(of: tie)
      out.append("      <edge id=\"")
      out.append(tie)
      out.append("\" source=\"")
      out.appendXML(from)
      out.append("\" target=\"")
      out.appendXML(to)
      out.append(ties.mutual[tie] ? "\" type=\"mutual\" weight=\"" : "\" weight=\"")
      out.append(number: ties.strength[tie])
      if ties.contextSlots(of: tie).isEmpty {
        out.append("\"/>\n")
      } else {
        out.append("\"><attvalues>")
        attvalue(0, to: &out) { $0.appendXML(ties.joinedContexts(of: tie)) }
        out.append("</attvalues></edge>\n")
      }
      try out.endRecord()
    }
    out.append("    </edges>\n  </graph>\n</gexf>\n")
  }

  /// `<attvalue for="ID" value="…"/>`, the value written by `value`.
  private static func attvalue(
    _ id: Int, to out: inout ChunkedOutput, _ value: (inout ChunkedOutput) -> Void
  ) {
    out.append("<attvalue for=\"")
    out.append(id)
    out.append("\" value=\"")
    value(&out)
    out.append("\"/>")
  }

  /// Each person's colour: by the `group` result when there is one, else by
  /// the `tribe` result; none without results.
  private static func colouring(_ results: [NodeResults.Column])
    -> (Int) -> (UInt8, UInt8, UInt8)?
  {
    if let group = results.first(where: { $0.name == "group" }),
      case .texts(let values) = group.values
    {
      return { person in
        switch values[person] {
        case "in": return inColour
        case "near": return nearColour
        default: return outColour
        }
      }
    }
    if let tribe = results.first(where: { $0.name == "tribe" }),
      case .integers(let values) = tribe.values
    {
      return { person in
        let tribe = max(0, Int(values[person]) - 1)
        return palette[tribe % palette.count]
      }
    }
    return { _ in nil }
  }
}
