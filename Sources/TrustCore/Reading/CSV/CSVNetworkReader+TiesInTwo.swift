/// Reading a long ties file in two parts on two cores: the first part on
/// another thread, started before the people file is read so that the two
/// overlap, the second here after the people. Each part feeds an assembler
/// of its own; the parts are put together in order, so the network and
/// every diagnostic are the same as in one pass (docs/design.md, 'Other
/// formats: reading').
///
/// Only when the ties file names people that a people file lists: without
/// one, a tie's ends are the people, numbered in order of first appearance,
/// which one pass settles.
extension CSVNetworkReader {
  /// The first part of a split ties file, read on another thread up to
  /// `stop`: the part's reader, and where its last record ended with how
  /// many it read.
  struct TiesFirstPart {
    let stop: Int
    let reading: BackgroundPart<CSVNetworkReader, Outcome>
    typealias Outcome = Result<(end: Int, records: Int), LexFailure>

    /// Waits for the part (on every path: it reads the caller's buffers).
    func finish() -> (part: CSVNetworkReader, output: Outcome) { reading.finish() }
  }

  /// A reader for a part of this one's ties file: the same sources and
  /// rules, nothing read yet.
  init(tiesPartOf owner: CSVNetworkReader) {
    assembler = NetworkAssembler(sharingSourcesOf: owner.assembler)
    implicitPeople = owner.implicitPeople
    parallelMinimumBytes = .max
  }

  /// Starts reading the first part of the ties file on another thread when
  /// it is long enough (`parallelMinimumBytes`) and a people file names its
  /// people (`peopleBytes` long, read here meanwhile); `nil` otherwise, or
  /// when its header is not one whose records can be read.
  ///
  /// The header is read here by a reader of its own, whose problems are
  /// dropped: the real read reports them, in the order of one pass. The
  /// split balances this thread's people and second part against the
  /// first part: a byte of people takes about four times as long as a byte
  /// of ties (L: 28 MB of people in 0.6 s, ties at 190 MB/s a core).
  func startTiesEarly(_ bytes: UnsafeBufferPointer<UInt8>, peopleBytes: Int) -> TiesFirstPart? {
    guard !implicitPeople, bytes.count >= parallelMinimumBytes else { return nil }
    var probe = CSVNetworkReader(tiesPartOf: self)
    guard let header = try? probe.readTieHeader(bytes), probe.assembler.diagnostics.errorCount == 0
    else { return nil }
    let tiesBytes = bytes.count - header.recordsStart
    let secondPart = max(tiesBytes / 8, (tiesBytes - 4 * peopleBytes) / 2)
    guard let stop = Self.recordStartGuess(in: bytes, near: bytes.count - secondPart),
      stop > header.recordsStart
    else { return nil }
    var part = CSVNetworkReader(tiesPartOf: self)
    // Room for the whole file: the second part is appended without moving this one.
    part.reserveTies(bytes, from: header.recordsStart)
    let shared = UnsafeSendable(bytes)
    let reading = BackgroundPart(consume part) { part -> TiesFirstPart.Outcome in
      do throws(LexFailure) {
        return .success(
          try part.readTieRecords(shared.value, header, from: header.recordsStart, stop: stop))
      } catch {
        return .failure(error)
      }
    }
    return TiesFirstPart(stop: stop, reading: reading)
  }

  /// Reads the second part here, from where the first part was told to
  /// stop, and puts the two together. The first part checks the split: its
  /// last record must end exactly there (a guessed line end inside a quoted
  /// cell does not); otherwise the file is read again in one pass.
  mutating func readTiesInTwo(
    _ bytes: UnsafeBufferPointer<UInt8>, _ header: TieHeader, firstPart: TiesFirstPart
  ) throws(LexFailure) {
    let stop = firstPart.stop
    var second = CSVNetworkReader(tiesPartOf: self)
    second.reserveTies(bytes, from: stop)
    var secondFailure: LexFailure?
    do throws(LexFailure) {
      _ = try second.readTieRecords(bytes, header, from: stop, stop: nil)
    } catch {
      secondFailure = error
    }
    let (first, outcome) = firstPart.finish()
    switch outcome {
    case .failure(let failure):
      // The first part failed before the split mattered: its error is the first.
      assembler.absorbTies(from: first.assembler, shiftedBy: 0)
      throw failure
    case .success(let read) where read.end == stop:
      // Each assembler leaves its reader, and then the absorbing call, so
      // that no column is held twice while the next part is appended to it.
      let firstAssembler = (consume first).assembler
      assembler.absorbTies(from: consume firstAssembler, shiftedBy: 0)
      let secondAssembler = (consume second).assembler
      assembler.absorbTies(from: consume secondAssembler, shiftedBy: read.records)
      if let secondFailure { throw secondFailure }
    case .success:
      _ = try readTieRecords(bytes, header, from: header.recordsStart, stop: nil)
    }
  }

  /// The offset just after the first line feed at or past `target`, a
  /// guess at a record's start (it may be inside a quoted cell); `nil` when
  /// none is within a megabyte or it is the file's end.
  static func recordStartGuess(in bytes: UnsafeBufferPointer<UInt8>, near target: Int) -> Int? {
    var index = max(0, target)
    let limit = min(bytes.count - 1, index + (1 << 20))
    while index < limit {
      if bytes[index] == 0x0A { return index + 1 }
      index += 1
    }
    return nil
  }

  /// Makes room in the tie columns for the records from `start` to the
  /// end (``estimatedRecords(in:from:)``), so that no column grows by copying.
  mutating func reserveTies(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
    assembler.reserveTies(Self.estimatedRecords(in: bytes, from: start))
  }
}
