// libFuzzer entry point for the line lexers: Pajek, NetDraw VNA, edge lists.
// Built by `Scripts/fuzz.sh --target lines` together with TrustCore's sources
// into one module (no SwiftPM target: SwiftPM does not pass -sanitize=fuzzer).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLineLexers(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let buffer = UnsafeBufferPointer(start: data, count: size)
  var pajek = PajekLexer(bytes: buffer)
  var pajekFailure: LexFailure?
  do throws(LexFailure) {
    var last = 0
    while let line = try pajek.next() {
      last = checkTokens(pajek.lines, after: last)
      if case .section(.vertices) = line {
        precondition(pajek.vertexCount >= 0 && (pajek.firstModeCount ?? 0) <= pajek.vertexCount)
      }
      for index in 0..<pajek.lines.tokenCount { _ = pajek.lines.integer(pajek.lines.token(index)) }
    }
  } catch {
    pajekFailure = error
    precondition(error.offset >= 0 && error.offset <= size)
  }
  var vna = VNALexer(bytes: buffer)
  do throws(LexFailure) {
    var last = 0
    while let line = try vna.next() {
      last = checkTokens(vna.lines, after: last)
      if line == .data { precondition(vna.lines.tokenCount <= vna.columnCount) }
    }
  } catch {
    precondition(error.offset >= 0 && error.offset <= size)
  }
  var edges = EdgeListLexer(bytes: buffer)
  do throws(LexFailure) {
    var last = 0
    while try edges.next() {
      last = checkTokens(edges.lines, after: last)
      precondition(edges.lines.tokenCount == 2 || edges.lines.tokenCount == 3)
      precondition(edges.from.end <= edges.to.start)
    }
  } catch {
    precondition(error.offset >= 0 && error.offset <= size)
  }
  _ = pajekFailure
  return 0
}

/// Tokens lie inside their line, in order, after the previous line's.
private func checkTokens(_ lines: borrowing LineTokenizer, after last: Int) -> Int {
  precondition(lines.lineStart >= last && lines.tokenCount > 0)
  var end = lines.lineStart
  for index in 0..<lines.tokenCount {
    let token = lines.token(index)
    precondition(token.writtenStart >= end && token.end >= token.start)
    precondition(token.end <= lines.position)
    end = token.end
    _ = lines.string(token)
  }
  return lines.position
}
