/// Writes trustmap's own JSON (format version 1, docs/design.md, 'The
/// network file'), laid out as `Examples/org.json` is: one person, tie or
/// community per line.
///
/// It loses nothing: the name, `strongTieThreshold`, every person's id, name
/// (when the file gave one), attributes (in the person's own order; numbers
/// and booleans as the strings of their text, which read back as the same
/// values), `reportsTo`; every tie record with its strength (the shortest
/// text that reads back as the same number), `mutual` and contexts; every
/// community with its name and members. Reading the output gives the same
/// network. Results (``NodeResults``) are not written: the format has no place
/// for them.
///
/// ```json
/// {
///   "trustmap": 1,
///   "name": "Northwind Studio",
///   "people": [
///     {"id": "ana", "name": "Ana", "attributes": {"team": "design"}, "reportsTo": "ceo"}
///   ],
///   "ties": [
///     {"from": "ana", "to": "bo", "strength": 0.9, "mutual": true, "contexts": ["work"]}
///   ],
///   "communities": []
/// }
/// ```
///
/// - Complexity: O(*n* + *m* + *a* + *c*).
enum TrustJSONWriter: FormatWriter {
  static func write(_ part: NetworkFilePart, _ context: WriteContext, to out: inout ChunkedOutput)
    throws
  {
    let network = context.network
    let people = network.people
    out.append("{\n  \"trustmap\": 1,\n")
    if let name = network.name {
      out.append("  \"name\": ")
      out.appendJSONString(name)
      out.append(",\n")
    }
    if let threshold = network.strongTieThreshold {
      out.append("  \"strongTieThreshold\": ")
      out.append(number: threshold)
      out.append(",\n")
    }
    out.append("  \"people\": [")
    for person in 0..<people.count {
      out.append(person == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ")
      out.appendJSONString(people.ids.utf8(person))
      let slot = people.nameSlot[person]
      if slot >= 0 {
        out.append(", \"name\": ")
        out.appendJSONString(people.names[Int(slot)])
      }
      let attributes = people.attributeOffsets[person]..<people.attributeOffsets[person + 1]
      if !attributes.isEmpty {
        out.append(", \"attributes\": {")
        for slot in attributes {
          if slot != attributes.lowerBound { out.append(", ") }
          out.appendJSONString(people.attributeKeys.utf8(Int(people.attributeKey[slot])))
          out.append(": ")
          out.appendJSONString(people.attributeValues.utf8(Int(people.attributeValue[slot])))
        }
        out.append("}")
      }
      let manager = people.reportsTo[person]
      if manager >= 0 {
        out.append(", \"reportsTo\": ")
        out.appendJSONString(people.ids.utf8(Int(manager)))
      }
      out.append("}")
      try out.endRecord()
    }
    out.append(people.isEmpty ? "],\n" : "\n  ],\n")
    try writeTies(network, to: &out)
    try writeCommunities(network, to: &out)
    out.append("}\n")
  }

  private static func writeTies(_ network: TrustNetwork, to out: inout ChunkedOutput) throws {
    let ties = network.ties
    out.append("  \"ties\": [")
    var ends = TieEndBlock(network)
    for tie in 0..<ties.count {
      let (from, to) = ends.ids(of: tie)
      out.append(tie == 0 ? "\n    {\"from\": " : ",\n    {\"from\": ")
      out.appendJSONString(from)
      out.append(", \"to\": ")
      out.appendJSONString(to)
      out.append(", \"strength\": ")
      out.append(number: ties.strength[tie])
      if ties.mutual[tie] { out.append(", \"mutual\": true") }
      let contexts = ties.contextSlots(of: tie)
      if !contexts.isEmpty {
        out.append(", \"contexts\": [")
        for slot in contexts {
          if slot != contexts.lowerBound { out.append(", ") }
          out.appendJSONString(ties.contextName(at: slot))
        }
        out.append("]")
      }
      out.append("}")
      try out.endRecord()
    }
    out.append(ties.isEmpty ? "],\n" : "\n  ],\n")
  }

  private static func writeCommunities(_ network: TrustNetwork, to out: inout ChunkedOutput)
    throws
  {
    let communities = network.indexedCommunities
    let ids = network.people.ids
    out.append("  \"communities\": [")
    for (index, community) in communities.enumerated() {
      out.append(index == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ")
      out.appendJSONString(community.id)
      if community.name != community.id {
        out.append(", \"name\": ")
        out.appendJSONString(community.name)
      }
      out.append(", \"members\": [")
      for (position, member) in community.members.enumerated() {
        if position > 0 { out.append(", ") }
        out.appendJSONString(ids.utf8(Int(member)))
      }
      out.append("]}")
      try out.endRecord()
    }
    out.append(communities.isEmpty ? "]\n" : "\n  ]\n")
  }
}
