import Foundation
import Testing

@testable import TrustmapCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What OutputFile promises: a whole file or none, never the input, devices
/// and FIFOs written directly, and exit 74 when writing fails.
@Suite("Output files: whole or not at all, never the input")
struct OutputFileTests {
  func contents(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }
  func files(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  /// A file given up before `commit` leaves the old file as it was, and no
  /// temporary file behind.
  @Test func noHalfFileWithoutCommit() throws {
    try withTemporaryFolder { folder in
      let target = folder.appendingPathComponent("out.txt")
      try "old\n".write(to: target, atomically: true, encoding: .utf8)
      do {
        let file = try OutputFile(path: target.path)
        try file.write("half a ")
        #expect(try files(in: folder).count == 2, "the temporary file sits beside the target")
        #expect(try contents(target) == "old\n")
      }
      #expect(try contents(target) == "old\n")
      #expect(try files(in: folder) == ["out.txt"])
      let file = try OutputFile(path: target.path)
      try file.write("new\n")
      try file.commit()
      #expect(try contents(target) == "new\n")
      #expect(try files(in: folder) == ["out.txt"])
    }
  }

  /// When the second file of a CSV cannot be made, the first is not left
  /// half written or written at all.
  @Test func aFailedPartLeavesNoFile() throws {
    try withTemporaryFolder { folder in
      let main = folder.appendingPathComponent("org.csv").path
      try FileManager.default.createDirectory(
        at: folder.appendingPathComponent("org-people.csv"), withIntermediateDirectories: false)
      let result = trustmap("convert", "Examples/org.json", main)
      #expect(result.status == 74)
      #expect(result.errors == "Error: cannot write '\(folder.path)/org-people.csv': Is a directory\n")
      #expect(try files(in: folder) == ["org-people.csv"])
    }
  }

  @Test func keepsTheModeOfTheFileItReplaces() throws {
    try withTemporaryFolder { folder in
      let target = folder.appendingPathComponent("out.graphml")
      try "old".write(to: target, atomically: true, encoding: .utf8)
      chmod(target.path, 0o600)
      #expect(trustmap("convert", "Examples/org.json", target.path).status == 0)
      let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
      #expect(mode == 0o600)
      #expect(try contents(target).hasPrefix("<?xml"))
      let fresh = folder.appendingPathComponent("new.graphml")
      #expect(trustmap("convert", "Examples/org.json", fresh.path).status == 0)
      let umaskValue = umask(0o022)
      umask(umaskValue)
      let freshMode = try FileManager.default.attributesOfItem(atPath: fresh.path)[.posixPermissions] as? Int
      #expect(freshMode == 0o666 & ~Int(umaskValue))
    }
  }

  /// An output that is the input through a symbolic or a hard link is
  /// refused, and the input is left as it was.
  @Test(arguments: ["symbolic", "hard", "same"])
  func refusesTheInputThroughALink(kind: String) throws {
    try withTemporaryFolder { folder in
      let input = folder.appendingPathComponent("in.json")
      let original = try String(contentsOf: packageRoot.appendingPathComponent("Examples/org.json"), encoding: .utf8)
      try original.write(to: input, atomically: true, encoding: .utf8)
      let link = folder.appendingPathComponent("link.json")
      switch kind {
      case "symbolic": try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
      case "hard": try FileManager.default.linkItem(at: input, to: link)
      default: break
      }
      let output = kind == "same" ? input.path : link.path
      let result = trustmap("convert", input.path, output)
      #expect(result.status == 64)
      let through = kind == "same" ? "" : " '\(input.path)' (the same file)"
      #expect(result.errors.hasPrefix("Error: '\(output)' is the input file\(through); convert never writes over its input\n"))
      #expect(try contents(input) == original)
      #expect(try files(in: folder).count == (kind == "same" ? 1 : 2))
    }
  }

  /// A symbolic link to another file is followed: the file it names is
  /// replaced, and the link stays a link.
  @Test func followsALinkToAnotherFile() throws {
    try withTemporaryFolder { folder in
      let real = folder.appendingPathComponent("real.dot")
      try "old".write(to: real, atomically: true, encoding: .utf8)
      let link = folder.appendingPathComponent("link.dot")
      try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
      #expect(trustmap("convert", "Examples/org.json", link.path).status == 0)
      #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
      #expect(try contents(real).hasPrefix("digraph"))
      #expect(try files(in: folder) == ["link.dot", "real.dot"])
    }
  }

  /// A FIFO is written directly (never renamed over): a reader on the other
  /// end gets the whole output, and the FIFO is still a FIFO.
  @Test func writesAFIFODirectly() throws {
    try withTemporaryFolder { folder in
      let fifo = folder.appendingPathComponent("pipe.graphml").path
      #expect(mkfifo(fifo, 0o600) == 0)
      let received = ReceivedText()
      let reader = Thread {
        let handle = FileHandle(forReadingAtPath: fifo)
        received.set(String(decoding: handle?.readDataToEndOfFile() ?? Data(), as: UTF8.self))
        received.done.signal()
      }
      reader.start()
      let result = trustmap("convert", "Examples/org.json", fifo)
      #expect(result.status == 0, "\(result.errors)")
      received.done.wait()
      #expect(received.text == trustmap("convert", "Examples/org.json", "-", "--to", "graphml").output)
      var status = stat()
      #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
      let names = try files(in: folder)
      #expect(names == ["pipe.graphml"])
    }
  }

  @Test func writesDevNullDirectly() {
    let result = trustmap("convert", "Examples/org.json", "/dev/null", "--to", "gexf")
    #expect(result.status == 0)
    var status = stat()
    #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
  func aFullDiskIsExit74() {
    let result = trustmap("convert", "Examples/org.json", "/dev/full", "--to", "graphml")
    #expect(result.status == 74)
    #expect(result.output.isEmpty)
    #expect(result.errors == "Error: cannot write '/dev/full': No space left on device\n")
  }

  @Test func aMissingFolderIsExit74() {
    let result = trustmap("convert", "Examples/org.json", "/nonexistent-trustmap-folder/out.graphml")
    #expect(result.status == 74)
    #expect(result.errors == "Error: cannot write '/nonexistent-trustmap-folder/out.graphml': No such file or directory\n")
  }
}

/// Text handed from the FIFO's reading thread to the test.
private final class ReceivedText: @unchecked Sendable {
  private let lock = NSLock()
  private var value = ""
  let done = DispatchSemaphore(value: 0)
  var text: String { lock.withLock { value } }
  func set(_ text: String) { lock.withLock { value = text } }
}
