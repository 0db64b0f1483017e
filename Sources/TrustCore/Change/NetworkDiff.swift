/// What changed between two snapshots of a network, people matched by id:
/// who joined and left, which strong ties formed and broke, how each
/// community in both changed (members, density, E-I, isolated members), whose
/// warmth towards a community changed, and how the tribes split and merged
/// (docs/design.md, 'Change').
///
/// ```swift
/// let diff = NetworkDiff(old: before, new: after, communities: .file)
/// diff.joined                 // NEW indices of the newcomers
/// diff.communities[0].after.density
/// ```
///
/// - Complexity: O(*n* + *m*) for people and ties (one id look-up per
///   person, a binary search per tie); O(*n* + *m*) per community in both
///   for the warmth changes, in blocks on every core; the tribes (level 0
///   only) of the two snapshots found at once, as the sessions find them.
package struct NetworkDiff: Sendable {
  /// A person's place towards a community: a member, or how they would join.
  package enum Standing: Sendable, Hashable {
    case member
    case join(JoinWarmth)

    /// `member`, `direct`, `introduced` or `cold`.
    package var name: String {
      switch self {
      case .member: return "member"
      case .join(let warmth): return warmth.rawValue
      }
    }
  }

  /// One community's figures in one snapshot.
  package struct CommunityState: Sendable {
    package var members: Int
    package var coherence: GroupProjection.Coherence
  }

  /// A community in both snapshots.
  package struct CommunityChange: Sendable {
    /// Its id.
    package var id: String
    /// Members new to it (NEW indices, NEW order).
    package var joined: [Int32]
    /// Members who left it (OLD indices, OLD order).
    package var left: [Int32]
    package var before: CommunityState
    package var after: CommunityState
  }

  /// A change of standing: the person in NEW's numbering, the community's
  /// position among ``communities``.
  package struct StandingChange: Sendable, Hashable {
    package var person: Int32
    package var community: Int
    package var before: Standing
    package var after: Standing
  }

  /// A tie, by its two ends, each in the snapshot that orders it.
  package struct Pair: Sendable, Hashable {
    /// The ends, as indices of ``ordered`` snapshot.
    package var first: Int32
    package var second: Int32
    /// Whether the indices are NEW's (else OLD's: an end has left).
    package var inNew: Bool
  }

  /// A tribe of one snapshot that split into, or was merged from, tribes of the other.
  package struct TribeChange: Sendable, Hashable {
    /// The tribe's position in its level (OLD's for a split, NEW's for a merge).
    package var tribe: Int
    /// The other snapshot's tribes that hold at least a quarter of its members.
    package var others: [Int]
  }

  /// People in NEW and not OLD (NEW order).
  package var joined: [Int32]
  /// People in OLD and not NEW (OLD order).
  package var left: [Int32]
  /// Strong ties in NEW and not OLD, in NEW's order.
  package var formed: [Pair]
  /// Strong ties in OLD and not NEW: NEW's order where both ends remain, then OLD's.
  package var broken: [Pair]
  /// Communities in both, in NEW's order.
  package var communities: [CommunityChange]
  /// Standings that changed, by community then person (NEW order).
  package var standings: [StandingChange]
  /// OLD tribes whose members are now split, a quarter or more in each of two or more NEW tribes.
  package var splits: [TribeChange]
  /// NEW tribes made, a quarter or more each, of two or more OLD tribes.
  package var merges: [TribeChange]
  /// Each OLD tribe's best NEW match (the NEW tribe holding most of its
  /// members still present; -1 when none is) and that share.
  package var matches: [(tribe: Int, share: Double?)]

  package init(
    old: AnalysisSession, new: AnalysisSession, oldCommunities: [IndexedCommunity],
    newCommunities: [IndexedCommunity], introducersNeeded: Int = 1
  ) {
    let oldPeople = old.network.people
    let newPeople = new.network.people
    // NEW index → OLD index and back (-1: not in the other).
    let toOld: [Int32] = newPeople.indices.map { person in
      old.network.index(of: newPeople.id(of: person)).map { Int32(truncatingIfNeeded: $0) } ?? -1
    }
    var toNew = [Int32](repeating: -1, count: oldPeople.count)
    for (person, match) in toOld.enumerated() where match >= 0 {
      toNew[Int(match)] = Int32(truncatingIfNeeded: person)
    }
    joined = toOld.indices.filter { toOld[$0] < 0 }.map { Int32(truncatingIfNeeded: $0) }
    left = toNew.indices.filter { toNew[$0] < 0 }.map { Int32(truncatingIfNeeded: $0) }

    // Ties: each side's strong pairs looked up in the other's sorted rows.
    let oldGraph = old.graph
    let newGraph = new.graph
    func hasTie(_ graph: TrustGraph, _ a: Int32, _ b: Int32) -> Bool {
      guard a >= 0 && b >= 0 else { return false }
      let row = graph.neighbours(of: Int(a))
      var low = row.startIndex
      var high = row.endIndex
      while low < high {
        let middle = (low + high) / 2
        if row[middle] < b { low = middle + 1 } else { high = middle }
      }
      return low < row.endIndex && row[low] == b
    }
    var formed: [Pair] = []
    for a in 0..<newGraph.personCount {
      for b in newGraph.neighbours(of: a) where Int(b) > a {
        if !hasTie(oldGraph, toOld[a], toOld[Int(b)]) {
          formed.append(Pair(first: Int32(truncatingIfNeeded: a), second: b, inNew: true))
        }
      }
    }
    var remaining: [Pair] = []
    var withLeavers: [Pair] = []
    for a in 0..<oldGraph.personCount {
      for b in oldGraph.neighbours(of: a) where Int(b) > a {
        let newA = toNew[a]
        let newB = toNew[Int(b)]
        guard !hasTie(newGraph, newA, newB) else { continue }
        if newA >= 0 && newB >= 0 {
          remaining.append(Pair(first: min(newA, newB), second: max(newA, newB), inNew: true))
        } else {
          withLeavers.append(Pair(first: Int32(truncatingIfNeeded: a), second: b, inNew: false))
        }
      }
    }
    remaining.sort { ($0.first, $0.second) < ($1.first, $1.second) }
    self.formed = formed
    broken = remaining + withLeavers

    // Communities in both, by id, in NEW's order.
    var oldByID: [String: Int] = [:]
    for (index, community) in oldCommunities.enumerated() { oldByID[community.id] = index }
    let shared = newCommunities.indices.compactMap { index -> (Int, Int)? in
      oldByID[newCommunities[index].id].map { (index, $0) }
    }
    communities = shared.map { newIndex, oldIndex in
      let newMembers = newCommunities[newIndex].members
      let oldMembers = oldCommunities[oldIndex].members
      var wasMember = [Bool](repeating: false, count: oldPeople.count)
      for member in oldMembers { wasMember[Int(member)] = true }
      var isMember = [Bool](repeating: false, count: newPeople.count)
      for member in newMembers { isMember[Int(member)] = true }
      return CommunityChange(
        id: newCommunities[newIndex].id,
        joined: newMembers.filter { toOld[Int($0)] < 0 || !wasMember[Int(toOld[Int($0)])] },
        left: oldMembers.filter { toNew[Int($0)] < 0 || !isMember[Int(toNew[Int($0)])] },
        before: CommunityState(
          members: oldMembers.count,
          coherence: GroupProjection.Coherence(oldGraph, members: oldMembers)),
        after: CommunityState(
          members: newMembers.count,
          coherence: GroupProjection.Coherence(newGraph, members: newMembers)))
    }

    // Standings: each community in both, assessed in each snapshot.
    let oldJoins = CommunityJoins(
      oldGraph, communities: shared.map { oldCommunities[$0.1] },
      introducersNeeded: introducersNeeded)
    let newJoins = CommunityJoins(
      newGraph, communities: shared.map { newCommunities[$0.0] },
      introducersNeeded: introducersNeeded)
    let byCommunity = SharedBuffer<[StandingChange]>(repeating: [], count: shared.count)
    let mapping = toOld
    forEachBlockInParallel(count: shared.count, block: 1) { _, range in
      for position in range {
        func standings(_ joins: CommunityJoins, count: Int) -> [Standing] {
          var result = [Standing](repeating: .member, count: count)
          for row in joins.assessments(community: position) {
            result[row.person] = .join(row.warmth)
          }
          return result
        }
        let before = standings(oldJoins, count: oldGraph.personCount)
        let after = standings(newJoins, count: newGraph.personCount)
        var changes: [StandingChange] = []
        for person in 0..<newGraph.personCount where mapping[person] >= 0 {
          let was = before[Int(mapping[person])]
          let now = after[person]
          if was != now {
            changes.append(
              StandingChange(
                person: Int32(truncatingIfNeeded: person), community: position, before: was,
                after: now))
          }
        }
        byCommunity.pointer[position] = changes
      }
    }
    standings = byCommunity.array.flatMap { $0 }

    // Tribes: level 0 of each (found at once, one snapshot per core), and
    // the overlaps counted over the people in both.
    let found = ResultSlots<TribeLevel?>(count: 2)
    let sessions = [old, new]
    forEachBlockInParallel(count: 2, block: 1) { _, range in
      for index in range { found.set(index, sessions[index].levelZeroTribes()) }
    }
    let oldTribes = found.values[0] ?? nil
    let newTribes = found.values[1] ?? nil
    var splits: [TribeChange] = []
    var merges: [TribeChange] = []
    var matches: [(tribe: Int, share: Double?)] = []
    if let oldTribes, let newTribes {
      var overlap: [Int: [Int: Int]] = [:]  // OLD tribe → NEW tribe → people
      var reverse: [Int: [Int: Int]] = [:]
      for person in 0..<newGraph.personCount where toOld[person] >= 0 {
        let was = Int(oldTribes.tribeOf[Int(toOld[person])])
        let now = Int(newTribes.tribeOf[person])
        overlap[was, default: [:]][now, default: 0] += 1
        reverse[now, default: [:]][was, default: 0] += 1
      }
      func quarters(_ counts: [Int: Int]) -> [Int] {
        let total = counts.values.reduce(0, +)
        return counts.filter { 4 * $0.value >= total }.keys.sorted()
      }
      for tribe in oldTribes.tribes.indices {
        let counts = overlap[tribe] ?? [:]
        let present = counts.values.reduce(0, +)
        let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }
        matches.append(
          (tribe: best?.key ?? -1, share: best.map { Double($0.value) / Double(present) }))
        let into = quarters(counts)
        if into.count >= 2 { splits.append(TribeChange(tribe: tribe, others: into)) }
      }
      for tribe in newTribes.tribes.indices {
        let from = quarters(reverse[tribe] ?? [:])
        if from.count >= 2 { merges.append(TribeChange(tribe: tribe, others: from)) }
      }
    }
    self.splits = splits
    self.merges = merges
    self.matches = matches
  }
}
