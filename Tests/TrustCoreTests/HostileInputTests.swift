import Testing

@testable import TrustCore

/// Hostile and broken inputs (issue: robustness): each has a precise outcome,
/// an error that names the place, or, where the input is valid, the right reading.
@Suite("Hostile inputs")
struct HostileInputTests {
  @Test func aHundredMegabyteStringIsReadWhole() throws {
    let long = String(repeating: "x", count: 100_000_000)
    let net = try network(#"{"trustmap": 1, "people": [{"id": "a", "name": "\#(long)"}]}"#)
    #expect(net.people.name(of: 0).utf8.count == 100_000_000)
    // Unterminated, it is an error at its opening quote.
    let error = loadError(#"{"trustmap": 1, "people": [{"id": "a", "name": "\#(long)"#)
    #expect(error?.diagnostics.first?.message == "unterminated string")
    #expect(error?.diagnostics.first?.location?.column == 48)
  }

  @Test func aMillionTiesToUnknownPeopleAreCappedAndCounted() {
    var json = #"{"trustmap": 1, "people": [{"id": "a"}], "ties": ["#
    json.reserveCapacity(30_000_000)
    let record = #"{"from": "a", "to": "nobody"},"#
    for _ in 0..<999_999 { json += record }
    json += #"{"from": "a", "to": "nobody"}]}"#
    guard let error = loadError(json) else {
      Issue.record("expected errors")
      return
    }
    #expect(error.errorCount == 1_000_000)
    #expect(error.diagnostics.count == NetworkReader.defaultDiagnosticLimit)
    #expect(error.diagnostics[0].path == "ties[0].to")
    #expect(error.description.hasSuffix("(and 999999 more errors)"))
  }

  @Test func everyTruncationOfTheExampleIsAnErrorWithAPlace() throws {
    let folder = String(#filePath.dropLast("Tests/TrustCoreTests/HostileInputTests.swift".count))
    let bytes = try TrustNetwork.readAllBytes(path: folder + "Examples/org.json")
    _ = try TrustNetwork(json: bytes)
    var lastNonSpace = bytes.count
    while lastNonSpace > 0 && (bytes[lastNonSpace - 1] == 0x0A || bytes[lastNonSpace - 1] == 0x20) {
      lastNonSpace -= 1
    }
    for length in 0..<lastNonSpace {
      let error = loadError(bytes: Array(bytes[0..<length]))
      #expect(error != nil, "truncated at \(length)")
      #expect(error?.diagnostics.first?.location != nil, "truncated at \(length)")
    }
  }

  @Test(arguments: [
    ("1e400", "1e400 is out of range for a number"),
    ("-1e400", "-1e400 is out of range for a number"),
    ("1e99999999999", "1e99999999999 is out of range for a number"),
    ("01", "a leading zero must not be followed by digits"),
    ("1.", "digits must follow the decimal point"),
    ("-", "invalid number"),
    ("+1", "unexpected '+'"),
    (".5", "unexpected '.'"),
    ("1e", "digits must follow the exponent"),
    ("NaN", "unexpected 'N'"),
    ("Infinity", "unexpected 'I'"),
  ])
  func malformedAndHugeNumbers(text: String, message: String) {
    let error = loadError(
      #"{"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}], "ties": [{"from": "a", "to": "b", "strength": \#(text)}]}"#)
    #expect(error?.diagnostics.first?.message.contains(message) == true, "\(error?.diagnostics.first?.message ?? "no error")")
  }

  @Test func tinyAndNegativeZeroNumbersReadAsZero() throws {
    for text in ["-0", "-0.0", "1.0e-400", "0e5", "-0E-0"] {
      let net = try network(
        #"{"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}], "ties": [{"from": "a", "to": "b", "strength": \#(text)}]}"#)
      #expect(net.ties.strength == [0])
    }
  }

  @Test func controlCharactersAndSurrogatesInIds() {
    for id in [#"\u0000"#, #"a\u001fb"#, #"\u007f"#] {
      let error = loadError(#"{"trustmap": 1, "people": [{"id": "\#(id)"}]}"#)
      #expect(error?.diagnostics.first?.code == NetworkDiagnostic.Code.invalidValue)
      #expect(error?.diagnostics.first?.path == "people[0].id")
    }
    for id in [#"\ud800"#, #"\udfff"#, #"\ud800\u0041"#, #"\ud800\ud800"#] {
      let error = loadError(#"{"trustmap": 1, "people": [{"id": "\#(id)"}]}"#)
      #expect(error?.diagnostics.first?.code == NetworkDiagnostic.Code.loneSurrogate)
      #expect(error?.diagnostics.first?.location?.column == 36)
    }
  }

  @Test func duplicateKeysInEveryObject() {
    let cases = [
      (#"{"trustmap": 1, "trustmap": 1, "people": []}"#, ""),
      (#"{"trustmap": 1, "people": [], "ties": [{"from": "a", "from": "a", "to": "a"}]}"#, "ties[0]"),
      (#"{"trustmap": 1, "people": [], "communities": [{"id": "c", "id": "d", "members": []}]}"#, "communities[0]"),
    ]
    for (json, path) in cases {
      let error = loadError(json)
      #expect(error?.diagnostics.contains { $0.code == NetworkDiagnostic.Code.duplicateKey && $0.path == path } == true, "\(json)")
    }
  }

  @Test func binaryFilesAreRejectedAtTheFirstByte() {
    var random = SeededGenerator(seed: 5)
    for _ in 0..<50 {
      let bytes = (0..<200).map { _ in UInt8.random(in: 0...255, using: &random) }
      let error = loadError(bytes: bytes)
      #expect(error != nil)
      #expect(error?.errorCount == 1)
    }
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    #expect(loadError(bytes: png)?.diagnostics.first?.message.contains("binary data") == true)
  }

  @Test func deepNestingInEveryPlace() {
    let deep = String(repeating: "[", count: 600)
    for json in [
      #"{"trustmap": 1, "people": [{"id": "a", "x": \#(deep)"#,
      #"{"trustmap": 1, "people": [], "ties": [{"contexts": \#(deep)"#,
      #"{"a": {"b": \#(deep)"#,
    ] {
      #expect(loadError(json)?.diagnostics.first?.code == NetworkDiagnostic.Code.nestingTooDeep)
    }
  }
}
