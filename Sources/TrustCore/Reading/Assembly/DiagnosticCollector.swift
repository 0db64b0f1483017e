/// Collects a network's problems by place, keeping only the first `limit` in
/// file order, so that ten million bad ties cost a counter, not ten million
/// messages; every problem is counted.
///
/// A problem's path and message are only formatted when it could be among
/// the first `limit` (``wants(_:)``), and its place becomes a line and column
/// only at the end, in one forward pass over each source.
///
/// ```swift
/// var collector = DiagnosticCollector(limit: 100)
/// collector.add(
///   .error, .unknownPerson, at: SourcePlace(source: 0, offset: 40), path: .tie(3, .to),
///   "tie to unknown person 'zed'")
/// let diagnostics = collector.finish(sources: sources)  // [ties[3].to at 1:41]
/// ```
///
/// - Complexity: O(1) amortised per problem, O(*k* log *k*) to finish *k*
///   kept ones, plus one pass over the bytes of each source they point into.
struct DiagnosticCollector: Sendable {
  /// A problem kept for the report, its place not yet a location.
  struct Pending: Sendable {
    var place: SourcePlace
    var severity: NetworkDiagnostic.Severity
    var code: NetworkDiagnostic.Code
    var path: DiagnosticPath
    var message: String
    /// The order problems were added in, which orders problems at one place.
    var sequence: Int
  }

  let limit: Int
  private(set) var kept: [Pending] = []
  private(set) var errorCount = 0
  private(set) var warningCount = 0
  /// Once `kept` is full, a problem past this place cannot be among the first `limit`.
  private var cutoff = UInt64.max

  init(limit: Int) { self.limit = max(1, limit) }

  /// Takes in another collector's counts and kept problems; their tie
  /// positions move on by `shift` (the other collector numbered its ties from 0).
  mutating func absorb(_ other: DiagnosticCollector, shiftingTiesBy shift: Int) {
    // The other's problems come after this one's so far, and before any added later.
    let base = errorCount + warningCount
    errorCount += other.errorCount
    warningCount += other.warningCount
    for var pending in other.kept where wants(pending.place) {
      pending.sequence += base
      pending.path = pending.path.shiftingTies(by: shift)
      kept.append(pending)
      if kept.count >= limit * 2 { trim() }
    }
  }

  /// Whether a problem at `place` would be kept (so its message is worth formatting).
  @inline(__always)
  func wants(_ place: SourcePlace) -> Bool { place.packed <= cutoff }

  /// Counts a problem that is not kept.
  mutating func count(_ severity: NetworkDiagnostic.Severity) {
    if severity == .error { errorCount += 1 } else { warningCount += 1 }
  }

  /// Records a problem; `path` and `message` are only evaluated when it is kept.
  mutating func add(
    _ severity: NetworkDiagnostic.Severity, _ code: NetworkDiagnostic.Code, at place: SourcePlace,
    path: @autoclosure () -> DiagnosticPath, _ message: @autoclosure () -> String
  ) {
    count(severity)
    guard wants(place) else { return }
    kept.append(
      Pending(
        place: place, severity: severity, code: code, path: path(), message: message(),
        sequence: errorCount + warningCount))
    if kept.count >= limit * 2 { trim() }
  }

  private mutating func trim() {
    kept.sort { ($0.place, $0.sequence) < ($1.place, $1.sequence) }
    if kept.count > limit {
      kept.removeLast(kept.count - limit)
      cutoff = kept[kept.count - 1].place.packed
    }
  }

  /// The kept problems in file order, with their locations: a byte offset
  /// becomes a line and column of its source's bytes, a line and column
  /// stays as given, a sequence number has none. Each names its source when
  /// the source has a name of its own.
  mutating func finish(sources: [NetworkSource]) -> [NetworkDiagnostic] {
    trim()
    // Sorted by place, the offsets into each source come in increasing order,
    // so one locator per source walks its bytes once.
    var locator: LineLocator?
    var locatorSource = -1
    return kept.map { pending in
      let place = pending.place
      let source = place.source < sources.count ? sources[place.source] : nil
      var location: FileLocation?
      switch place.kind {
      case .offset:
        let bytes = source?.bytes ?? UnsafeBufferPointer(start: nil, count: 0)
        if bytes.isEmpty {
          location = FileLocation(line: 1, column: 1, offset: 0)
        } else {
          if locatorSource != place.source {
            locator = LineLocator(bytes: bytes)
            locatorSource = place.source
          }
          location = locator?.location(of: place.offset)
        }
      case .lineAndColumn:
        let (line, column) = place.lineAndColumn
        location = FileLocation(line: line, column: column, offset: -1)
      case .sequence:
        location = nil
      }
      return NetworkDiagnostic(
        severity: pending.severity, code: pending.code, path: pending.path.description,
        message: pending.message, location: location, source: source?.name)
    }
  }
}
