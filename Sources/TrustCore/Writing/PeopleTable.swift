/// The people as a CSV table, one row per person in file order, shared by
/// the CSV, Neo4j and GraphFrames writers, which differ only in their
/// headers: the id, the display name, the manager's id, optionally the
/// communities (ids joined with `;`), each attribute (empty when the person
/// lacks it), each result, and optionally constant columns at the end (Neo4j's
/// `:LABEL`).
///
/// ```swift
/// let layout = PeopleTable(id: "Id", name: "Label", reportsTo: "ReportsTo", communities: nil,
///                          attributes: ["team"], results: [])
/// try layout.write(network, results: nil, to: &out)
/// // Id,Label,ReportsTo,team
/// // ana,Ana,ceo,design
/// ```
///
/// - Complexity: O(*n* + *a* + *c*).
struct PeopleTable {
  /// The headers of the id, name and manager columns.
  var id: String
  var name: String
  var reportsTo: String
  /// The header of the communities column, or `nil` for none.
  var communities: String?
  /// The headers of the attribute columns, one per attribute key.
  var attributes: [String]
  /// The headers of the result columns, one per result column.
  var results: [String]
  /// Columns with the same value on every row, after the others.
  var constants: [(header: String, value: String)] = []

  /// Writes the header row and one row per person.
  func write(_ network: TrustNetwork, results values: NodeResults?, to out: inout ChunkedOutput)
    throws
  {
    let people = network.people
    let headers =
      [id, name, reportsTo] + (communities.map { [$0] } ?? []) + attributes + results
      + constants.map(\.header)
    for (position, header) in headers.enumerated() {
      if position > 0 { out.append(",") }
      out.appendCSVField(header)
    }
    out.append("\n")
    let membership = communities == nil ? nil : CommunityMembership(network)
    var row = AttributeRow(people)
    let constantText = constants.map(\.value).map { Array($0.utf8) }
    for person in 0..<people.count {
      out.appendCSVField(people.ids.utf8(person))
      out.append(",")
      out.appendCSVField(people.name(of: person))
      out.append(",")
      let manager = people.reportsTo[person]
      if manager >= 0 { out.appendCSVField(people.ids.utf8(Int(manager))) }
      if let membership {
        out.append(",")
        out.appendCSVField(membership.joinedIDs(of: person))
      }
      row.load(person: person)
      for code in row.codes {
        out.append(",")
        if code >= 0 { out.appendCSVField(row.value(code)) }
      }
      for column in values?.columns ?? [] {
        out.append(",")
        switch column.values {
        case .integers(let values): out.append(Int(values[person]))
        case .texts(let values): out.appendCSVField(values[person])
        }
      }
      for text in constantText {
        out.append(",")
        out.appendCSVField(text)
      }
      out.append("\n")
      try out.endRecord()
    }
  }
}
