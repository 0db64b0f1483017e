/// What a reader of another format than trustmap's JSON is given: the
/// network file's bytes and name, the options, and the bytes of the CSV
/// people and communities files when there are some. Every byte buffer
/// stays valid for the whole read (``NetworkFile`` holds them).
///
/// ```swift
/// let input = FormatInput(bytes: buffer, source: "ties.csv", options: ReadOptions())
/// let result = CSVNetworkReader.read(input)
/// ```
///
/// - Complexity: O(1); nothing is copied.
struct FormatInput {
  /// One more file a reader reads beside the network file.
  struct SideFile {
    /// Its path, as diagnostics name it.
    var name: String
    var bytes: UnsafeBufferPointer<UInt8>
  }

  var bytes: UnsafeBufferPointer<UInt8>
  /// The network file's name (a path, or `-`).
  var source: String
  var options: ReadOptions
  var people: SideFile?
  var communities: SideFile?
  /// The smallest network file a reader splits into parts read on two
  /// cores, where it can (tests lower it to check the parts' joins).
  var parallelMinimumBytes = 1 << 23

  /// An assembler with the options' weight rules and diagnostic limit, and
  /// the network file registered as source 0 (the tie source).
  func makeAssembler() -> NetworkAssembler {
    var assembler = NetworkAssembler(diagnosticLimit: max(1, options.diagnosticLimit))
    assembler.weightRules = options.weightRules
    _ = assembler.addSource(name: nil, bytes: bytes)
    return assembler
  }
}

extension NetworkAssembler {
  /// The read stopped by a lexer's failure in source `source`: the failure
  /// at its place, then everything found before it.
  ///
  /// ```swift
  /// return .failure(assembler.failure(failure, in: 0, source: "team.graphml"))
  /// ```
  mutating func failure(_ failure: LexFailure, in source: Int, source name: String)
    -> NetworkLoadError
  {
    diagnostics.add(
      .error, failure.code, at: SourcePlace(source: source, offset: failure.offset),
      path: .document, failure.message)
    return self.failure(source: name)
  }

  /// Reports a problem with the file's layout (a missing column, a key
  /// declared wrongly) at byte `offset` of `source`.
  mutating func formatProblem(
    _ code: NetworkDiagnostic.Code, in source: Int, at offset: Int,
    path: DiagnosticPath = .document, severity: NetworkDiagnostic.Severity = .error,
    _ message: String
  ) {
    diagnostics.add(
      severity, code, at: SourcePlace(source: source, offset: offset), path: path, message)
  }

  /// Lists the person at index `person` (already read) as a member of the
  /// open community: formats that give membership per person (a GraphML or
  /// GEXF `communities` value) know the member by index, not by id.
  ///
  /// - Complexity: O(1) amortised.
  mutating func addMember(person: Int, at place: SourcePlace) {
    resolveStagedMembers()  // members given by id before it come first
    openCommunity.members.append(Int32(truncatingIfNeeded: person))
    openCommunity.places.append(place)
  }
}
