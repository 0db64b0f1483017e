extension TrustNetwork {
  /// Reads a network file; `-` reads standard input.
  ///
  /// ```swift
  /// let network = try TrustNetwork(contentsOfFile: "Examples/org.json")
  /// ```
  ///
  /// - Throws: ``NetworkLoadError`` with every problem found, in file order.
  /// - Complexity: O(*n*) in the file size.
  public init(
    contentsOfFile path: String, diagnosticLimit: Int = NetworkReader.defaultDiagnosticLimit
  )
    throws(NetworkLoadError)
  {
    self = try NetworkFile(path: path).network(diagnosticLimit: diagnosticLimit)
  }

  /// Reads a network file in any format trustmap reads: `format`, else the
  /// one the extension names, else the one the content shows (trustmap JSON,
  /// CSV, GraphML, GEXF, node-link JSON, Pajek, NetDraw VNA, an edge list);
  /// `-` reads standard input. `options` name a CSV ties file's people and
  /// communities files and say what to do with weights outside [0, 1].
  ///
  /// ```swift
  /// let gephi = try TrustNetwork(contentsOf: "export.gexf")
  /// let survey = try TrustNetwork(
  ///   contentsOf: "ratings.csv", options: ReadOptions(scalesWeights: true, dropsNegativeWeights: true))
  /// survey.weightAdjustments.droppedNegative  // ties of distrust left out
  /// ```
  ///
  /// - Throws: ``NetworkLoadError`` with every problem found, each at its
  ///   file, line and column.
  /// - Complexity: O(*n*) in the sizes of the files.
  public init(
    contentsOf path: String, format: NetworkFormat? = nil, options: ReadOptions = ReadOptions()
  ) throws(NetworkLoadError) {
    self = try NetworkFile(path: path).network(format: format, options: options)
  }

  /// Reads a network from the bytes of a file (UTF-8 JSON, format version 1):
  /// an array of bytes, Foundation's `Data`, or any collection of `UInt8`.
  ///
  /// ```swift
  /// let data = try Data(contentsOf: url)
  /// let network = try TrustNetwork(json: data, source: url.lastPathComponent)
  /// ```
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  public init<Bytes: Collection<UInt8>>(json bytes: Bytes, source: String = "<memory>")
    throws(NetworkLoadError)
  {
    let contiguous = bytes as? [UInt8] ?? Array(bytes)
    self = try NetworkReader.read(bytes: contiguous, source: source)
  }

  /// Reads a network from a JSON string.
  public init(jsonString: String, source: String = "<memory>") throws(NetworkLoadError) {
    self = try NetworkReader.read(bytes: Array(jsonString.utf8), source: source)
  }

  /// All the bytes of a file, or of standard input for `-`.
  ///
  /// - Throws: ``NetworkLoadError`` with code `unreadable` naming the system's reason.
  public static func readAllBytes(path: String) throws(NetworkLoadError) -> [UInt8] {
    try NetworkFile.readAllBytes(path: path)
  }
}
