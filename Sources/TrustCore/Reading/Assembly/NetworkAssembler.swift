/// Turns the records a reader finds (people, ties, communities, in any
/// format) into a ``TrustNetwork``, making every check that is about the
/// network rather than its file format: ids empty, with control characters
/// or taken; ties, reports-to links and members naming nobody; strengths
/// outside [0, 1]; reports-to cycles; self-ties; people listed twice in a
/// community. Each problem is reported at the place the reader gives, with
/// the same code, message and path whatever the format.
///
/// A reader registers its sources (each file's name and bytes), then feeds
/// records one at a time: a person or a community is opened, given its
/// fields in any order, and finished; a tie is added whole. Ids are passed
/// as bytes: those inside a registered source are kept as ranges, others
/// (decoded text, a `String`'s bytes) are copied. A tie's ends can also be
/// given as ranges of the tie source (``TieEnd``), which the assembler
/// resolves at the end in one batched pass on every core. Positions
/// (`ordinal`) are the reader's own, counting the records it drops; problems
/// with the format itself (syntax, types) the reader adds to ``diagnostics``
/// at places of its own, so they sort with the rest.
///
/// ```swift
/// var assembler = NetworkAssembler(diagnosticLimit: 1000)
/// let file = assembler.addSource(name: nil, bytes: buffer)
/// assembler.beginPerson(ordinal: 0)
/// _ = assembler.personID(idBytes, at: SourcePlace(source: file, offset: 9))
/// _ = assembler.finishPerson()
/// assembler.addTie(
///   ordinal: 0, from: TieEnd(start: 40, length: 3, quoted: true),
///   to: TieEnd(start: 52, length: 2, quoted: true), strength: 0.5, mutual: false)
/// let network = try assembler.finish(source: "network.json").get()
/// ```
///
/// - Complexity: O(1) expected per field fed (O(*k*) for an id of *k*
///   bytes); ``finish(source:)`` is O(*n* + *m* + *r* log *r*) for *n*
///   people, *m* ties and *r* community memberships.
struct NetworkAssembler {
  /// The inputs registered, in order; a place names one by its index.
  private(set) var sources: [NetworkSource] = []
  /// Every problem found, by the reader and by the checks here.
  var diagnostics: DiagnosticCollector
  /// The network's display name.
  var name: String?
  /// The network's strong-tie threshold (check it with ``checkedThreshold(_:text:at:path:)``).
  var strongTieThreshold: Double?
  /// Where problems about the network as a whole (too many people) are reported.
  var networkPlace = SourcePlace(source: 0, offset: 0)

  // Weights of other formats (NetworkAssembler+Weights.swift).
  var weightRules = WeightRules()
  /// The largest weight seen, when weights are scaled.
  var largestWeight = 0.0
  /// Ties left out for a negative weight.
  var droppedNegativeWeights = 0

  // People (NetworkAssembler+People.swift).
  var people = People()
  var personOrdinals = OrdinalMap()
  /// Where each person's reports-to link was given, for cycle reports.
  var reportsToPlace: [SourcePlace] = []
  var openPerson = OpenPerson()
  /// Per attribute key, the stamp of the last person who gave it (repeats in one person).
  var attributeSeen: [Int] = []

  // Ties (NetworkAssembler+Ties.swift).
  var ties = Ties()
  /// Where each tie's `from` and `to` ids sit, two per tie, resolved in ``finish(source:)``.
  var tieEnds: [TieEnd] = []
  var tieOrdinals = OrdinalMap()
  /// The source whose bytes ``TieEnd`` ranges point into.
  var tieSource = 0
  var openTie = OpenTie()
  /// Per context, the stamp of the last tie that named it (repeats in one tie).
  var contextSeen: [Int] = []

  // Communities (NetworkAssembler+Communities.swift).
  var communities: [IndexedCommunity] = []
  var communityIDs = StringInterner()
  var communityOrdinals = OrdinalMap()
  /// Where each member of each community was listed, for repeats.
  var memberPlaces: [[SourcePlace]] = []
  var openCommunity = OpenCommunity()

  // References not resolved when given (PersonReference.swift).
  var pending: [PersonReference] = []
  /// The bytes of ids that could not be kept as ranges of a source.
  var scratch: [UInt8] = []
  /// The length of `scratch` when the last record was finished or dropped:
  /// a dropped record's copies are cut back to it.
  var scratchMark = 0

  /// An assembler keeping at most `diagnosticLimit` diagnostics (all are counted).
  init(diagnosticLimit: Int) {
    diagnostics = DiagnosticCollector(limit: diagnosticLimit)
  }

  /// An assembler for a part of another's records (the second half of a
  /// ties array, read on another thread), with the same sources, whose
  /// records ``absorbTies(from:shiftedBy:)`` takes in.
  init(sharingSourcesOf other: NetworkAssembler) {
    self.init(diagnosticLimit: other.diagnostics.limit)
    sources = other.sources
    tieSource = other.tieSource
    weightRules = other.weightRules
  }

  /// Registers an input and returns its number, for places in it. `name`
  /// is `nil` for the network's own source; `bytes`, when places in the
  /// source are byte offsets, must stay valid until ``finish(source:)``.
  mutating func addSource(
    name: String?, bytes: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
  ) -> Int {
    precondition(sources.count < SourcePlace.sourceLimit, "too many sources")
    sources.append(NetworkSource(name: name, bytes: bytes))
    return sources.count - 1
  }

