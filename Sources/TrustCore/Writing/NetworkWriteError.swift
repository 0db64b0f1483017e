/// Why a ``NetworkWriter`` cannot write: a format trustmap only reads, a
/// part the format does not have, results of another network, or an output
/// that failed (its error in ``underlying``).
///
/// ```swift
/// do {
///   try NetworkWriter(format: .vna)
/// } catch {
///   print(error)  // trustmap reads vna but does not write it
/// }
/// ```
public struct NetworkWriteError: Error, Sendable, CustomStringConvertible {
  /// A kind of problem. New kinds may be added; switch with a `default`.
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    private let name: String
    private init(_ name: String) { self.name = name }
    public var description: String { name }

    /// The format is read, never written (``NetworkFormat/canWrite`` is false).
    public static let unwritableFormat = Code("unwritable-format")
    /// The format writes no such file (``NetworkWriter/parts(for:)``).
    public static let noSuchPart = Code("no-such-part")
    /// The results are for a different number of people than the network has.
    public static let resultsMismatch = Code("results-mismatch")
    /// The sink threw; its error is ``NetworkWriteError/underlying``.
    public static let output = Code("output")
  }

  /// The kind of problem.
  public var code: Code
  /// What is wrong, in words.
  public var message: String
  /// What the sink threw, for ``Code/output``.
  public var underlying: (any Error)?

  /// Creates an error.
  public init(code: Code, message: String, underlying: (any Error)? = nil) {
    self.code = code
    self.message = message
    self.underlying = underlying
  }

  public var description: String { message }
}
