/// A value that writes itself as JSON: the one place its JSON shape (keys,
/// their order, what is `null`) is declared, for the command line's
/// `--format json` and for Swift callers alike.
///
/// ```swift
/// struct Pair: JSONEncodable {
///   var person: String
///   var share: Double?
///   func encode(to json: inout JSONWriter) {
///     json.object { json in
///       json.field("person", person)
///       json.field("share", share)
///     }
///   }
/// }
/// print(Pair(person: "ana", share: nil).jsonText)  // {"person":"ana","share":null}
/// ```
public protocol JSONEncodable {
  /// Writes the value as one JSON value.
  func encode(to json: inout JSONWriter)
}

extension JSONEncodable {
  /// The value as a compact JSON document.
  ///
  /// - Complexity: O(*n*) in the length of the output.
  public var jsonText: String {
    var json = JSONWriter()
    encode(to: &json)
    return json.output
  }
}

/// Values listed in order under keys (ids, attribute names): the Swift side
/// of a JSON object whose keys come in a meaningful order, such as the
/// introducers of each second-degree person in file order.
///
/// ```swift
/// let introducers = reach.introducers
/// introducers["gil"]          // ["hana"]
/// introducers.keys            // ["ceo", "bo", "cy", "eli", "gil"], in file order
/// for (person, through) in introducers { print(person, through) }
/// ```
///
/// - Complexity: look-up by key O(1) expected; building O(*n*).
public struct KeyedList<Value: Sendable & Hashable>: Sendable, Hashable, RandomAccessCollection {
  /// The keys, in order.
  public let keys: [String]
  /// The values, beside ``keys``.
  public let values: [Value]
  private let positions: [String: Int]

  /// Pairs `keys` with `values` (the same count; a repeated key keeps its first value for look-ups).
  public init(keys: [String], values: [Value]) {
    precondition(keys.count == values.count, "one value per key")
    self.keys = keys
    self.values = values
    var positions: [String: Int] = [:]
    positions.reserveCapacity(keys.count)
    for (position, key) in keys.enumerated() where positions[key] == nil {
      positions[key] = position
    }
    self.positions = positions
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { keys.count }

  /// The key and value at `position`.
  public subscript(position: Int) -> (key: String, value: Value) {
    (keys[position], values[position])
  }

  /// The value under `key`, or `nil`.
  public subscript(key: String) -> Value? {
    positions[key].map { values[$0] }
  }
}

extension KeyedList: JSONEncodable where Value: JSONEncodable {
  /// An object with the keys in order.
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      for (key, value) in zip(keys, values) { json.field(key, value) }
    }
  }
}

extension Array: JSONEncodable where Element: JSONEncodable {
  /// An array of the elements' own shapes.
  public func encode(to json: inout JSONWriter) {
    json.array { json in
      for element in self { element.encode(to: &json) }
    }
  }
}

extension String: JSONEncodable {
  /// A JSON string, escaped.
  public func encode(to json: inout JSONWriter) { json.string(self) }
}

extension Int: JSONEncodable {
  /// A JSON integer.
  public func encode(to json: inout JSONWriter) { json.int(self) }
}

extension UInt64: JSONEncodable {
  /// A JSON integer (seeds go up to 2^64 − 1, past what `Int` holds).
  public func encode(to json: inout JSONWriter) { json.unsigned(self) }
}

extension Double: JSONEncodable {
  /// A JSON number (`0.0` for zero; `null` when not finite).
  public func encode(to json: inout JSONWriter) { json.number(self) }
}

extension Bool: JSONEncodable {
  /// `true` or `false`.
  public func encode(to json: inout JSONWriter) { json.bool(self) }
}

extension Optional: JSONEncodable where Wrapped: JSONEncodable {
  /// The wrapped value, or `null`.
  public func encode(to json: inout JSONWriter) {
    if let value = self { value.encode(to: &json) } else { json.null() }
  }
}
