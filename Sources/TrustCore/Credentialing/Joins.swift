/// How warmly a person would join a community (docs/design.md §5.2).
public enum JoinWarmth: String, Sendable, Hashable, CaseIterable {
  /// The person already trusts a member.
  case direct
  /// The person trusts at least k people who trust a member (k = `introducersNeeded`).
  case introduced
  /// Neither: the person would walk in without a trusted tie.
  case cold
}

/// One person joining one community they are not in.
///
/// ```swift
/// let join = JoinAssessment(graph, person: cy, community: guides, introducersNeeded: 1)
/// print(join.warmth)  // .introduced
/// ```
package struct JoinAssessment: Sendable, Hashable {
  /// The person (index).
  package var person: Int
  /// The community's position in the list it came from.
  package var community: Int
  /// direct, introduced or cold.
  package var warmth: JoinWarmth
  /// first(P) ∩ C, ascending.
  package var trustedMembers: [Int32]
  /// People in first(P) \ C with a strong tie into C, ascending.
  package var introducers: [Int32]
}

/// A community's join summary: how many non-members would join each way.
package struct JoinSummary: Sendable, Hashable {
  /// The community's position in the list it came from.
  package var community: Int
  /// How many members.
  package var members: Int
  /// Non-members who already trust a member.
  package var direct: Int
  /// Non-members with enough introducers.
  package var introduced: Int
  /// The other non-members.
  package var cold: Int
}

