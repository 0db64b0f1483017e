/// Builds a ``TrustNetwork`` in code, with the same checks as a file: unknown
/// ids, duplicate ids, strengths outside [0, 1], reports-to cycles.
///
/// ```swift
/// var builder = TrustNetworkBuilder(name: "Book club")
/// builder.addPerson("ana", attributes: ["team": "design"])
/// builder.addPerson("bo", reportsTo: "ana")
/// builder.addTie(from: "ana", to: "bo", strength: 0.9, mutual: true)
/// builder.addCommunity("readers", members: ["ana"])
/// let network = try builder.build()
/// ```
///
/// - Complexity: O(*n* + *m*) to build.
public struct TrustNetworkBuilder: Sendable {
  private var people: [String] = []
  private var ties: [String] = []
  private var communities: [String] = []
  private let name: String?
  private let strongTieThreshold: Double?

  /// Starts an empty network.
  public init(name: String? = nil, strongTieThreshold: Double? = nil) {
    self.name = name
    self.strongTieThreshold = strongTieThreshold
  }

  /// Adds a person; `name` defaults to the id.
  public mutating func addPerson(
    _ id: String, name: String? = nil, attributes: [String: String] = [:], reportsTo: String? = nil
  ) {
    var json = JSONWriter()
    json.object { json in
      Self.writeIdAndName(id, name, into: &json)
      if !attributes.isEmpty {
        json.key("attributes")
        json.object { json in
          for key in attributes.keys.sorted() {
            json.key(key)
            json.string(attributes[key] ?? "")
          }
        }
      }
      if let reportsTo {
        json.key("reportsTo")
        json.string(reportsTo)
      }
    }
    people.append(json.output)
  }

  /// Adds a tie record: `from` trusts `to`.
  public mutating func addTie(
    from: String, to: String, strength: Double = 1, mutual: Bool = false, contexts: [String] = []
  ) {
    var json = JSONWriter()
    json.object { json in
      json.key("from")
      json.string(from)
      json.key("to")
      json.string(to)
      json.key("strength")
      if strength.isFinite {
        json.number(strength)
      } else {
        json.string("not a number")  // read back as a wrong type, reported like a file's
      }
      if mutual {
        json.key("mutual")
        json.bool(true)
      }
      if !contexts.isEmpty {
        json.key("contexts")
        json.strings(contexts)
      }
    }
    ties.append(json.output)
  }

  /// Adds a community with its members' ids.
  public mutating func addCommunity(_ id: String, name: String? = nil, members: [String]) {
    var json = JSONWriter()
    json.object { json in
      Self.writeIdAndName(id, name, into: &json)
      json.key("members")
      json.strings(members)
    }
    communities.append(json.output)
  }

  private static func writeIdAndName(_ id: String, _ name: String?, into json: inout JSONWriter) {
    json.key("id")
    json.string(id)
    if let name {
      json.key("name")
      json.string(name)
    }
  }

  /// The network, checked as a file would be.
  ///
  /// - Throws: ``NetworkLoadError`` whose diagnostics name the element by
  ///   path (`ties[3].to`), in the order the elements were added.
  public func build() throws(NetworkLoadError) -> TrustNetwork {
    var text = #"{"trustmap": 1"#
    if let name {
      var json = JSONWriter()
      json.string(name)
      text += #", "name": "# + json.output
    }
    if let strongTieThreshold {
      var json = JSONWriter()
      json.number(strongTieThreshold)
      text += #", "strongTieThreshold": "# + json.output
    }
    text += #", "people": ["# + people.joined(separator: ",") + "]"
    text += #", "ties": ["# + ties.joined(separator: ",") + "]"
    text += #", "communities": ["# + communities.joined(separator: ",") + "]}"
    do {
      return try TrustNetwork(jsonString: text, source: "<builder>")
    } catch {
      var error = error
      for index in error.diagnostics.indices { error.diagnostics[index].location = nil }
      throw error
    }
  }
}
