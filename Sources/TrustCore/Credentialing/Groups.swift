/// A community's in, near and out groups, its story reach and its coherence (docs/design.md §5.4 to §5.6).
///
/// ```swift
/// let groups = GroupProjection(graph, network: network, community: guides, nearDepth: 1)
/// print(groups.near.count, groups.coherence.density ?? "n/a")
/// ```
///
/// - Complexity: O(*n* + *m*): a multi-source breadth-first search from the members.
package struct GroupProjection: Sendable, Hashable {
  /// The members, ascending.
  package var inGroup: [Int32]
  /// Non-members within strong-tie distance `nearDepth` of a member, ascending.
  package var near: [Int32]
  /// Everyone else, ascending.
  package var out: [Int32]
  /// The part of `out` with only a weak tie or a reports-to link to a member.
  package var outLinked: [Int32]
  /// How far trust is projected.
  package var nearDepth: Int
  /// Internal density, isolated members and E-I index.
  package var coherence: Coherence

  /// Story reach: who hears which kind of story.
  package var storyReach: StoryReach {
    StoryReach(
      vulnerable: inGroup.count, reflective: inGroup.count + near.count,
      perfected: inGroup.count + near.count + out.count)
  }

  /// How many people each kind of story reaches.
  package struct StoryReach: Sendable, Hashable {
    /// Vulnerable stories: the in group.
    package var vulnerable: Int
    /// Reflective stories: in and near.
    package var reflective: Int
    /// Perfected stories: everyone.
    package var perfected: Int
  }

  /// How well a community holds together by strong ties.
  package struct Coherence: Sendable, Hashable {
    /// Strong ties among members over possible pairs; `nil` with fewer than 2 members.
    package var density: Double?
    /// Members with no strong tie to another member, ascending.
    package var isolatedMembers: [Int32]
    /// (external − internal) / (external + internal) over strong ties; `nil` when no tie touches C.
    package var eiIndex: Double?
    /// Strong ties with both ends in C.
    package var internalTies: Int
    /// Strong ties with exactly one end in C.
    package var externalTies: Int

    /// The coherence of `members` on `graph`.
    ///
    /// - Complexity: O(Σ degree of the members): nobody else is touched.
    package init(_ graph: TrustGraph, members: [Int32]) {
      var marks = MembershipMarks(personCount: graph.personCount)
      marks.reset()
      for member in members { marks.insert(Int(member)) }
      self.init(graph, members: members, marks: marks)
    }

    init(_ graph: TrustGraph, members: [Int32], marks: MembershipMarks) {
      var internalTies = 0
      var externalTies = 0
      var isolated: [Int32] = []
      for member in members {
        var inside = 0
        for neighbour in graph.neighbours(of: Int(member)) {
          if marks.contains(Int(neighbour)) { inside += 1 } else { externalTies += 1 }
        }
        internalTies += inside
        if inside == 0 { isolated.append(member) }
      }
      internalTies /= 2
      let k = members.count
      let pairs = k * (k - 1) / 2
      let touching = internalTies + externalTies
      density = pairs > 0 ? Double(internalTies) / Double(pairs) : nil
      isolatedMembers = isolated
      eiIndex = touching > 0 ? Double(externalTies - internalTies) / Double(touching) : nil
      self.internalTies = internalTies
      self.externalTies = externalTies
    }
  }

  /// Projects `community` (its members, as indices) on `graph`.
  package init(_ graph: TrustGraph, network: TrustNetwork, members: [Int32], nearDepth: Int = 1) {
    let count = graph.personCount
    var search = BoundedSearch(personCount: count)
    search.run(graph, from: members, depth: nearDepth)
    var isMember = [Bool](repeating: false, count: count)
    for member in members { isMember[Int(member)] = true }
    var linked = [Bool](repeating: false, count: count)
    for member in members {
      for other in graph.weakNeighbours(of: Int(member)) { linked[Int(other)] = true }
      let manager = network.people.reportsTo[Int(member)]
      if manager >= 0 { linked[Int(manager)] = true }
    }
    for person in 0..<count {
      let manager = network.people.reportsTo[person]
      if manager >= 0 && isMember[Int(manager)] { linked[person] = true }
    }
    var near: [Int32] = []
    var out: [Int32] = []
    var outLinked: [Int32] = []
    for person in 0..<count where !isMember[person] {
      let index = Int32(truncatingIfNeeded: person)
      if search.contains(person) {
        near.append(index)
      } else {
        out.append(index)
        if linked[person] { outLinked.append(index) }
      }
    }
    var marks = MembershipMarks(personCount: count)
    marks.reset()
    for member in members { marks.insert(Int(member)) }
    coherence = Coherence(graph, members: members, marks: marks)
    inGroup = members
    self.near = near
    self.out = out
    self.outLinked = outLinked
    self.nearDepth = nearDepth
  }

  /// The coherence of each community, touching only its members and their
  /// ties: one set of marks is reused, so many communities cost O(Σ their degrees).
  package static func coherences(_ graph: TrustGraph, communities: [IndexedCommunity])
    -> [Coherence]
  {
    guard !communities.isEmpty else { return [] }
    // Communities are independent: blocks of them on every core, each
    // worker with its own marks.
    let placeholder = Coherence(graph, members: [], marks: MembershipMarks(personCount: 0))
    let results = HugePageBuffer<Coherence>(repeating: placeholder, count: communities.count)
    let marks = HugePageBuffer<MembershipMarks>(
      repeating: MembershipMarks(personCount: graph.personCount), count: workerCount)
    forEachBlockInParallel(count: communities.count, block: 16) { worker, range in
      for index in range {
        let members = communities[index].members
        marks.pointer[worker].reset()
        for member in members { marks.pointer[worker].insert(Int(member)) }
        results.pointer[index] = Coherence(graph, members: members, marks: marks.pointer[worker])
      }
    }
    return results.array
  }

  /// How many non-members lie within `nearDepth` strong ties of each
  /// community, with reused marks and queue: each community costs only the
  /// neighbourhood it explores, not O(*n*).
  package static func nearCounts(
    _ graph: TrustGraph, communities: [IndexedCommunity], nearDepth: Int
  )
    -> [Int]
  {
    var search = BoundedSearch(personCount: graph.personCount)
    return communities.map { community in
      search.run(graph, from: community.members, depth: nearDepth)
      return search.reached.count - search.sourceCount
    }
  }
}
