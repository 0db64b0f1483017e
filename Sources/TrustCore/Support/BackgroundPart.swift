import Dispatch

/// A value worked on by another thread while this one goes on, handed back
/// once with what the work returned: how the readers take the first part of
/// a long list of ties on a second core while they read the rest.
///
/// The value is moved into the work, not shared (callers pass it with
/// `consume`), so the columns it grows are never copied on write; ``finish()`` waits for the work and must be
/// called exactly once, on every path (the work may read buffers the caller
/// owns).
///
/// ```swift
/// let first = BackgroundPart(consume reader) { reader in reader.readRecords(upTo: middle) }
/// let rest = readRecords(from: middle)  // meanwhile, on this thread
/// let (reader, read) = first.finish()
/// ```
///
/// - Complexity: O(1) beyond the work itself.
final class BackgroundPart<Part, Output>: @unchecked Sendable {
  // Written by the work's thread before `group` is left, read by the
  // caller's after it waits: the group orders every access.
  private let group = DispatchGroup()
  private var part: Part?
  private var output: Output?

  /// Starts `work` on `part` on another thread.
  init(_ part: consuming Part, _ work: @escaping (inout Part) -> Output) {
    self.part = consume part
    let work = UnsafeSendable(work)
    DispatchQueue.global().async(group: group) { [self] in
      guard var taken = self.part else { return }
      self.part = nil  // the only reference while the work grows it
      output = work.value(&taken)
      self.part = taken
    }
  }

  /// Waits for the work; the part as it left it, and what it returned.
  func finish() -> (part: Part, output: Output) {
    group.wait()
    guard let part, let output else { preconditionFailure("BackgroundPart finished twice") }
    self.part = nil
    self.output = nil
    return (part, output)
  }
}
