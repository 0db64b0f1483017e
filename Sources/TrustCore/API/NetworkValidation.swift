/// Everything wrong with a network file: whether it can be used, how many
/// errors and warnings it has, the first problems with their places, and,
/// when valid, its size; shaped like `trustmap validate --format json`.
///
/// ```swift
/// let check = NetworkValidation(contentsOfFile: "network.json")
/// for problem in check.problems { print(problem.formatted(source: check.source)) }
/// print(check.isValid, check.errorCount, check.unlisted)
/// ```
///
/// - Complexity: O(*n*) in the file size, plus building the default strong-tie graph.
public struct NetworkValidation: Sendable, Hashable {
  /// The input's name, as given (a path, or `-` for standard input).
  public var source: String
  /// Whether the file has no error (warnings allowed).
  public var isValid: Bool
  /// Errors in all.
  public var errorCount: Int
  /// Warnings in all.
  public var warningCount: Int
  /// When valid: how many people, tie records, and strong ties with the file's settings.
  public var size: NetworkSize?
  /// The first problems, in file order (at most the limit asked for).
  public var problems: [NetworkDiagnostic]

  /// What the reader did to weights to make them strengths (scaling, ties
  /// with a negative weight left out), when valid.
  public var weightAdjustments = WeightAdjustments()

  /// How many problems are not in ``problems``.
  public var unlisted: Int { max(0, errorCount + warningCount - problems.count) }

  /// A valid network's size.
  public struct NetworkSize: Sendable, Hashable {
    /// People.
    public var people: Int
    /// Tie records.
    public var tieRecords: Int
    /// Strong ties with the file's threshold, `any` reciprocity and every context.
    public var strongTies: Int
  }

  /// Reads and checks the file at `path` (`-`: standard input), keeping the
  /// first `limit` problems.
  public init(contentsOfFile path: String, limit: Int = 100) {
    do {
      self.init(file: try NetworkFile(path: path), limit: limit)
    } catch {
      self.init(source: path, failure: error, limit: limit)
    }
  }

  /// Checks the network in `file`, keeping the first `limit` problems.
  public init(file: NetworkFile, limit: Int = 100) {
    self.init(file: file, format: nil, options: ReadOptions(), limit: limit)
  }

  /// Checks the network in `file` read as `format` (by default as the
  /// extension or content says) with `options`, keeping the first `limit` problems.
  ///
  /// ```swift
  /// let check = NetworkValidation(
  ///   file: try NetworkFile(path: "ratings.csv"), options: ReadOptions(scalesWeights: true))
  /// check.weightAdjustments.largestWeight  // 10
  /// ```
  public init(file: NetworkFile, format: NetworkFormat?, options: ReadOptions, limit: Int = 100) {
    do {
      var options = options
      options.diagnosticLimit = limit
      let network = try file.network(format: format, options: options)
      // Folding the tie records into the default graph's pairs proves the
      // file is usable, not only well formed; laying out the arrays adds nothing.
      let strongTies = (try? TrustGraph.strongTieCount(of: network)) ?? 0
      self.init(
        source: file.path, isValid: true, errorCount: 0, warningCount: network.warningCount,
        size: NetworkSize(
          people: network.people.count, tieRecords: network.ties.count, strongTies: strongTies),
        problems: Array(network.warnings.prefix(limit)))
      weightAdjustments = network.weightAdjustments
    } catch {
      self.init(source: file.path, failure: error, limit: limit)
    }
  }

  private init(source: String, failure: NetworkLoadError, limit: Int) {
    self.init(
      source: source, isValid: failure.errorCount == 0, errorCount: failure.errorCount,
      warningCount: failure.warningCount, size: nil,
      problems: Array(failure.diagnostics.prefix(limit)))
  }

  private init(
    source: String, isValid: Bool, errorCount: Int, warningCount: Int, size: NetworkSize?,
    problems: [NetworkDiagnostic]
  ) {
    self.source = source
    self.isValid = isValid
    self.errorCount = errorCount
    self.warningCount = warningCount
    self.size = size
    self.problems = problems
  }
}

extension NetworkValidation: JSONEncodable {
  /// `people`, `ties` and `strongTies` only when valid.
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("file", source)
      json.field("valid", isValid)
      json.field("errors", errorCount)
      json.field("warnings", warningCount)
      if let size {
        json.field("people", size.people)
        json.field("ties", size.tieRecords)
        json.field("strongTies", size.strongTies)
      }
      if let largest = weightAdjustments.largestWeight { json.field("weightsScaledBy", largest) }
      if weightAdjustments.droppedNegative > 0 {
        json.field("droppedNegativeTies", weightAdjustments.droppedNegative)
      }
      json.field("problems", problems)
      json.field("unlisted", unlisted)
    }
  }
}

extension NetworkDiagnostic: JSONEncodable {
  /// Line and column 0 when the problem has no place in the input.
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("severity", severity.rawValue)
      json.field("code", code.description)
      json.field("line", location?.line ?? 0)
      json.field("column", location?.column ?? 0)
      json.field("path", path)
      json.field("message", message)
    }
  }
}
