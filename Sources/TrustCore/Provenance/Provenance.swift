/// How a report was made: trustmap's version, the input's digest, every
/// setting that shaped the answer and the seed, so that anyone holding the
/// same file can make the same figures again (docs/design.md, 'Provenance
/// and privacy').
///
/// Every JSON report of the command line ends with one, under
/// `"provenance"`; a Swift caller gets its own from
/// ``TrustAnalyzer/provenance(input:)`` after asking its questions.
///
/// ```swift
/// let analyzer = try TrustAnalyzer(network)
/// _ = try analyzer.tribes()
/// let made = analyzer.provenance(input: try InputDigest(contentsOfFile: "org.json"))
/// made.jsonText
/// // {"version":"0.2.0","input":{"file":"org.json","sha256":"…","bytes":2210},
/// //  "settings":{"threshold":0.5,"reciprocity":"any","contexts":[],"resolution":1.0,…},"seed":1}
/// ```
public struct Provenance: Sendable, Hashable, JSONEncodable {
  /// trustmap's version (``TrustmapVersion/current``).
  public var version: String
  /// The input's digest, when it was taken.
  public var input: InputDigest?
  /// The earlier input of a comparison (`diff OLD NEW`: OLD; ``input`` is NEW).
  public var previousInput: InputDigest?
  /// Every setting that shaped the answer, in the order the questions used
  /// them: the strong-tie graph's first, then each question's (a setting used
  /// with two values lists both).
  public var settings: KeyedList<SettingValue>
  /// The seed of anything random, when anything random ran; when several
  /// were used (a cascade over tribes found with their own seed), the last,
  /// and ``settings`` lists them all.
  public var seed: UInt64?

  /// Creates a provenance record.
  public init(
    version: String = TrustmapVersion.current, input: InputDigest?,
    settings: KeyedList<SettingValue>, seed: UInt64?
  ) {
    self.version = version
    self.input = input
    self.settings = settings
    self.seed = seed
  }

  /// The same record with `value` added under `name` (the command line's
  /// own settings, such as a minimum group size).
  public func adding(_ name: String, _ value: SettingValue) -> Provenance {
    var copy = self
    copy.settings = KeyedList(keys: settings.keys + [name], values: settings.values + [value])
    return copy
  }

  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("version", version)
      json.field("input", input)
      if let previousInput { json.field("previousInput", previousInput) }
      json.field("settings", settings)
      json.field("seed", seed)
    }
  }
}

/// The value of one setting in a ``Provenance``, typed as JSON shows it.
///
/// ```swift
/// SettingValue.number(0.5).jsonText       // 0.5
/// SettingValue.list(["advice"]).jsonText  // ["advice"]
/// ```
public enum SettingValue: Sendable, Hashable, JSONEncodable {
  case text(String)
  case number(Double)
  case integer(Int)
  case unsigned(UInt64)
  case flag(Bool)
  case list([String])
  /// Several values of one setting (asked twice, differently).
  case several([SettingValue])
  /// Not given, with no default: `null`.
  case none

  public func encode(to json: inout JSONWriter) {
    switch self {
    case .text(let text): json.string(text)
    case .number(let number): json.number(number)
    case .integer(let integer): json.int(integer)
    case .unsigned(let unsigned): json.unsigned(unsigned)
    case .flag(let flag): json.bool(flag)
    case .list(let list): json.strings(list)
    case .several(let values): values.encode(to: &json)
    case .none: json.null()
    }
  }
}

/// Settings in the order they were first used, each name once: what a
/// session records as questions run, for its ``Provenance``.
///
/// - Complexity: O(1) expected per record.
struct SettingsLog: Sendable {
  private var names: [String] = []
  private var values: [SettingValue] = []
  private var positions: [String: Int] = [:]

  /// Records `value` under `name`; a second, different value makes the entry ``SettingValue/several(_:)``.
  mutating func record(_ name: String, _ value: SettingValue) {
    guard let position = positions[name] else {
      positions[name] = names.count
      names.append(name)
      values.append(value)
      return
    }
    switch values[position] {
    case value: return
    case .several(let earlier) where earlier.contains(value): return
    case .several(let earlier): values[position] = .several(earlier + [value])
    case let earlier: values[position] = .several([earlier, value])
    }
  }

  /// The value recorded under `name`, if any.
  func value(of name: String) -> SettingValue? { positions[name].map { values[$0] } }

  /// Everything recorded, in order.
  var list: KeyedList<SettingValue> { KeyedList(keys: names, values: values) }
}
