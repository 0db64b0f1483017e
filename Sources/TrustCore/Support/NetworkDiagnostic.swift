/// One problem found in a network file: what it is, where, and how bad.
///
/// The command line prints it as `FILE:LINE:COLUMN: error: PATH: message`,
/// the layout compilers use, so editors can jump to it.
///
/// ```swift
/// // network.json:12:5: error: ties[3].to: unknown person 'zed'
/// print(diagnostic.formatted(source: "network.json"))
/// ```
public struct NetworkDiagnostic: Sendable, Hashable {
  /// Whether a problem stops the file from being read.
  public enum Severity: String, Sendable, Hashable {
    /// The file cannot be used as it is.
    case error
    /// The file can be read, but something in it is ignored or suspicious.
    case warning
  }

  /// A kind of problem. New kinds may be added; switch over them with a `default`.
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    private let name: String
    private init(_ name: String) { self.name = name }
    public var description: String { name }

    /// Not JSON: a missing colon, an unexpected character, trailing content.
    public static let syntax = Code("syntax")
    /// The file is empty or holds only white space.
    public static let emptyInput = Code("empty-input")
    /// Bytes that are not valid UTF-8.
    public static let invalidUTF8 = Code("invalid-utf8")
    /// A `\u` escape for half of a surrogate pair without its other half.
    public static let loneSurrogate = Code("lone-surrogate")
    /// Arrays and objects nested deeper than ``NetworkReader/maximumDepth``.
    public static let nestingTooDeep = Code("nesting-too-deep")
    /// A number too large for a double.
    public static let numberOutOfRange = Code("number-out-of-range")
    /// The `trustmap` version is missing or not 1.
    public static let unsupportedVersion = Code("unsupported-version")
    /// A required key is absent.
    public static let missingKey = Code("missing-key")
    /// A key appears twice in one object.
    public static let duplicateKey = Code("duplicate-key")
    /// A value of the wrong JSON type.
    public static let wrongType = Code("wrong-type")
    /// A value of the right type that is not allowed (an empty id, say).
    public static let invalidValue = Code("invalid-value")
    /// Two people, or two communities, with the same id.
    public static let duplicateId = Code("duplicate-id")
    /// A tie, reports-to link or member that names nobody in `people`.
    public static let unknownPerson = Code("unknown-person")
    /// A strength outside [0, 1].
    public static let strengthOutOfRange = Code("strength-out-of-range")
    /// Reports-to links that loop back on themselves.
    public static let reportsToCycle = Code("reports-to-cycle")
    /// A tie from a person to themselves (ignored).
    public static let selfTie = Code("self-tie")
    /// A person listed twice in one community (counted once).
    public static let duplicateMember = Code("duplicate-member")
    /// The input could not be read at all.
    public static let unreadable = Code("unreadable")
    /// The file holds more than trustmap can index (over 2^31 − 1 people or ties).
    public static let tooLarge = Code("too-large")
  }

  /// Error or warning.
  public var severity: Severity
  /// The kind of problem.
  public var code: Code
  /// Where in the document, as a JSON path such as `ties[3].to`; empty for the whole file.
  public var path: String
  /// What is wrong, in words.
  public var message: String
  /// Where in the file; `nil` when the input has no bytes to point at (a
  /// network built in code).
  public var location: FileLocation?
  /// The file the problem is in, when the network was read from several
  /// (a ties file and a people file, say); `nil` for the network's own
  /// source, the one ``NetworkLoadError/source`` names.
  public var source: String?

  /// Creates a diagnostic.
  public init(
    severity: Severity, code: Code, path: String, message: String, location: FileLocation?,
    source: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.path = path
    self.message = message
    self.location = location
    self.source = source
  }

  /// The compiler-style line: `SOURCE:LINE:COLUMN: error: PATH: message`,
  /// naming the diagnostic's own ``source`` when it has one, else `source`.
  ///
  /// ```swift
  /// // people.csv:4:9: error: people[2].reportsTo: reports to unknown person 'zed'
  /// print(diagnostic.formatted(source: "ties.csv"))
  /// ```
  public func formatted(source: String) -> String {
    var text = self.source ?? source
    if let location { text += ":\(location.line):\(location.column)" }
    text += ": \(severity.rawValue): "
    if !path.isEmpty { text += "\(path): " }
    return text + message
  }
}

/// Why a network could not be loaded: the problems found, in file order.
///
/// The reader keeps reading after a problem in the data (an unknown id, a
/// strength out of range) so that one run shows them all; it stops at the
/// first syntax error, since nothing after it can be trusted.
///
/// ```swift
/// do {
///   _ = try TrustNetwork(contentsOfFile: "network.json")
/// } catch {
///   for problem in error.diagnostics { print(problem.formatted(source: error.source)) }
/// }
/// ```
public struct NetworkLoadError: Error, Sendable, CustomStringConvertible {
  /// The name of the input, as given (a path, or `-` for standard input).
  public var source: String
  /// The first problems found, errors and warnings, in file order; at most the
  /// reader's `diagnosticLimit`.
  public var diagnostics: [NetworkDiagnostic]
  /// How many errors there were in all, including those not kept.
  public var errorCount: Int
  /// How many warnings there were in all, including those not kept.
  public var warningCount: Int

  /// Creates a load error.
  public init(source: String, diagnostics: [NetworkDiagnostic], errorCount: Int, warningCount: Int)
  {
    self.source = source
    self.diagnostics = diagnostics
    self.errorCount = errorCount
    self.warningCount = warningCount
  }

  /// The first error, formatted.
  public var description: String {
    let first = diagnostics.first { $0.severity == .error } ?? diagnostics.first
    guard let first else { return "\(source): error: the network could not be read" }
    let more = errorCount > 1 ? " (and \(errorCount - 1) more errors)" : ""
    return first.formatted(source: source) + more
  }
}
