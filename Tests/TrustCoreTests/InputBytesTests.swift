import Foundation
import Testing

@testable import TrustCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the stream check stops `text`, fed in `chunks` of that many bytes.
private func stop(_ bytes: [UInt8], chunks: Int = .max) -> Int? {
  var check = StreamCheck()
  var start = 0
  while start < bytes.count {
    let end = min(bytes.count, start + chunks)
    let found = bytes[start..<end].withUnsafeBufferPointer {
      check.firstNonText(in: $0, at: start)
    }
    if let found { return found }
    start = end
  }
  return nil
}

/// A path that reads `bytes` through a pipe, as `<(printf …)` gives one.
private func pipePath(_ bytes: [UInt8]) -> (path: String, close: () -> Void) {
  var ends: [Int32] = [0, 0]
  _ = pipe(&ends)
  _ = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
  close(ends[1])
  let reader = ends[0]
  return ("/dev/fd/\(reader)", { close(reader) })
}

@Suite("Input bytes: streams checked as they arrive, limits for pipes too")
struct InputBytesTests {
  @Test func textStartsWithAPrintableCharacterAndHasNoNUL() {
    #expect(stop(Array(" \n\t\r{\"a\": 1}".utf8)) == nil)
    #expect(stop([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) == nil)  // a byte-order mark
    #expect(stop(Array("é, from, to".utf8)) == nil)
    #expect(stop(Array("*Vertices 2".utf8)) == nil)
    #expect(stop([0]) == 0)
    #expect(stop([0x20, 0x0A, 0x01]) == 2)
    #expect(stop([0x80, 0x41]) == 0)  // a continuation byte cannot start a character
    #expect(stop([0xFF]) == 0)
    #expect(stop(Array("{\"a\": 1".utf8) + [0] + Array("}".utf8)) == 7)
    // The same answers when the bytes come a few at a time.
    #expect(stop([0x20, 0x20, 0x20, 0x00], chunks: 1) == 3)
    #expect(stop(Array("{\"id\": \"x\"".utf8) + [0], chunks: 3) == 10)
    #expect(stop([0xEF, 0xBB, 0xBF, 0x7B], chunks: 1) == nil)
  }

  @Test func aPipeOverTheLimitStopsWithTooLarge() throws {
    let (path, done) = pipePath(Array(repeating: UInt8(ascii: " "), count: 5000) + Array("{}".utf8))
    defer { done() }
    let error = #expect(throws: NetworkLoadError.self) {
      _ = try NetworkFile(path: path, limit: 1000)
    }
    #expect(error?.diagnostics.map(\.code) == [.tooLarge])
    #expect(error?.diagnostics.first?.message.hasPrefix("the input is over 1000 bytes") == true)
  }

  @Test func aPipeOfZerosIsStoppedAtItsFirstByteWithItsPlace() throws {
    let (path, done) = pipePath(Array("{\n  \"trustmap\": 1,\n  ".utf8) + [0, 0, 0])
    defer { done() }
    let error = #expect(throws: NetworkLoadError.self) { _ = try NetworkFile(path: path) }
    let diagnostic = try #require(error?.diagnostics.first)
    #expect(diagnostic.code == .syntax)
    #expect(diagnostic.location == FileLocation(line: 3, column: 3, offset: 21))
  }

  @Test func aRegularFileOverTheLimitIsRefusedBeforeReading() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("limit-\(UUID()).json")
    try Data(#"{"trustmap": 1, "people": []}"#.utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let error = #expect(throws: NetworkLoadError.self) {
      _ = try NetworkFile(path: url.path, limit: 10)
    }
    #expect(error?.diagnostics.map(\.code) == [.tooLarge])
    let file = try NetworkFile(path: url.path, limit: 100)
    #expect(file.count == 29)
    #expect(try file.network().people.count == 0)
  }

  /// A large regular file is read in two halves at once: every byte in
  /// its place, at any split, and a file of one byte too.
  @Test(arguments: [1, 2, 3, 4097, 100_001])
  func aRegularFileReadInTwoHalvesIsWhole(size: Int) throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("halves-\(UUID()).bin")
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    for twoHalvesFrom in [0, size, size + 1] {
      let read = try InputBytes.read(path: url.path, limit: size, twoHalvesFrom: twoHalvesFrom)
      defer { read.deallocate() }
      #expect(Array(read) == bytes)
    }
  }

  @Test func aPipeIsReadWhole() throws {
    let text = #"{"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}]}"#
    let (path, done) = pipePath(Array(text.utf8))
    defer { done() }
    let file = try NetworkFile(path: path)
    #expect(file.count == text.utf8.count)
    #expect(try file.network().people.count == 2)
  }
}
