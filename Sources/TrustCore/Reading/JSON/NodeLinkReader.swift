/// Reads networkx's node-link JSON (`node_link_data`), with the
/// ``JSONScanner`` the trustmap JSON reader uses: `nodes` are people (`id`,
/// a string or a number read as its JSON text; `label`; `reportsTo`; every
/// other key an attribute, numbers and bools kept as their text); `links`
/// or `edges` are ties (`source`, `target`, `weight` or `strength`,
/// `mutual`, `contexts`: a list, or one text with `;` between); `graph` holds `name`, `strongTieThreshold` and
/// `communities` (`id`, `name`, `members`), as trustmap writes them. With
/// `"directed": false` every tie is mutual.
///
/// ```swift
/// // {"directed": true, "nodes": [{"id": "ana"}, {"id": 17}],
/// //  "links": [{"source": "ana", "target": 17, "weight": 0.5}]}
/// let network = try NodeLinkReader.read(input).get()
/// ```
///
/// - Complexity: O(*n*) in the file size; ends that are plain strings or
///   numbers are ranges of the file.
struct NodeLinkReader {
  var scanner: JSONScanner
  var assembler: NetworkAssembler
  var directed = true

  static func read(_ input: FormatInput) -> Result<TrustNetwork, NetworkLoadError> {
    var reader = NodeLinkReader(
      scanner: JSONScanner(bytes: input.bytes), assembler: input.makeAssembler())
    do throws(JSONScanner.Failure) {
      try reader.readDocument()
    } catch {
      reader.assembler.diagnostics.add(
        .error, error.code, at: SourcePlace(source: 0, offset: error.offset), path: .document,
        error.message)
      return .failure(reader.assembler.failure(source: input.source))
    }
    if !reader.directed {
      for tie in reader.assembler.ties.mutual.indices { reader.assembler.ties.mutual[tie] = true }
    }
    return reader.assembler.finish(source: input.source)
  }

  @inline(__always)
  func place(_ offset: Int) -> SourcePlace { SourcePlace(source: 0, offset: offset) }

  @inline(__always)
  mutating func skipSpace() -> Int {
    _ = scanner.peek()
    return scanner.position
  }

  mutating func skip(depth: Int) throws(JSONScanner.Failure) {
    try scanner.skipValue(depth: depth, maximumDepth: NetworkReader.maximumDepth)
  }

  /// Calls `element` for each element of the array at the scanner (index,
  /// offset), or reports that the value is not an array.
  mutating func array(
    _ what: String, depth: Int,
    _ element: (inout NodeLinkReader, Int, Int) throws(JSONScanner.Failure) -> Void
  ) throws(JSONScanner.Failure) {
    let offset = skipSpace()
    guard scanner.peek() == UInt8(ascii: "[") else {
      assembler.diagnostics.add(
        .error, .wrongType, at: place(offset), path: .key(what), "expected an array of \(what)")
      try skip(depth: depth)
      return
    }
    if try scanner.open(UInt8(ascii: "[")) { return }
    var index = 0
    repeat {
      let elementOffset = skipSpace()
      try element(&self, index, elementOffset)
      index += 1
    } while try scanner.nextElement(close: UInt8(ascii: "]"))
  }

  /// Calls `field` for each key of the object at the scanner (the key, its
  /// offset), or reports that the value is not an object and skips it.
  mutating func object(
    path: DiagnosticPath, depth: Int,
    _ field: (inout NodeLinkReader, JSONScanner.StringToken, Int) throws(JSONScanner.Failure) ->
      Void
  ) throws(JSONScanner.Failure) {
    let offset = skipSpace()
    guard scanner.peek() == UInt8(ascii: "{") else {
      assembler.diagnostics.add(
        .error, .wrongType, at: place(offset), path: path, "expected an object")
      try skip(depth: depth)
      return
    }
    if try scanner.open(UInt8(ascii: "{")) { return }
    repeat {
      let keyOffset = skipSpace()
      let key = try scanner.key()
      _ = skipSpace()
      try field(&self, key, keyOffset)
    } while try scanner.nextElement(close: UInt8(ascii: "}"))
  }

  private mutating func readDocument() throws(JSONScanner.Failure) {
    if scanner.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.position = 3 }
    guard scanner.peek() != nil else {
      throw JSONScanner.Failure(code: .emptyInput, message: "the input is empty", offset: 0)
    }
    try object(path: .document, depth: 0) { reader, key, _ throws(JSONScanner.Failure) in
      if reader.scanner.matches(key, "directed") {
        reader.directed = try reader.flag(path: .key("directed")) ?? true
      } else if reader.scanner.matches(key, "graph") {
        try reader.readGraph()
      } else if reader.scanner.matches(key, "nodes") {
        try reader.array("nodes", depth: 1) { reader, index, offset throws(JSONScanner.Failure) in
          try reader.readNode(index, at: offset)
        }
      } else if reader.scanner.matches(key, "links") || reader.scanner.matches(key, "edges") {
        try reader.array("links", depth: 1) { reader, index, offset throws(JSONScanner.Failure) in
          try reader.readLink(index, at: offset)
        }
      } else {
        try reader.skip(depth: 1)
      }
    }
    if scanner.peek() != nil {
      throw JSONScanner.Failure(
        code: .syntax, message: "unexpected content after the object", offset: scanner.position)
    }
  }

  /// `true` or `false`, or `nil` (reported) for anything else.
  mutating func flag(path: DiagnosticPath) throws(JSONScanner.Failure) -> Bool? {
    let offset = skipSpace()
    let first = scanner.peek()
    if first == UInt8(ascii: "t") || first == UInt8(ascii: "f") {
      return try scanner.literal() == UInt8(ascii: "t")
    }
    assembler.diagnostics.add(
      .error, .wrongType, at: place(offset), path: path, "expected true or false")
    try skip(depth: 2)
    return nil
  }

  /// A value that names a person: a string, or a number as its JSON text;
  /// `body` gets its bytes and whether it was a plain range of the file.
  mutating func idValue<Result>(
    path: DiagnosticPath,
    _ body: (inout NodeLinkReader, UnsafeBufferPointer<UInt8>, Int, Bool) -> Result
  ) throws(JSONScanner.Failure) -> Result? {
    let offset = skipSpace()
    switch scanner.peek() ?? 0 {
    case UInt8(ascii: "\""):
      let token = try scanner.string()
      if !token.decoded {
        let bytes = UnsafeBufferPointer(rebasing: scanner.bytes[token.start..<token.end])
        return body(&self, bytes, offset, true)
      }
      let copy = scanner.withBytes(token) { Array($0) }
      return copy.withUnsafeBufferPointer { body(&self, $0, offset, false) }
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let number = try scanner.number()
      return body(
        &self, UnsafeBufferPointer(rebasing: scanner.bytes[number.start..<number.end]), offset, true
      )
    default:
      assembler.diagnostics.add(
        .error, .wrongType, at: place(offset), path: path,
        "expected a person id (a string or a number)")
      try skip(depth: 3)
      return nil
    }
  }
}
