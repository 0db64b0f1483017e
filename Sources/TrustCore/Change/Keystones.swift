/// Who holds trust together: the people of the strong-tie graph whose
/// leaving would cut others off from the largest part of their component,
/// and, per community, the members whose leaving would split the members'
/// own strong ties into more parts (docs/design.md, 'Keystones').
///
/// ```swift
/// let keystones = Keystones(graph, local: local, communities: communities)
/// keystones.people.first   // the person whose leaving cuts off the most
/// keystones.communities[0] // a community's own keystones
/// ```
///
/// - Complexity: O(*n* + *m*) for the graph (on its breadth-first
///   renumbering, for locality), plus O(Σ degrees of the members) per
///   community, the communities in blocks on every core.
package struct Keystones: Sendable {
  /// One keystone: the person, and how many their leaving cuts off.
  package struct Keystone: Sendable, Hashable {
    package var person: Int
    package var cutOff: Int
    package var parts: Int
  }

  /// The articulation points, by how many they cut off (most first), then file order.
  package var people: [Keystone]
  /// Per community, in order: its members whose leaving splits the members'
  /// own strong-tie graph, in file order.
  package var communities: [[Int32]]

  /// `local` is made only when there is a tie: without one, nobody can cut
  /// anyone off, and millions of people without ties skip the renumbering.
  package init(
    _ graph: TrustGraph, local makeLocal: @autoclosure () -> LocalGraph,
    communities: [IndexedCommunity]
  ) {
    self.communities = Self.communityKeystones(graph, communities: communities)
    guard graph.strongTieCount > 0 else {
      people = []
      return
    }
    let local = makeLocal()
    let points = ArticulationPoints(offsets: local.offsets, targets: local.targets)
    var people: [Keystone] = []
    for node in 0..<local.personCount where points.isArticulation(node) {
      people.append(
        Keystone(
          person: Int(local.order[node]), cutOff: points.cutOff[node], parts: points.parts[node]))
    }
    people.sort { ($0.cutOff, $1.person) > ($1.cutOff, $0.person) }
    self.people = people
  }

  /// Each community's members that are articulation points of the graph its
  /// members' strong ties make among themselves.
  private static func communityKeystones(_ graph: TrustGraph, communities: [IndexedCommunity])
    -> [[Int32]]
  {
    guard !communities.isEmpty else { return [] }
    let results = SharedBuffer<[Int32]>(repeating: [], count: communities.count)
    let maps = SharedBuffer<[Int32]>(
      repeating: [Int32](repeating: -1, count: graph.personCount), count: workerCount)
    forEachBlockInParallel(count: communities.count, block: 8) { worker, range in
      var local = maps.pointer[worker]
      maps.pointer[worker] = []  // moved out, so writes do not copy it
      for index in range {
        let members = communities[index].members
        for (position, member) in members.enumerated() {
          local[Int(member)] = Int32(truncatingIfNeeded: position)
        }
        var offsets = [Int](repeating: 0, count: members.count + 1)
        var targets: [Int32] = []
        for (position, member) in members.enumerated() {
          for neighbour in graph.neighbours(of: Int(member)) where local[Int(neighbour)] >= 0 {
            targets.append(local[Int(neighbour)])
          }
          offsets[position + 1] = targets.count
        }
        let points = ArticulationPoints(offsets: offsets, targets: targets)
        results.pointer[index] = members.indices.filter { points.isArticulation($0) }.map {
          members[$0]
        }
        for member in members { local[Int(member)] = -1 }
      }
      maps.pointer[worker] = local
    }
    return results.array
  }
}
