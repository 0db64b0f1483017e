// libFuzzer entry point for the XML pull lexer.
// Built by `Scripts/fuzz.sh --target xml` together with TrustCore's sources
// into one module (no SwiftPM target: SwiftPM does not pass -sanitize=fuzzer).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXMLLexer(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let buffer = UnsafeBufferPointer(start: data, count: size)
  let quiet = lexAll(buffer, reportsWhitespace: false)
  let loud = lexAll(buffer, reportsWhitespace: true)
  // Reporting white-space text changes which tokens come, never the verdict.
  precondition(quiet.failure == loud.failure, "white-space reporting changed the verdict")
  precondition(quiet.tags == loud.tags, "white-space reporting changed the tags")
  if let failure = quiet.failure {
    precondition(failure.offset >= 0 && failure.offset <= size, "failure offset out of range")
    precondition(!failure.message.isEmpty)
  }
  return 0
}

private struct Outcome {
  var tags: [Int] = []
  var failure: LexFailure?
}

private func lexAll(_ buffer: UnsafeBufferPointer<UInt8>, reportsWhitespace: Bool) -> Outcome {
  var lexer = XMLLexer(bytes: buffer)
  lexer.reportsWhitespaceText = reportsWhitespace
  var outcome = Outcome()
  var last = 0
  var depth = 0
  do throws(LexFailure) {
    while let token = try lexer.next() {
      precondition(token.start >= last && token.end >= token.start && token.end <= buffer.count)
      last = token.end
      switch token.kind {
      case .startTag:
        depth += 1
        precondition(token.depth == depth && depth <= XMLLexer.maximumDepth)
        outcome.tags.append(token.start)
        _ = lexer.namespaceURI(token.namespace)
        for index in 0..<lexer.attributeCount {
          let attribute = lexer.attribute(index)
          precondition(attribute.value.start >= token.start && attribute.value.end < token.end)
          checkDecoded(&lexer, attribute.value)
          _ = lexer.namespaceURI(attribute.namespace)
        }
      case .endTag:
        precondition(token.depth == depth)
        depth -= 1
        outcome.tags.append(-token.end)
        _ = lexer.namespaceURI(token.namespace)
      case .text:
        precondition(depth > 0)
        checkDecoded(&lexer, token.text)
      }
    }
    precondition(depth == 0, "the document ended with open elements")
  } catch {
    outcome.failure = error
  }
  return outcome
}

/// Decoded text is valid UTF-8 with only characters XML allows.
private func checkDecoded(_ lexer: inout XMLLexer, _ range: XMLTextRange) {
  lexer.withText(range) { bytes in
    var index = 0
    while index < bytes.count {
      let (value, length) = decodeUTF8Scalar(bytes, at: index, limit: bytes.count)
      precondition(length > 0 && XMLCharacters.isAllowed(value), "decoded text is not XML text")
      if range.kind == .attributeValue && !range.needsDecoding {
        precondition(value != 0x09 && value != 0x0A && value != 0x0D)
      }
      index += length
    }
  }
}