  /// Makes `source` the one whose bytes ``TieEnd`` ranges point into (by
  /// default the first registered).
  mutating func setTieSource(_ source: Int) {
    precondition(tieEnds.isEmpty, "the tie source is fixed by the first tie")
    tieSource = source
  }

  // MARK: - Numbers

  /// Checks a number that must lie in [0, 1] (a strength, the strong-tie
  /// threshold) and returns it, or reports it and returns `nil`: `text` is
  /// how the reader shows it (a file's own digits, say), `what` names it in
  /// the message, and `code` is the problem's code when it is out of range.
  ///
  /// ```swift
  /// assembler.checkedUnitNumber(
  ///   1.5, text: "1.5", what: "a strength", code: .strengthOutOfRange, at: place,
  ///   path: .tie(0, .strength))  // nil: "a strength must be from 0 to 1, not 1.5"
  /// ```
  @inline(__always)
  mutating func checkedUnitNumber(
    _ value: Double, text: @autoclosure () -> String, what: String,
    code: NetworkDiagnostic.Code, at place: SourcePlace, path: @autoclosure () -> DiagnosticPath
  ) -> Double? {
    if value >= 0 && value <= 1 { return value }
    if !value.isFinite {
      diagnostics.add(
        .error, .numberOutOfRange, at: place, path: path(),
        "\(text()) is out of range for a number")
    } else {
      diagnostics.add(
        .error, code, at: place, path: path(), "\(what) must be from 0 to 1, not \(text())")
    }
    return nil
  }

  /// As ``checkedUnitNumber(_:text:what:code:at:path:)`` for a number given
  /// as text (a CSV cell, an XML attribute), written as in JSON (`0.5`,
  /// `1`, `5e-1`); text that is not a number is reported as such.
  mutating func checkedUnitNumber(
    parsing text: UnsafeBufferPointer<UInt8>, what: String, code: NetworkDiagnostic.Code,
    at place: SourcePlace, path: @autoclosure () -> DiagnosticPath
  ) -> Double? {
    var scanner = JSONScanner(bytes: text)
    let isNumber: Bool
    switch scanner.peek() ?? 0 {
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): isNumber = true
    default: isNumber = false
    }
    // The text is made a string only for a message: most numbers are fine.
    guard isNumber, let number = try? scanner.number(), scanner.peek() == nil else {
      diagnostics.add(
        .error, .wrongType, at: place, path: path(),
        "expected a number from 0 to 1, found '\(Self.shortText(text))'")
      return nil
    }
    return checkedUnitNumber(
      number.value, text: Self.shortText(text), what: what, code: code, at: place, path: path())
  }

  /// Checks a strong-tie threshold (see ``checkedUnitNumber(_:text:what:code:at:path:)``):
  /// the value, or `nil` once reported.
  mutating func checkedThreshold(
    _ value: Double, text: @autoclosure () -> String, at place: SourcePlace,
    path: DiagnosticPath = .key("strongTieThreshold")
  ) -> Double? {
    checkedUnitNumber(
      value, text: text(), what: "the strong-tie threshold", code: .invalidValue, at: place,
      path: path)
  }

  /// At most 40 bytes of `text` as a string, with `…` when cut.
  static func shortText(_ text: UnsafeBufferPointer<UInt8>) -> String {
    let shown = min(text.count, 40)
    let string = String(decoding: UnsafeBufferPointer(rebasing: text[0..<shown]), as: UTF8.self)
    return shown < text.count ? string + "…" : string
  }

  // MARK: - Finishing

  /// Resolves every reference, makes the checks that need the whole network
  /// (unknown people, self-ties, repeated members, reports-to cycles), and
  /// returns the network, or every problem when there were errors. `source`
  /// names the network's own source in the error.
  ///
  /// - Complexity: O(*n* + *m* + *r* log *r*); the tie ends are resolved on every core.
  mutating func finish(source: String) -> Result<TrustNetwork, NetworkLoadError> {
    if people.count > Int(Int32.max) - 1 || ties.strength.count > Int(Int32.max) - 1 {
      diagnostics.add(
        .error, .tooLarge, at: networkPlace, path: .document,
        "more than \(Int32.max - 1) people or ties: beyond what one trustmap network indexes")
    }
    resolveTieEnds()
    resolvePending()
    checkSelfTies()
    tieEnds = []
    pending = []
    scratch = []
    finishCommunities()
    checkReportsToCycles()
    scaleWeights()
    let kept = diagnostics.finish(sources: sources)
    if diagnostics.errorCount > 0 {
      return .failure(
        NetworkLoadError(
          source: source, diagnostics: kept, errorCount: diagnostics.errorCount,
          warningCount: diagnostics.warningCount))
    }
    var network = TrustNetwork(
      name: name, strongTieThreshold: strongTieThreshold, people: people, ties: ties,
      communities: communities, warnings: kept)
    network.warningCount = diagnostics.warningCount
    network.weightAdjustments = WeightAdjustments(
      largestWeight: weightRules.scales && largestWeight > 0 ? largestWeight : nil,
      droppedNegative: droppedNegativeWeights)
    return .success(network)
  }

  /// The problems found before a reader had to stop (a syntax error), with
  /// no network: nothing is resolved, as the records are incomplete.
  mutating func failure(source: String) -> NetworkLoadError {
    let kept = diagnostics.finish(sources: sources)
    return NetworkLoadError(
      source: source, diagnostics: kept, errorCount: max(1, diagnostics.errorCount),
      warningCount: diagnostics.warningCount)
  }
}
