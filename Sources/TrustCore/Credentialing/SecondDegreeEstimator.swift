/// Second degrees estimated over two hops with HyperLogLog counters
/// (HyperANF, Boldi, Rosa & Vigna 2011), for the classes a
/// ``SecondDegreePlan`` does not count exactly.
///
/// Person P's ball of radius 2, {P} ∪ first(P) ∪ second(P), is the union of
/// the balls of radius 1 of P's neighbours: P's counter merges theirs, and
/// the second degree is the estimate less 1 + deg P. A neighbour of degree
/// at least ``sketchedDegree`` has its counter built once and merged
/// (2^10 bytes, 64 vector maxima); a smaller one's people are inserted
/// directly. Each estimate's relative error is the counters' standard error
/// (1.04 / √2^10 ≈ 3.25 %) scaled from the ball to the second degree.
///
/// ```swift
/// local.withAdjacency { adjacency in
///   SecondDegreeEstimator.estimate(plan.estimated, in: adjacency, second: second, error: error)
/// }
/// ```
///
/// - Complexity: O(Σ_P (2^10 + Σ_{F ∈ first(P)} min(deg F, 2^10 / 16))) over
///   the classes' first members, on every core; memory 2 bytes per person
///   and 2^10 bytes per sketched neighbour.
enum SecondDegreeEstimator {
  /// The degree from which a neighbour's counter is built once and merged.
  static let sketchedDegree = 64

  /// Writes the estimate and its relative error for every member of every
  /// class into `second` and `error` (indexed by node); each block of
  /// classes done is added to `progress`.
  static func estimate(
    _ classes: NeighbourhoodClasses, in adjacency: AdjacencyHandle,
    second: UnsafeMutablePointer<Int32>, error: UnsafeMutablePointer<Float>,
    progress: ProgressCounter? = nil
  ) {
    guard classes.count > 0 else { return }
    let count = adjacency.nodeCount
    let registers = HyperLogLog.registerCount
    let codes = HugePageBuffer<UInt16>(uninitializedCount: count)
    forEachBlockInParallel(count: count, block: 1 << 16) { _, range in
      for node in range { codes.pointer[node] = HyperLogLog.code(of: node) }
    }
    // The neighbours whose counters are merged, each given a slot once;
    // at most as many bytes of counters as the graph has of targets (the
    // largest degrees first), so memory stays a multiple of the graph's.
    let slotOf = HugePageBuffer<Int32>(repeating: -1, count: count)
    var sketched: [Int32] = []
    for index in 0..<classes.count {
      let first = Int(classes.nodes[classes.offsets[index]])
      for slot in adjacency.row(of: first) {
        let friend = adjacency.target(at: slot)
        if slotOf.pointer[friend] < 0 && adjacency.degree(of: friend) >= sketchedDegree {
          slotOf.pointer[friend] = 0
          sketched.append(Int32(truncatingIfNeeded: friend))
        }
      }
    }
    let room = max(1, 4 * adjacency.targets.count / registers)
    if sketched.count > room {
      for friend in sketched { slotOf.pointer[Int(friend)] = -1 }
      sketched.sort { a, b in
        let (degreeA, degreeB) = (adjacency.degree(of: Int(a)), adjacency.degree(of: Int(b)))
        return degreeA != degreeB ? degreeA > degreeB : a < b
      }
      sketched.removeLast(sketched.count - room)
    }
    for (index, friend) in sketched.enumerated() {
      slotOf.pointer[Int(friend)] = Int32(truncatingIfNeeded: index)
    }
    let sketches = HugePageBuffer<UInt8>(repeating: 0, count: max(1, sketched.count * registers))
    let shared = UnsafeSendable((adjacency, codes.pointer, slotOf.pointer, sketches.pointer))
    sketched.withUnsafeBufferPointer { sketched in
      let sketched = UnsafeSendable(sketched)
      forEachBlockInParallel(count: sketched.value.count, block: 16) { _, range in
        let (adjacency, codes, _, sketches) = shared.value
        let base = sketches.baseAddress.unsafelyUnwrapped
        for index in range {
          let friend = Int(sketched.value[index])
          let counter = base + index * registers
          HyperLogLog.insert(codes[friend], into: counter)
          for slot in adjacency.row(of: friend) {
            HyperLogLog.insert(codes[adjacency.target(at: slot)], into: counter)
          }
        }
      }
    }
    let output = UnsafeSendable((second, error))
    forEachBlockInParallel(count: classes.count, block: 64) { _, range in
      let (adjacency, codes, slotOf, sketches) = shared.value
      let (second, error) = output.value
      let base = UnsafePointer(sketches.baseAddress.unsafelyUnwrapped)
      let counter = UnsafeMutablePointer<UInt8>.allocate(capacity: registers)
      let histogram = UnsafeMutablePointer<Int32>.allocate(capacity: HyperLogLog.rankCount)
      defer {
        counter.deallocate()
        histogram.deallocate()
      }
      for index in range {
        let first = Int(classes.nodes[classes.offsets[index]])
        counter.initialize(repeating: 0, count: registers)
        for slot in adjacency.row(of: first) {
          let friend = adjacency.target(at: slot)
          let sketch = Int(slotOf[friend])
          if sketch >= 0 {
            HyperLogLog.formUnion(counter, with: base + sketch * registers)
          } else {
            HyperLogLog.insert(codes[friend], into: counter)
            for next in adjacency.row(of: friend) {
              HyperLogLog.insert(codes[adjacency.target(at: next)], into: counter)
            }
          }
        }
        let ball = HyperLogLog.estimate(counter, histogram: histogram)
        let inner = 1 + adjacency.degree(of: first)
        let found = max(0, Int(ball.rounded()) - inner)
        let relative = HyperLogLog.relativeStandardError * ball / Double(max(found, 1))
        for position in classes.offsets[index]..<classes.offsets[index + 1] {
          let node = Int(classes.nodes[position])
          second[node] = Int32(clamping: found)
          error[node] = Float(relative)
        }
      }
      progress?.add(range.count)
    }
  }
}
