/// The `<key>` declarations of a GraphML file: each key's id, what it is
/// for (`node`, `edge`, `graph`, `all`), its `attr.name`, its type (one of
/// the six igraph knows: `boolean`, `int`, `long`, `float`, `double`,
/// `string`) and its `<default>`, and what trustmap reads it as.
///
/// ```swift
/// // <key id="d8" for="edge" attr.name="weight" attr.type="double"/>
/// keys.find(idBytes)  // the key's index; keys[i].edgeRole == .weight
/// ```
///
/// - Complexity: a look-up compares the id with each key's, O(*k*) for *k*
///   keys: files declare a handful, so no hashing per `<data>`.
struct GraphMLKeys {
  /// What a key's values are to trustmap, for one kind of element.
  enum Role: Equatable {
    /// A node's display name (`label`).
    case label
    case reportsTo
    /// Community ids joined with `;`.
    case communities
    /// A person attribute under the key's name (its number once interned).
    case attribute
    /// An edge's strength (`weight` or `strength`).
    case weight
    /// An edge's mutual flag.
    case mutual
    /// An edge's contexts, joined with `;`.
    case contexts
    /// The network's name.
    case name
    /// The network's `strongTieThreshold`.
    case threshold
    /// Not read.
    case ignored
  }

  /// The value types of GraphML keys.
  enum ValueType: String, CaseIterable {
    case boolean, int, long, float, double, string

    /// Whether `text` is a value of the type (white space around it allowed).
    func accepts(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
      switch self {
      case .string: return true
      case .boolean: return GraphMLKeys.boolean(text) != nil
      case .int, .long:
        let trimmed = trimmedXMLSpace(text)
        guard !trimmed.isEmpty else { return false }
        return trimmed.enumerated().allSatisfy { index, byte in
          (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (index == 0 && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")))
        } && (trimmed.count > 1 || trimmed[0] >= UInt8(ascii: "0"))
      case .float, .double:
        let trimmed = trimmedXMLSpace(text)
        return parseDecimal(trimmed) != nil
          || ["NaN", "INF", "-INF", "inf", "-inf", "nan"]
            .contains(String(decoding: trimmed, as: UTF8.self))
      }
    }
  }

  struct Key {
    var id: [UInt8]
    var name: String
    var type: ValueType
    var nodeRole: Role
    var edgeRole: Role
    var graphRole: Role
    /// For a node attribute, its key number once interned.
    var attributeKey: Int?
    var defaultValue: [UInt8]?
    /// Where the key was declared.
    var offset: Int
  }

  private(set) var keys: [Key] = []

  subscript(index: Int) -> Key {
    get { keys[index] }
    set { keys[index] = newValue }
  }

  var count: Int { keys.count }

  /// Declares a key; `domain` is its `for` (lowercase; `all` when absent).
  mutating func declare(
    id: [UInt8], domain: String, name: String, type: ValueType, offset: Int
  ) {
    let lower = name.lowercased()
    let forNodes = domain == "node" || domain == "all"
    let forEdges = domain == "edge" || domain == "all"
    let forGraph = domain == "graph" || domain == "all"
    var nodeRole = Role.ignored
    if forNodes {
      switch name {
      case "label": nodeRole = .label
      case "reportsTo": nodeRole = .reportsTo
      case "communities": nodeRole = .communities
      default: nodeRole = .attribute
      }
    }
    var edgeRole = Role.ignored
    if forEdges {
      switch lower {
      case "weight", "strength": edgeRole = .weight
      case "mutual": edgeRole = .mutual
      case "contexts", "context": edgeRole = .contexts
      default: edgeRole = .ignored
      }
    }
    var graphRole = Role.ignored
    if forGraph {
      if name == "name" { graphRole = .name }
      if name == "strongTieThreshold" { graphRole = .threshold }
    }
    keys.append(
      Key(
        id: id, name: name, type: type, nodeRole: nodeRole, edgeRole: edgeRole,
        graphRole: graphRole, offset: offset))
  }

  /// The index of the key whose id is `id`, the latest declared if several.
  func find(_ id: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = keys.count - 1
    while index >= 0 {
      if keys[index].id.elementsEqual(id) { return index }
      index -= 1
    }
    return nil
  }

  /// `true`, `false`, `1` or `0` (any case, white space around allowed), or `nil`.
  static func boolean(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
    let trimmed = trimmedXMLSpace(text)
    if asciiEqualsIgnoringCase(trimmed, "true") || asciiEqualsIgnoringCase(trimmed, "1") {
      return true
    }
    if asciiEqualsIgnoringCase(trimmed, "false") || asciiEqualsIgnoringCase(trimmed, "0") {
      return false
    }
    return nil
  }
}

/// `text` without the white space XML allows around a value (space, tab,
/// line feed, carriage return).
///
/// ```swift
/// trimmedXMLSpace(bytes(" 0.5\n"))  // "0.5"
/// ```
///
/// - Complexity: O(*k*) at most, usually O(1).
func trimmedXMLSpace(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
  var start = 0
  var end = text.count
  func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
  while start < end && isSpace(text[start]) { start += 1 }
  while end > start && isSpace(text[end - 1]) { end -= 1 }
  return UnsafeBufferPointer(rebasing: text[start..<end])
}
