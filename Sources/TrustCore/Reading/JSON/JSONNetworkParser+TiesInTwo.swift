/// Reading the `ties` array, in one pass or, when it is long, in two parts
/// on two threads: the first part on another thread (started before the
/// people when the ties follow them, so that reading the people and the
/// ties overlap), the second here. Each part feeds an assembler of its own;
/// the parts are put together in order, so the network and every
/// diagnostic are the same as in one pass.
extension JSONNetworkParser {
  /// Reads the value of the `ties` key at `open` (`repeated` when the key
  /// was given before, reported at `keyOffset`).
  mutating func parseTies(at open: Int, repeated: Bool, keyOffset: Int)
    throws(JSONScanner.Failure)
  {
    if repeated { duplicateKey("ties", at: keyOffset, path: .document) }
    if !repeated, let early = earlyTies, early.open == open {
      earlyTies = nil
      try parseTiesInTwo(open: open, first: early)
    } else if !repeated && scanner.bytes.count - open >= parallelMinimumBytes,
      scanner.peek() == UInt8(ascii: "["), let comma = splitGuess(ofArrayAt: open)
    {
      try parseTiesInTwo(open: open, first: TiesFirstPart(of: self, open: open, comma: comma))
    } else {
      try parseArray(named: "ties", at: open) { parser, index, offset throws(JSONScanner.Failure) in
        try parser.parseTie(index, at: offset)
      }
    }
  }

  /// A guess at a comma between two elements near the middle of the array at
  /// `open`: the first `}` `,` `{` (white space allowed) past the middle. It
  /// may sit inside a string; the first part's parse checks it (see
  /// ``parseTiesInTwo(open:first:)``). `nil` when none is near.
  func splitGuess(ofArrayAt open: Int, from start: Int? = nil) -> Int? {
    let bytes = scanner.bytes
    var index = start ?? open + (bytes.count - open) / 2
    let limit = min(bytes.count - 1, index + (1 << 20))
    while index < limit {
      if bytes[index] == UInt8(ascii: "}") {
        var next = index + 1
        skipJSONSpace(in: bytes, from: &next, before: limit)
        if next < limit && bytes[next] == UInt8(ascii: ",") {
          let comma = next
          next += 1
          skipJSONSpace(in: bytes, from: &next, before: limit)
          if next < limit && bytes[next] == UInt8(ascii: "{") { return comma }
        }
      }
      index += 1
    }
    return nil
  }

  /// Parses the ties array in two parts on two threads, each into a parser of
  /// its own: the first on another thread (``TiesFirstPart``, already
  /// running), the second here from a guessed comma. The first part's parse
  /// checks the guess: it must stop exactly at that comma, between two
  /// elements. Then the parts are put together in order; on a wrong guess
  /// the array is read again in one go.
  ///
  /// The first part is the larger one: its columns, with room for the whole
  /// array, are adopted, and only the second part's are copied after them.
  private mutating func parseTiesInTwo(open: Int, first: TiesFirstPart)
    throws(JSONScanner.Failure)
  {
    let comma = first.comma
    var second = JSONNetworkParser(tiesPartOf: self)
    second.reserveTies(forBytesFrom: comma)
    var secondFailure: JSONScanner.Failure?
    do throws(JSONScanner.Failure) {
      _ = try second.parseTieElements(from: comma + 1, stopAfterComma: nil)
    } catch {
      secondFailure = error
    }
    let (firstPart, firstStop, firstFailure) = first.finish()
    if let firstFailure {
      // The first part failed before the guess mattered: its error is the first.
      assembler.absorbTies(from: firstPart.assembler, shiftedBy: 0)
      throw firstFailure
    }
    guard firstStop.comma == comma else {
      // The guess was not between two elements (or the array ended first).
      scanner.position = open
      try parseArray(named: "ties", at: open) { parser, index, offset throws(JSONScanner.Failure) in
        try parser.parseTie(index, at: offset)
      }
      return
    }
    let end = second.scanner.position
    // Each part's assembler leaves its parser, and then the absorbing call,
    // so that no column is held twice when the next part is appended to it.
    let firstAssembler = (consume firstPart).assembler
    assembler.absorbTies(from: consume firstAssembler, shiftedBy: 0)
    let secondAssembler = (consume second).assembler
    assembler.absorbTies(from: consume secondAssembler, shiftedBy: firstStop.elements)
    if let secondFailure { throw secondFailure }
    scanner.position = end
  }

  /// Makes room in the tie columns for as many ties as the bytes from
  /// `start` could hold (a tie takes at least 21), so none grows by copying;
  /// room never written stays virtual, costing no memory.
  mutating func reserveTies(forBytesFrom start: Int) {
    assembler.reserveTies((scanner.bytes.count - start) / 21 + 1)
  }

