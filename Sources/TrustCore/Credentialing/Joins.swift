/// How warmly a person would join a community (spec §3).
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
  /// - Complexity: per community, O(Σ degrees of members and of their outside
  ///   neighbours), not O(*n*): only people near the community are touched.
  package func summary() -> [JoinSummary] {
    let empty = JoinSummary(community: 0, members: 0, direct: 0, introduced: 0, cold: 0)
    let results = SharedBuffer<JoinSummary>(repeating: empty, count: communities.count)
    let workers = SharedBuffer<JoinSummaryWorker>(
      repeating: JoinSummaryWorker(personCount: graph.personCount), count: workerCount)
    // Communities are independent: blocks of them on every core, each worker with its own marks.
    forEachBlockInParallel(count: communities.count, block: 8) { worker, range in
      for index in range {
        results.pointer[index] = workers.pointer[worker].summary(of: index, in: self)
      }
    }
    return results.array
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

/// One core's marks and scratch lists for join summaries, reused from one
/// community to the next.
///
/// A value type reached through a pointer, with its state in locals and
/// buffer pointers inside ``summary(of:in:)``: no dynamic exclusivity checks
/// or uniqueness checks in the loops (they cost half the time as a class).
struct JoinSummaryWorker {
  /// Per person, `3 × generation` plus 0 for a member, 1 for a direct joiner,
  /// 2 for someone two ties away (counted in `introducerCount`); anything
  /// else means none of these for the current community.
  private var marks: [Int32]
  private var introducerCount: [Int32]
  private var generation: Int32 = 0
  private var frontier: [Int32] = []
  private var candidates: [Int32] = []

  init(personCount: Int) {
    marks = [Int32](repeating: -1, count: personCount)
    introducerCount = [Int32](repeating: 0, count: personCount)
  }

  /// The join summary of community `index`.
  ///
  /// - Complexity: O(Σ_{c ∈ C} deg c + Σ_{d direct} deg d), no O(*n*) step.
  mutating func summary(of index: Int, in joins: CommunityJoins) -> JoinSummary {
    let graph = joins.graph
    let community = joins.communities[index]
    generation += 1
    if generation > (Int32.max - 3) / 3 {
      for person in marks.indices { marks[person] = -1 }
      generation = 1
    }
    let member = generation &* 3
    let direct = member &+ 1
    let twoAway = member &+ 2
    var frontier = self.frontier
    var candidates = self.candidates
    frontier.removeAll(keepingCapacity: true)
    candidates.removeAll(keepingCapacity: true)
    let needed = joins.introducersNeeded
    var introduced = 0
    marks.withUnsafeMutableBufferPointer { marks in
      introducerCount.withUnsafeMutableBufferPointer { introducerCount in
        graph.offsets.withUnsafeBufferPointer { offsets in
          graph.targets.withUnsafeBufferPointer { targets in
            for person in community.members { marks[Int(person)] = member }
            // Non-members with a tie into C: direct joiners, and each an introducer.
            for person in community.members {
              for slot in offsets[Int(person)]..<offsets[Int(person) + 1] {
                let neighbour = Int(targets[slot])
                let mark = marks[neighbour]
                if mark != member && mark != direct {
                  marks[neighbour] = direct
                  frontier.append(targets[slot])
                }
              }
            }
            for introducer in frontier {
              for slot in offsets[Int(introducer)]..<offsets[Int(introducer) + 1] {
                let person = Int(targets[slot])
                let mark = marks[person]
                if mark == member || mark == direct { continue }
                if mark != twoAway {
                  marks[person] = twoAway
                  introducerCount[person] = 0
                  candidates.append(targets[slot])
                }
                introducerCount[person] &+= 1
              }
            }
            for person in candidates where introducerCount[Int(person)] >= needed {
              introduced += 1
            }
          }
        }
      }
    }
    let directCount = frontier.count
    self.frontier = frontier
    self.candidates = candidates
    let nonMembers = graph.personCount - community.members.count
    return JoinSummary(
      community: index, members: community.members.count, direct: directCount,
      introduced: introduced, cold: nonMembers - directCount - introduced)
  }
}