/// Joins of people to communities on one strong-tie graph.
///
/// ```swift
/// let joins = CommunityJoins(graph, communities: network.indexedCommunities, introducersNeeded: 1)
/// let summary = joins.summary()                          // one row per community
/// let rows = joins.assessments(community: 0)             // every non-member of community 0
/// let path = joins.pathToWarmth(person: lou, community: 0)  // whom to ask, through whom
/// ```
package struct CommunityJoins: Sendable {
  /// The graph.
  package let graph: TrustGraph
  /// The communities assessed.
  package let communities: [IndexedCommunity]
  /// How many introducers make an introduced join warm (`--introducers`, default 1).
  package let introducersNeeded: Int

  /// Creates the assessor.
  package init(_ graph: TrustGraph, communities: [IndexedCommunity], introducersNeeded: Int = 1) {
    self.graph = graph
    self.communities = communities
    self.introducersNeeded = max(1, introducersNeeded)
  }

  /// Every community's members, direct, introduced and cold counts.
  ///
  /// One pass over people rather than one search per community: a person P
  /// joins C direct when C is in P's direct row (``PersonCommunities``), and
  /// each friend F introduces P to the communities in F's direct row, so P's
  /// introducers are counted with marks per community, which stay in cache.
  ///
  /// - Complexity: O(*n* + *m* + Σ_P Σ_{F ∈ first(P)} |direct(F)|) on every
  ///   core (at most O(Σ deg²), far less when ties stay inside communities);
  ///   O(|communities|) memory per core.
  package func summary() -> [JoinSummary] {
    summary(rows: PersonCommunities(graph, communities: communities))
  }

  /// The summary of `community` alone: the same figures as its row of
  /// ``summary()``, for what one community costs (`joins --community`).
  ///
  /// - Complexity: O(*n* + *m*): the pass over people with one community's rows.
  package func summary(of community: Int) -> JoinSummary {
    let one = CommunityJoins(
      graph, communities: [communities[community]], introducersNeeded: introducersNeeded)
    var row = one.summary()[0]
    row.community = community
    return row
  }

  /// ``summary()`` on `local`, the same graph renumbered breadth first: the
  /// same counts, with a person's friends close in memory.
  package func summary(local: LocalGraph) -> [JoinSummary] {
    summary(rows: PersonCommunities(local, communities: communities))
  }

  /// ``summary()`` with the person rows already built, in any numbering.
  package func summary(rows: PersonCommunities) -> [JoinSummary] {
    let communityCount = communities.count
    let tallies = (0..<workerCount).map { _ in JoinTally(communityCount: communityCount) }
    let needed = Int32(truncatingIfNeeded: introducersNeeded)
    rows.withRows { rows in
      forEachBlockInParallel(count: rows.personCount) { worker, range in
        tallies[worker].count(people: range, needed: needed, rows: rows)
      }
    }
    return communities.indices.map { index in
      var direct = 0
      var introduced = 0
      for tally in tallies {
        direct += Int(tally.direct.pointer[index])
        introduced += Int(tally.introduced.pointer[index])
      }
      let members = communities[index].members.count
      return JoinSummary(
        community: index, members: members, direct: direct, introduced: introduced,
        cold: graph.personCount - members - direct - introduced)
    }
  }

  /// How `person` stands towards every community, in order: `nil` where the
  /// person is a member, else the join assessment.
  ///
  /// - Complexity: O(Σ |C| + |communities| × Σ_{F ∈ first(P)} deg F), with one
  ///   set of marks reused: no O(*n*) work per community.
  package func standings(of person: Int) -> [JoinAssessment?] {
    var members = MembershipMarks(personCount: graph.personCount)
    let friends = graph.neighbours(of: person)
    return communities.indices.map { index in
      members.reset()
      for member in communities[index].members { members.insert(Int(member)) }
      if members.contains(person) { return nil }
      var trusted: [Int32] = []
      var introducers: [Int32] = []
      for friend in friends {
        if members.contains(Int(friend)) {
          trusted.append(friend)
        } else if graph.neighbours(of: Int(friend)).contains(where: { members.contains(Int($0)) }) {
          introducers.append(friend)
        }
      }
      let warmth: JoinWarmth =
        !trusted.isEmpty ? .direct : introducers.count >= introducersNeeded ? .introduced : .cold
      return JoinAssessment(
        person: person, community: index, warmth: warmth, trustedMembers: trusted,
        introducers: introducers)
    }
  }

  /// The assessment of every non-member of `community`, in file order of people,
  /// or only of `people` when given.
  ///
  /// - Complexity: O(*n* + *m*) for the community's marks, then O(degree) per person.
  package func assessments(community: Int, people: [Int]? = nil) -> [JoinAssessment] {
    var members = MembershipMarks(personCount: graph.personCount)
    var bridging = MembershipMarks(personCount: graph.personCount)
    members.reset()
    bridging.reset()
    for member in communities[community].members { members.insert(Int(member)) }
    for member in communities[community].members {
      for neighbour in graph.neighbours(of: Int(member)) { bridging.insert(Int(neighbour)) }
    }
    var result: [JoinAssessment] = []
    for person in people ?? Array(0..<graph.personCount) where !members.contains(person) {
      var trusted: [Int32] = []
      var introducers: [Int32] = []
      for friend in graph.neighbours(of: person) {
        if members.contains(Int(friend)) {
          trusted.append(friend)
        } else if bridging.contains(Int(friend)) {
          introducers.append(friend)
        }
      }
      let warmth: JoinWarmth =
        !trusted.isEmpty ? .direct : introducers.count >= introducersNeeded ? .introduced : .cold
      result.append(
        JoinAssessment(
          person: person, community: community, warmth: warmth, trustedMembers: trusted,
          introducers: introducers))
    }
    return result
  }

  /// A shortest strong-tie path from `person` to the nearest member of
  /// `community` (the person first, the member last), or `nil` when none exists.
  ///
  /// - Complexity: O(*n* + *m*); use ``warmthRoutes(community:)`` for many people.
  package func pathToWarmth(person: Int, community: Int) -> [Int32]? {
    warmthRoutes(community: community).path(from: person)
  }

  /// Shortest strong-tie routes from everyone to the nearest member of `community`.
  ///
  /// - Complexity: O(*n* + *m*): one breadth-first search from all members at once.
  package func warmthRoutes(community: Int) -> WarmthRoutes {
    var nextHop = [Int32](repeating: -1, count: graph.personCount)
    var queue: [Int32] = []
    for member in communities[community].members {
      nextHop[Int(member)] = member
      queue.append(member)
    }
    var head = 0
    while head < queue.count {
      let current = queue[head]
      head += 1
      for next in graph.neighbours(of: Int(current)) where nextHop[Int(next)] < 0 {
        nextHop[Int(next)] = current
        queue.append(next)
      }
    }
    return WarmthRoutes(nextHop: nextHop)
  }
}

/// For each person, the next step on a shortest strong-tie path towards a
/// community's nearest member (whom to ask, through whom).
package struct WarmthRoutes: Sendable, Hashable {
  /// The neighbour one step closer to the community; a member points to itself; -1: no path.
  package let nextHop: [Int32]

  /// The path from `person` to the nearest member, both ends included; `nil` when none.
  package func path(from person: Int) -> [Int32]? {
    guard nextHop[person] >= 0 else { return nil }
    var path: [Int32] = [Int32(truncatingIfNeeded: person)]
    var current = person
    while Int(nextHop[current]) != current {
      current = Int(nextHop[current])
      path.append(Int32(truncatingIfNeeded: current))
    }
    return path
  }
}

