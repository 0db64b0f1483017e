/// The names a format writes the people's attributes under: each attribute
/// key as it is, unless the format uses that name itself (GraphML's `label`,
/// a CSV's `Id`, a result column such as `tribe`), or it is empty: then
/// `attribute:` goes before it, as often as it takes to be unique.
///
/// ```swift
/// // A network with attributes "team", "label" and "tribe", written with results:
/// AttributeNames(network, reserved: ["label", "reportsTo"], results: results).names
/// // ["team", "attribute:label", "attribute:tribe"]
/// ```
///
/// - Complexity: O(*k* + *r*) for *k* attribute keys and *r* reserved names.
struct AttributeNames {
  /// The written name of each attribute key, in order of first appearance in the file.
  let names: [String]

  /// Names for `network`'s attributes that avoid `reserved` and the names of
  /// `results`' columns; with `ignoringCase`, names that differ from a
  /// reserved one only in case avoid it too (for CSV readers that match
  /// headers without case). `adjust` makes a name fit the format first
  /// (Neo4j headers take no `:`).
  init(
    _ network: TrustNetwork, reserved: Set<String>, results: NodeResults?,
    ignoringCase: Bool = false, adjust: (String) -> String = { $0 }
  ) {
    let fold: (String) -> String = ignoringCase ? { $0.lowercased() } : { $0 }
    var taken = Set((reserved.union(results?.columns.map(\.name) ?? [])).map(fold))
    var names: [String] = []
    for key in network.attributeKeys {
      var name = adjust(key)
      while name.isEmpty || taken.contains(fold(name)) { name = adjust("attribute:" + name) }
      taken.insert(fold(name))
      names.append(name)
    }
    self.names = names
  }
}
