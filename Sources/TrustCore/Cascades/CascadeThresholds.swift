/// Each person's speaking threshold: one for everyone, or per person from an
/// attribute whose value is a number from 0 to 1 (people without it get the
/// one for everyone).
///
/// ```swift
/// let thresholds = try CascadeThresholds.of(network, default: 0.25, attribute: "speakUp")
/// ```
enum CascadeThresholds {
  /// The thresholds, in person order.
  ///
  /// - Throws: ``TrustQueryError/Code/invalidInput`` naming the person's
  ///   attribute (its path in the file) for a value that is not a number
  ///   from 0 to 1; ``TrustQueryError/Code/unknownAttribute`` for an
  ///   attribute no one has.
  static func of(_ network: TrustNetwork, default threshold: Double, attribute: String?)
    throws(TrustQueryError) -> [Double]
  {
    var thresholds = [Double](repeating: threshold, count: network.people.count)
    guard let attribute else { return thresholds }
    guard network.attributeKeys.contains(attribute) else {
      let keys = network.attributeKeys
      let context =
        keys.isEmpty
        ? "the network has no attributes"
        : "the network's attributes: \(keys.joined(separator: ", "))"
      throw TrustQueryError(
        code: .unknownAttribute, name: attribute,
        closestMatch: closestCandidate(to: attribute, among: keys),
        message: "unknown attribute '\(attribute)' (\(context))", context: context)
    }
    let column = network.people.attributeColumn(attribute)
    // Each value parsed once, then every holder gets it.
    var parsed = [Double?](repeating: nil, count: column.values.count)
    for (index, text) in column.values.enumerated() {
      if let value = Double(text), value.isFinite, value >= 0, value <= 1 { parsed[index] = value }
    }
    for (person, code) in column.codes.enumerated() where code >= 0 {
      guard let value = parsed[Int(code)] else {
        let path = "people[\(person)].attributes.\(attribute)"
        throw TrustQueryError(
          code: .invalidInput, name: column.values[Int(code)], closestMatch: nil,
          message:
            "\(path): a threshold must be a number from 0 to 1, not '\(column.values[Int(code)])'",
          setting: "thresholdBy", expected: "a number from 0 to 1", context: path)
      }
      thresholds[person] = value
    }
    return thresholds
  }
}
