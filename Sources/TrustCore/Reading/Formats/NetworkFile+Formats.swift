/// Reading a network in any format trustmap reads (docs/design.md, 'Other
/// formats: reading'): the format is the one given, else the extension's,
/// else the content's, and the bytes go to that format's reader, which
/// feeds the same ``NetworkAssembler`` as the JSON reader.
extension NetworkFile {
  /// The format the file is read as: `given`, else what the path's extension
  /// says (``NetworkFormat/init(fileExtensionOf:)``), else what the first
  /// bytes say (``NetworkFormat/init(sniffing:)``).
  ///
  /// ```swift
  /// try NetworkFile(path: "team.xml").format()  // .graphml or .gexf, by the root element
  /// ```
  ///
  /// - Complexity: O(1), or O(64 KiB) when the content decides.
  public func format(given: NetworkFormat? = nil) -> NetworkFormat {
    if let given { return given }
    if path != "-", let byExtension = NetworkFormat(fileExtensionOf: path) { return byExtension }
    return withBytes { NetworkFormat(sniffing: $0) }
  }

  /// Reads the network in `format` (by default as ``format(given:)``
  /// decides), with the CSV side files and weight rules of `options`.
  ///
  /// ```swift
  /// let file = try NetworkFile(path: "ties.csv")
  /// let network = try file.network(options: ReadOptions(peopleFile: "people.csv"))
  /// ```
  ///
  /// - Throws: ``NetworkLoadError`` with every problem found, in file order
  ///   (each naming its own file), or one saying the format cannot be read,
  ///   or that side files were given for a format other than CSV.
  /// - Complexity: O(*n*) in the sizes of the files.
  public func network(format given: NetworkFormat? = nil, options: ReadOptions)
    throws(NetworkLoadError) -> TrustNetwork
  {
    let format = format(given: given)
    guard format.canRead else {
      throw Self.misuse(path, "trustmap writes \(format.rawValue) but does not read it")
    }
    let sideFiles = [options.peopleFile, options.communitiesFile].compactMap { $0 }
    if format != .csv && !sideFiles.isEmpty {
      throw Self.misuse(
        path,
        "people and communities files go with a CSV ties file; this file is read as "
          + format.rawValue)
    }
    if format == .json {
      return try withBytes { bytes throws(NetworkLoadError) in
        try NetworkReader.read(
          buffer: bytes, source: path, diagnosticLimit: options.diagnosticLimit
        ).get()
      }
    }
    let people = try options.peopleFile.map { path throws(NetworkLoadError) in
      try NetworkFile(path: path)
    }
    let communities = try options.communitiesFile.map { path throws(NetworkLoadError) in
      try NetworkFile(path: path)
    }
    let result = withBytes { bytes in
      people.withSideFile { peopleFile in
        communities.withSideFile { communitiesFile in
          let input = FormatInput(
            bytes: bytes, source: path, options: options, people: peopleFile,
            communities: communitiesFile)
          return Self.readFormat(input, as: format)
        }
      }
    }
    return try result.get()
  }

  /// The reader of each format but JSON.
  static func readFormat(_ input: FormatInput, as format: NetworkFormat) -> Result<
    TrustNetwork, NetworkLoadError
  > {
    switch format {
    case .csv: return CSVNetworkReader.read(input)
    case .graphml: return GraphMLReader.read(input)
    case .gexf: return GEXFReader.read(input)
    case .nodeLink: return NodeLinkReader.read(input)
    case .pajek: return PajekReader.read(input)
    case .vna: return VNAReader.read(input)
    case .edgeList: return EdgeListReader.read(input)
    case .json:
      return NetworkReader.read(
        buffer: input.bytes, source: input.source, diagnosticLimit: input.options.diagnosticLimit)
    case .dot, .neo4j, .graphFrames:
      return .failure(
        misuse(input.source, "trustmap writes \(format.rawValue) but does not read it"))
    }
  }

  /// A load error about how the file was to be read, not about its content.
  static func misuse(_ path: String, _ message: String) -> NetworkLoadError {
    NetworkLoadError(
      source: path,
      diagnostics: [
        NetworkDiagnostic(
          severity: .error, code: .invalidValue, path: "", message: message, location: nil)
      ], errorCount: 1, warningCount: 0)
  }
}

extension Optional where Wrapped == NetworkFile {
  /// Calls `body` with the file as a side file of a read, or `nil`.
  fileprivate func withSideFile<Result>(_ body: (FormatInput.SideFile?) -> Result) -> Result {
    guard let file = self else { return body(nil) }
    return file.withBytes { body(FormatInput.SideFile(name: file.path, bytes: $0)) }
  }
}
