/// How a reader of another format treats weights that are not strengths
/// from 0 to 1 (``ReadOptions``): scaled by the largest, negative ones left
/// out, or both; by default each is an error at its place.
///
/// ```swift
/// assembler.weightRules = WeightRules(scales: true, dropsNegative: true)
/// ```
///
/// - Complexity: O(1).
struct WeightRules: Sendable, Hashable {
  /// Whether weights are mapped to w / max w when the network is finished.
  var scales = false
  /// Whether a tie with a negative weight is left out (and counted).
  var dropsNegative = false
}

/// What a reader does with the tie a weight belongs to.
///
/// ```swift
/// switch assembler.weight(parsing: cell, at: place, ordinal: 3) {
/// case .keep(let strength): assembler.addTie(…, strength: strength, …)
/// case .drop: assembler.dropTie()
/// }
/// ```
enum WeightVerdict: Equatable, Sendable {
  /// Add the tie with this strength (a refused weight was reported, and the
  /// tie is kept with strength 1 so that its ends are checked too).
  case keep(Double)
  /// Leave the tie out: its weight was negative and the rules drop such ties.
  case drop
}

extension NetworkAssembler {
  /// Checks a weight read from another format than trustmap's JSON under
  /// ``weightRules``: a strength from 0 to 1 is kept; a negative one is
  /// dropped (and counted) or an error; one above 1 is kept as it is when
  /// weights are scaled (``scaleWeights()`` divides them all at the end),
  /// else an error with a hint at scaling; one that is not finite is an error.
  ///
  /// ```swift
  /// assembler.weight(3, text: "3", at: place, ordinal: 0)
  /// // .keep(1), and "a strength must be from 0 to 1, not 3 (…scale-weights…)"
  /// ```
  ///
  /// - Complexity: O(1).
  @inline(__always)
  mutating func weight(
    _ value: Double, text: @autoclosure () -> String, at place: SourcePlace, ordinal: Int
  ) -> WeightVerdict {
    if value >= 0 && value <= 1 && !weightRules.scales { return .keep(value + 0) }
    guard value.isFinite else {
      diagnostics.add(
        .error, .numberOutOfRange, at: place, path: .tie(ordinal, .strength),
        "\(text()) is out of range for a number")
      return .keep(1)
    }
    if value < 0 {
      if weightRules.dropsNegative {
        droppedNegativeWeights += 1
        return .drop
      }
      diagnostics.add(
        .error, .strengthOutOfRange, at: place, path: .tie(ordinal, .strength),
        "a strength must be from 0 to 1, not \(text()) (a negative weight, distrust: "
          + "--drop-negative leaves such ties out)")
      return .keep(1)
    }
    if weightRules.scales {
      if value > largestWeight { largestWeight = value }
      return .keep(value + 0)
    }
    diagnostics.add(
      .error, .strengthOutOfRange, at: place, path: .tie(ordinal, .strength),
      "a strength must be from 0 to 1, not \(text()) (--scale-weights maps weights to "
        + "w / max w)")
    return .keep(1)
  }

  /// As ``weight(_:text:at:ordinal:)`` for a weight given as text (a CSV
  /// cell, an XML attribute): a number as JSON writes it, or with a leading
  /// `+` or `.`; empty text is the default strength, 1. Text that is not a
  /// number is reported as such.
  ///
  /// - Complexity: O(*k*) for *k* bytes.
  mutating func weight(
    parsing text: UnsafeBufferPointer<UInt8>, at place: SourcePlace, ordinal: Int
  ) -> WeightVerdict {
    if text.isEmpty { return weight(1, text: "1", at: place, ordinal: ordinal) }
    guard let value = parseDecimal(text) else {
      diagnostics.add(
        .error, .wrongType, at: place, path: .tie(ordinal, .strength),
        "expected a number from 0 to 1, found '\(Self.shortText(text))'")
      return .keep(1)
    }
    return weight(value, text: Self.shortText(text), at: place, ordinal: ordinal)
  }

  /// Maps every strength to w / max w when ``weightRules`` scale them and
  /// some weight is above 0, recording the largest for the network.
  ///
  /// - Complexity: O(*m*) for *m* ties.
  mutating func scaleWeights() {
    guard weightRules.scales, largestWeight > 0 else { return }
    let largest = largestWeight
    ties.strength.withUnsafeMutableBufferPointer { strengths in
      for tie in strengths.indices { strengths[tie] = min(1, strengths[tie] / largest) }
    }
  }

  /// Adds the person with id `id` if nobody has it yet: formats whose people
  /// are the ends of their ties (an edge list, a ties file without a people
  /// file) name each person first where they first appear. Returns whether
  /// the person is new.
  ///
  /// - Complexity: O(*k*) expected for an id of *k* bytes.
  @discardableResult
  mutating func implicitPerson(_ id: UnsafeBufferPointer<UInt8>, at place: SourcePlace) -> Bool {
    guard !id.isEmpty, people.ids.index(of: id) == nil else { return false }
    beginPerson(ordinal: people.count)
    personID(id, at: place)
    return finishPerson() != nil
  }
}

/// A decimal number as JSON writes it (`0.5`, `1`, `5e-1`) or as spreadsheets
/// also do (`+0.5`, `.5`, `1.`), with no spaces; `nil` for anything else.
///
/// ```swift
/// parseDecimal(bytes("0.25"))  // 0.25
/// ```
///
/// - Complexity: O(*k*) for *k* bytes; no allocation for numbers of up to 64 bytes.
func parseDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
  if let value = parseShortDecimal(text) { return value }
  var scanner = JSONScanner(bytes: text)
  if let first = text.first,
    first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")),
    let number = try? scanner.number(), number.end == text.count
  {
    return number.value
  }
  // Spreadsheet spellings JSON refuses; Double's parser also takes "inf" and
  // "nan", which are refused here: only digits, a sign, a point and an exponent.
  guard text.count <= 64,
    text.allSatisfy({ byte in
      (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
        || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "e")
        || byte == UInt8(ascii: "E")
    })
  else { return nil }
  return Double(String(decoding: text, as: UTF8.self))
}

/// `digits` or `digits.digits` with at most 15 digits in all and no
/// leading zero before other digits (`0.85`, `3`, `12.5`), as `Double`
/// parses it; `nil` for any other text. A CSV of weights is mostly such
/// cells, and the general scanner cost a twentieth of reading one.
///
/// Exact: the digits as an integer and the power of ten are both exactly
/// doubles (under 2^53 and 10^22), so one division rounds correctly.
///
/// ```swift
/// parseShortDecimal(cell)  // 0.85 for "0.85"; nil for "1e3", "-1", ".5"
/// ```
///
/// - Complexity: O(*k*) for *k* ≤ 16 bytes.
@inline(__always)
func parseShortDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
  let count = text.count
  guard count > 0, count <= 16 else { return nil }
  var mantissa: UInt64 = 0
  var point = -1
  for index in 0..<count {
    let byte = text[index]
    if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
      mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
    } else if byte == UInt8(ascii: ".") && point < 0 && index > 0 && index < count - 1 {
      point = index
    } else {
      return nil
    }
  }
  // A leading zero must be the whole integer part, as in JSON.
  if text[0] == UInt8(ascii: "0") && count > 1 && point != 1 { return nil }
  let digits = point < 0 ? count : count - 1
  guard digits <= 15 else { return nil }
  var scale = 1.0
  if point >= 0 {
    for _ in 0..<(count - 1 - point) { scale *= 10 }
  }
  return Double(mantissa) / scale
}