  /// Before the people are read, finds the ties array that follows them
  /// (`"people": [...], "ties": [`, by a quick scan of the brackets outside
  /// strings) and starts reading its first part on another thread, so
  /// that reading the people and the ties overlap. The split leaves the
  /// second part smaller, as its thread reads the people first. `nil` when
  /// the ties do not follow the people or no split is found.
  func startTiesEarly(afterPeopleAt open: Int) -> TiesFirstPart? {
    let bytes = scanner.bytes
    let count = bytes.count
    guard open < count, bytes[open] == UInt8(ascii: "[") else { return nil }
    var index = open
    var depth = 0
    var inString = false
    while index < count {
      let byte = bytes[index]
      if inString {
        if byte == UInt8(ascii: "\\") {
          index += 2
          continue
        }
        if byte == UInt8(ascii: "\"") { inString = false }
      } else if byte == UInt8(ascii: "\"") {
        inString = true
      } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
        depth += 1
      } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
        depth -= 1
        if depth == 0 { break }
      }
      index += 1
    }
    func skipSpace(_ index: inout Int) { skipJSONSpace(in: bytes, from: &index, before: count) }
    index += 1
    skipSpace(&index)
    guard index < count, bytes[index] == UInt8(ascii: ",") else { return nil }
    index += 1
    skipSpace(&index)
    let key = Array("\"ties\"".utf8)
    guard index + key.count <= count,
      UnsafeBufferPointer(rebasing: bytes[index..<index + key.count]).elementsEqual(key)
    else { return nil }
    index += key.count
    skipSpace(&index)
    guard index < count, bytes[index] == UInt8(ascii: ":") else { return nil }
    index += 1
    skipSpace(&index)
    guard index < count, bytes[index] == UInt8(ascii: "[") else { return nil }
    let tiesOpen = index
    // Read beside the first part, a byte of people takes about four times
    // as long as a byte of ties (measured on M: 5.8 MB of people 0.1 s, ties
    // about 220 MB/s): balance people + second part against the first part.
    let peopleBytes = tiesOpen - open
    let tiesBytes = count - tiesOpen
    let secondPart = max(tiesBytes / 8, (tiesBytes - 4 * peopleBytes) / 2)
    guard
      let comma = splitGuess(ofArrayAt: tiesOpen, from: tiesOpen + tiesBytes - secondPart)
    else {
      return nil
    }
    return TiesFirstPart(of: self, open: tiesOpen, comma: comma)
  }

  /// Reads tie elements from `start`, numbering them from 0, until the comma
  /// at `stopAfterComma` or the array's end; returns the offset of the last
  /// comma read (-1 when the array ended) and how many elements were read.
  mutating func parseTieElements(from start: Int, stopAfterComma: Int?)
    throws(JSONScanner.Failure) -> (comma: Int, elements: Int)
  {
    scanner.position = start
    if scanner.peek() == UInt8(ascii: "]") {
      scanner.position += 1
      return (-1, 0)  // an empty array: nothing to split
    }
    var index = 0
    while true {
      let offset = skipSpace()
      try parseTie(index, at: offset)
      index += 1
      guard try scanner.nextElement(close: UInt8(ascii: "]")) else { return (-1, index) }
      if let stop = stopAfterComma, scanner.position > stop {
        return (scanner.position - 1, index)
      }
    }
  }
}

/// The first part of a split ties array, read on another thread from the
/// array's start up to the element that ends at the guessed `comma`;
/// ``finish()`` waits for it and hands back what it read.
///
/// ```swift
/// let first = TiesFirstPart(of: parser, open: open, comma: comma)  // reading now
/// let (part, stop, failure) = first.finish()
/// ```
///
/// - Complexity: the part's parse, O(*b*) in its bytes, on another thread.
struct TiesFirstPart {
  /// Where the ties array opens, and the comma after which the second part starts.
  let open: Int
  let comma: Int
  private let reading:
    BackgroundPart<JSONNetworkParser, Result<(comma: Int, elements: Int), JSONScanner.Failure>>

  init(of owner: JSONNetworkParser, open: Int, comma: Int) {
    self.open = open
    self.comma = comma
    var parser = JSONNetworkParser(tiesPartOf: owner)
    // Room for the whole array: the second part is appended without moving this one.
    parser.reserveTies(forBytesFrom: open)
    reading = BackgroundPart(consume parser) { parser in
      do throws(JSONScanner.Failure) {
        return .success(try parser.parseTieElements(from: open + 1, stopAfterComma: comma))
      } catch {
        return .failure(error)
      }
    }
  }

  /// Waits for the part to be read (once); its parser, the offset of the
  /// last comma it read (-1 when the array ended) with how many elements it
  /// read, and the error that stopped it.
  func finish() -> (JSONNetworkParser, (comma: Int, elements: Int), JSONScanner.Failure?) {
    let (parser, outcome) = reading.finish()
    switch outcome {
    case .success(let stop): return (parser, stop, nil)
    case .failure(let failure): return (parser, (-1, 0), failure)
    }
  }
}
