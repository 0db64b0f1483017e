@testable import TrustCore

/// A deliberately simple reading of docs/design.md §4 and §5, with sets and
/// dictionaries, to check the fast implementation against.
struct ReferenceGraph {
  var strong: [Set<Int>]
  var weak: [Set<Int>]
  var weight: [Pair: Double]

  struct Pair: Hashable {
    var low: Int
    var high: Int
    init(_ a: Int, _ b: Int) {
      low = min(a, b)
      high = max(a, b)
    }
  }

  init(_ network: TrustNetwork, settings: StrongTieSettings) {
    let n = network.people.count
    let threshold = settings.threshold ?? network.strongTieThreshold ?? 0.5
    var directed: [Pair: (forward: Double?, backward: Double?)] = [:]
    for record in network.ties {
      if record.from == record.to { continue }
      if !settings.contexts.isEmpty && !record.contexts.isEmpty
        && Set(record.contexts).isDisjoint(with: settings.contexts)
      {
        continue
      }
      let pair = Pair(record.from, record.to)
      var entry = directed[pair] ?? (nil, nil)
      let isForward = record.from == pair.low
      if isForward || record.mutual {
        entry.forward = max(entry.forward ?? -1, record.strength)
      }
      if !isForward || record.mutual {
        entry.backward = max(entry.backward ?? -1, record.strength)
      }
      directed[pair] = entry
    }
    strong = Array(repeating: [], count: n)
    weak = Array(repeating: [], count: n)
    weight = [:]
    for (pair, entry) in directed {
      let isStrong: Bool
      let w: Double
      switch settings.reciprocity {
      case .any:
        w = max(entry.forward ?? -1, entry.backward ?? -1)
        isStrong = w >= threshold
      case .mutual:
        if let f = entry.forward, let b = entry.backward {
          w = min(f, b)
          isStrong = w >= threshold
        } else {
          w = -1
          isStrong = false
        }
      }
      if isStrong {
        strong[pair.low].insert(pair.high)
        strong[pair.high].insert(pair.low)
        weight[pair] = w
      } else {
        weak[pair.low].insert(pair.high)
        weak[pair.high].insert(pair.low)
      }
    }
  }

  func second(_ p: Int) -> Set<Int> {
    var result = Set<Int>()
    for f in strong[p] { result.formUnion(strong[f]) }
    result.subtract(strong[p])
    result.remove(p)
    return result
  }

  func distances(from sources: [Int]) -> [Int: Int] {
    var distance: [Int: Int] = [:]
    var frontier = sources
    for s in sources { distance[s] = 0 }
    var step = 0
    while !frontier.isEmpty {
      step += 1
      var next: [Int] = []
      for u in frontier {
        for v in strong[u] where distance[v] == nil {
          distance[v] = step
          next.append(v)
        }
      }
      frontier = next
    }
    return distance
  }
}
