/// HyperLogLog counters (Flajolet et al. 2007) of 2^10 one-byte registers,
/// for estimating how many distinct people a union of neighbourhoods holds
/// (HyperANF, Boldi, Rosa & Vigna 2011), with Ertl's improved estimator
/// (2017), unbiased from a handful of people to billions without tables.
///
/// A person's hash is fixed by their index (``code(of:)``), so a counter's
/// bytes are the same on any machine and any number of cores.
///
/// ```swift
/// let registers = UnsafeMutablePointer<UInt8>.allocate(capacity: HyperLogLog.registerCount)
/// registers.initialize(repeating: 0, count: HyperLogLog.registerCount)
/// for person in 0..<5_000 { HyperLogLog.insert(HyperLogLog.code(of: person), into: registers) }
/// HyperLogLog.estimate(registers)  // ≈ 5,000, within 3.25 % (one standard error)
/// ```
///
/// - Complexity: an insertion or a register read O(1); a union O(2^10 / 16)
///   vector maxima; an estimate O(2^10).
enum HyperLogLog {
  /// Bits of the hash that choose the register.
  static let precision = 10
  /// Registers per counter: 2^``precision``.
  static let registerCount = 1 << precision
  /// The relative standard error of an estimate, 1.04 / √(2^10) ≈ 0.0325.
  static let relativeStandardError = 1.04 / Double(registerCount).squareRoot()

  /// Person `index`'s register (low 10 bits) and rank (the bits above),
  /// from a SplitMix64 hash of the index: the same on every machine.
  @inline(__always)
  static func code(of index: Int) -> UInt16 {
    var z = UInt64(truncatingIfNeeded: index) &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    let register = UInt16(truncatingIfNeeded: z >> UInt64(64 - precision))
    // The rank: leading zeros of the remaining 54 bits, plus one (1 ... 55).
    let rest = z << UInt64(precision)
    let rank = UInt16(min(rest.leadingZeroBitCount, 64 - precision) + 1)
    return register | rank << UInt16(precision)
  }

  /// Adds the person whose ``code(of:)`` is `code` to `registers`.
  @inline(__always)
  static func insert(_ code: UInt16, into registers: UnsafeMutablePointer<UInt8>) {
    let register = Int(code & UInt16(registerCount - 1))
    let rank = UInt8(truncatingIfNeeded: code >> UInt16(precision))
    registers[register] = max(registers[register], rank)
  }

  /// Makes `target` count the union of itself and `source`.
  @inline(__always)
  static func formUnion(
    _ target: UnsafeMutablePointer<UInt8>, with source: UnsafePointer<UInt8>
  ) {
    let target = UnsafeMutableRawPointer(target)
    let source = UnsafeRawPointer(source)
    var offset = 0
    while offset < registerCount {
      let a = target.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
      let b = source.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
      target.storeBytes(of: pointwiseMax(a, b), toByteOffset: offset, as: SIMD16<UInt8>.self)
      offset &+= 16
    }
  }

  /// How many ranks a register can hold, 0 to 55: the size of the
  /// histogram ``estimate(_:histogram:)`` counts into.
  static let rankCount = 64 - precision + 2

  /// The estimated number of distinct people counted in `registers`
  /// (Ertl 2017, the improved raw estimator: no bias correction needed).
  static func estimate(_ registers: UnsafePointer<UInt8>) -> Double {
    let histogram = UnsafeMutablePointer<Int32>.allocate(capacity: rankCount)
    defer { histogram.deallocate() }
    return estimate(registers, histogram: histogram)
  }

  /// ``estimate(_:)`` counting into `histogram`, ``rankCount`` values of
  /// scratch, so that hot loops allocate nothing.
  @inline(__always)
  static func estimate(
    _ registers: UnsafePointer<UInt8>, histogram: UnsafeMutablePointer<Int32>
  ) -> Double {
    let q = 64 - precision
    histogram.update(repeating: 0, count: rankCount)
    for register in 0..<registerCount { histogram[Int(registers[register])] &+= 1 }
    let m = Double(registerCount)
    var z = m * tau(1 - Double(histogram[q + 1]) / m)
    for rank in stride(from: q, through: 1, by: -1) { z = 0.5 * (z + Double(histogram[rank])) }
    z += m * sigma(Double(histogram[0]) / m)
    guard z.isFinite else { return 0 }
    return m * m / (2 * 0.693_147_180_559_945_3) / z
  }

  /// σ(x) = x + Σ_{k ≥ 1} x^(2^k) 2^(k−1), infinite at 1 (an empty counter).
  private static func sigma(_ x: Double) -> Double {
    if x == 1 { return .infinity }
    var x = x
    var y = 1.0
    var z = x
    while true {
      x *= x
      let previous = z
      z += x * y
      y += y
      if z == previous { return z }
    }
  }

  /// τ(x) = (1 − x − Σ_{k ≥ 1} (1 − x^(2^−k))² 2^−k) / 3.
  private static func tau(_ x: Double) -> Double {
    if x == 0 || x == 1 { return 0 }
    var x = x
    var y = 1.0
    var z = 1 - x
    while true {
      x = x.squareRoot()
      let previous = z
      y *= 0.5
      z -= (1 - x) * (1 - x) * y
      if z == previous { return z / 3 }
    }
  }
}
