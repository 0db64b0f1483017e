/// Reads a plain edge list (``EdgeListLexer``): a tie per line, `from to`
/// or `from to weight` (strength 1 without one), the people being the ends
/// in order of first appearance. Weights go through the assembler's weight
/// rules, so `--scale-weights` and `--drop-negative` apply.
///
/// ```swift
/// // # who trusts whom
/// // ana bo 0.9
/// // bo cy
/// let network = try EdgeListReader.read(input).get()  // 3 people, 2 ties
/// ```
///
/// - Complexity: O(*n*) in the file size; the ends are ranges of the file.
enum EdgeListReader {
  static func read(_ input: FormatInput) -> Result<TrustNetwork, NetworkLoadError> {
    var assembler = input.makeAssembler()
    guard input.bytes.count < Int(UInt32.max) else {
      assembler.formatProblem(.tooLarge, in: 0, at: 0, "the file is over 4 GiB")
      return .failure(assembler.failure(source: input.source))
    }
    var lexer = EdgeListLexer(bytes: input.bytes)
    var ordinal = 0
    do throws(LexFailure) {
      while try lexer.next() {
        let tie = ordinal
        ordinal += 1
        let from = assembler.tieEnd(lexer.from, side: .from, in: &lexer.lines, implicit: true)
        let to = assembler.tieEnd(lexer.to, side: .to, in: &lexer.lines, implicit: true)
        var strength = 1.0
        if let weight = lexer.weight {
          let place = SourcePlace(source: 0, offset: weight.start)
          switch assembler.weight(parsing: lexer.lines.tokenBytes(weight), at: place, ordinal: tie)
          {
          case .keep(let value): strength = value
          case .drop:
            assembler.dropTie()
            continue
          }
        }
        assembler.addTie(ordinal: tie, from: from, to: to, strength: strength, mutual: false)
      }
    } catch {
      return .failure(assembler.failure(error, in: 0, source: input.source))
    }
    return assembler.finish(source: input.source)
  }
}

extension NetworkAssembler {
  /// The tie end a token of the network file (source 0) names: a range of
  /// the file, or a staged copy when it holds escapes; with `implicit`, the
  /// person is added first if new (formats whose people are their ties' ends).
  ///
  /// ```swift
  /// let from = assembler.tieEnd(lexer.from, side: .from, in: &lexer.lines, implicit: true)
  /// ```
  ///
  /// - Complexity: O(*k*) for an id of *k* bytes (expected, when `implicit`).
  @inline(__always)
  mutating func tieEnd(
    _ token: LineToken, side: TieSide, in lines: inout LineTokenizer, implicit: Bool
  ) -> TieEnd {
    let place = SourcePlace(source: 0, offset: token.writtenStart)
    if !token.hasEscapes {
      if implicit { implicitPerson(lines.tokenBytes(token), at: place) }
      return TieEnd(start: token.start, length: token.end - token.start, quoted: token.isQuoted)
    }
    return lines.withText(token) { id in
      if implicit { implicitPerson(id, at: place) }
      return stageTieEnd(id: id, at: place, side: side)
    }
  }
}