/// One core's join counts per community, and the marks it counts with.
///
/// Its state is in buffers of its own, read through local buffer pointers
/// inside ``count(people:needed:rows:)``: no dynamic exclusivity checks or
/// uniqueness checks in the loops. A class so that each worker's tally is
/// its own (copies of a value would share the buffers); only the worker it
/// belongs to touches it, one block at a time.
///
/// ```swift
/// let tally = JoinTally(communityCount: communities.count)
/// rows.withRows { rows in tally.count(people: 0..<rows.personCount, needed: 1, rows: rows) }
/// print(tally.direct.pointer[0])  // people who would join community 0 direct
/// ```
///
/// - Complexity: O(|communities|) memory.
final class JoinTally: @unchecked Sendable {
  /// Per community, how many of this core's people would join it direct.
  let direct: HugePageBuffer<Int32>
  /// Per community, how many of this core's people would join it introduced.
  let introduced: HugePageBuffer<Int32>
  /// Per community, `3 × generation` plus 0 when the current person is a
  /// member, 1 when they join direct, 2 when they have introducers (counted
  /// in `introducerCount`); anything smaller is from an earlier person.
  private let marks: HugePageBuffer<UInt32>
  private let introducerCount: HugePageBuffer<Int32>
  /// The last person's generation, kept from one block to the next.
  private var generation: UInt32 = 0
  private let communityCount: Int

  init(communityCount: Int) {
    self.communityCount = communityCount
    direct = HugePageBuffer(repeating: 0, count: communityCount)
    introduced = HugePageBuffer(repeating: 0, count: communityCount)
    marks = HugePageBuffer(repeating: 0, count: communityCount)
    introducerCount = HugePageBuffer(repeating: 0, count: communityCount)
  }

  /// Adds how each person in `people` would join each community.
  ///
  /// - Complexity: O(Σ_P (|communities(P)| + |direct(P)| + Σ_{F ∈ first(P)} |direct(F)|)).
  func count(people: Range<Int>, needed: Int32, rows: PersonCommunityRows) {
    let direct = self.direct.pointer
    let introduced = self.introduced.pointer
    let marks = self.marks.pointer
    let introducerCount = self.introducerCount.pointer
    let members = rows.members
    let directRows = rows.direct
    var generation = self.generation
    let batch = NeighbourRowBatch()
    // Each community is listed at most once per person, plus one slot for
    // the unconditional store past the last.
    let pending = UnsafeMutableBufferPointer<Int32>.allocate(capacity: communityCount + 1)
    defer {
      batch.deallocate()
      pending.deallocate()
    }
    for person in people {
      if generation >= (UInt32.max - 2) / 3 {
        marks.update(repeating: 0)
        generation = 0
      }
      generation &+= 1
      let member = generation &* 3
      let joinsDirect = member &+ 1
      let introducedTo = member &+ 2
      for slot in members.row(of: person) { marks[members.entry(at: slot)] = member }
      for slot in directRows.row(of: person) {
        let community = directRows.entry(at: slot)
        marks[community] = joinsDirect
        direct[community] &+= 1
      }
      var candidateCount = 0
      rows.adjacency.forEachNeighbourRow(of: person, in: directRows, batch: batch) { row in
        for entry in row {
          // Branch-free: whether a community is new to this person is a
          // coin toss to the branch predictor. New: mark it, count 1, list
          // it; already introduced: count one more; a member or direct
          // joiner: unchanged.
          let community = directRows.entry(at: entry)
          let mark = marks[community]
          let fresh = mark < member
          let counts = fresh || mark == introducedTo
          introducerCount[community] =
            (fresh ? 0 : introducerCount[community]) &+ (counts ? 1 : 0)
          marks[community] = counts ? introducedTo : mark
          pending[candidateCount] = Int32(truncatingIfNeeded: community)
          candidateCount &+= fresh ? 1 : 0
        }
      }
      for index in 0..<candidateCount {
        let community = Int(pending[index])
        if introducerCount[community] >= needed { introduced[community] &+= 1 }
      }
    }
    self.generation = generation
  }
}
