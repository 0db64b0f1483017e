import Testing

@testable import TrustCore

/// The handles the hot loops read through, checked against the arrays they
/// view: the invariants their debug asserts state (offsets from 0 to the end
/// of the targets, rows inside the targets, every target a node) must hold
/// for every graph the library builds, and the accessors must read what the
/// arrays hold. These tests run in debug builds, so the asserts run too.
/// Also the buffer the parallel loops share (`HugePageBuffer`).
@Suite("Handles and shared buffers")
struct HandleTests {
  @Test(arguments: 1...3 as ClosedRange<UInt64>)
  func adjacencyHandleReadsTheGraph(seed: UInt64) throws {
    let net = try network(randomNetworkJSON(people: 300, ties: 1200, seed: seed))
    let graph = try TrustGraph(net)
    graph.withAdjacency { adjacency in
      #expect(adjacency.nodeCount == graph.personCount)
      var ends = 0
      for person in 0..<graph.personCount {
        let row = adjacency.row(of: person)
        #expect(row.lowerBound == ends)
        ends = row.upperBound
        #expect(adjacency.degree(of: person) == graph.degree(of: person))
        #expect(row.map { Int32(adjacency.target(at: $0)) } == Array(graph.neighbours(of: person)))
        #expect(row.map { adjacency.weight(at: $0) } == Array(graph.weights(of: person)))
      }
      #expect(ends == graph.targets.count)
    }
    let local = LocalGraph(graph)
    local.withAdjacency { adjacency in
      #expect(adjacency.weights.isEmpty)
      for node in 0..<local.personCount {
        let row = adjacency.row(of: node)
        #expect(row == local.offsets[node]..<local.offsets[node + 1])
        #expect(row.map { Int32(adjacency.target(at: $0)) } == Array(local.targets[row]))
      }
    }
  }

  /// Every neighbour's row, in neighbour order, also past one batch of
  /// bounds (a hub with more neighbours than ``NeighbourRowBatch/size``).
  @Test func neighbourRowsComeInNeighbourOrder() throws {
    let leaves = 3 * NeighbourRowBatch.size + 5
    var people = #"{"id": "hub"}"#
    var ties = ""
    for leaf in 0..<leaves {
      people += #", {"id": "l\#(leaf)"}"#
      ties += (leaf == 0 ? "" : ", ") + #"{"from": "hub", "to": "l\#(leaf)"}"#
      if leaf > 0 { ties += #", {"from": "l\#(leaf - 1)", "to": "l\#(leaf)"}"# }
    }
    let net = try network(#"{"trustmap": 1, "people": [\#(people)], "ties": [\#(ties)]}"#)
    let graph = try TrustGraph(net)
    let batch = NeighbourRowBatch()
    defer { batch.deallocate() }
    for person in [0, 1, leaves / 2, leaves] {
      var seen: [[Int32]] = []
      graph.withAdjacency { adjacency in
        adjacency.forEachNeighbourRow(of: person, in: adjacency.rows, batch: batch) { row in
          seen.append(row.map { Int32(adjacency.target(at: $0)) })
        }
      }
      let expected = graph.neighbours(of: person).map { Array(graph.neighbours(of: Int($0))) }
      #expect(seen == expected, "person \(person)")
    }
    #expect(graph.degree(of: 0) == leaves)
  }

  @Test func compressedRowsHandleReadsItsRows() {
    let offsets = [0, 2, 2, 5]
    let entries: [Int32] = [4, 7, 1, 0, 9]
    CompressedRowsHandle.with(offsets: offsets, entries: entries) { rows in
      #expect(rows.rowCount == 3)
      #expect(rows.row(of: 0).map { rows.entry(at: $0) } == [4, 7])
      #expect(rows.row(of: 1).isEmpty)
      #expect(rows.row(of: 2).map { rows.entry(at: $0) } == [1, 0, 9])
    }
    CompressedRowsHandle.with(offsets: [0], entries: []) { rows in #expect(rows.rowCount == 0) }
  }

  /// The person rows against their definition: each person's communities,
  /// and the communities one of their friends is in and they are not, each
  /// once, in the order their ties first reach them.
  @Test func personCommunityRowsMatchTheirDefinition() throws {
    let net = try network(randomNetworkJSON(people: 500, ties: 1500, seed: 9))
    let graph = try TrustGraph(net)
    let communities = net.indexedCommunities + net.indexedCommunities(byAttribute: "team")
    let rows = PersonCommunities(graph, communities: communities)
    var memberOf = [[Int]](repeating: [], count: graph.personCount)
    for (index, community) in communities.enumerated() {
      for member in community.members { memberOf[Int(member)].append(index) }
    }
    rows.withRows { handles in
      #expect(handles.personCount == graph.personCount)
      #expect(handles.adjacency.nodeCount == graph.personCount)
      for person in 0..<graph.personCount {
        let members = handles.members.row(of: person).map { handles.members.entry(at: $0) }
        #expect(members == memberOf[person])
        var expected: [Int] = []
        for friend in graph.neighbours(of: person) {
          for community in memberOf[Int(friend)]
          where !memberOf[person].contains(community) && !expected.contains(community) {
            expected.append(community)
          }
        }
        let direct = handles.direct.row(of: person).map { handles.direct.entry(at: $0) }
        #expect(direct == expected, "person \(person)")
      }
    }
  }

  @Test func clusteringGraphHandleReadsTheColumns() throws {
    let net = try network(randomNetworkJSON(people: 200, ties: 700, seed: 4))
    let graph = try TrustGraph(net)
    let clustering = ClusteringGraph(graph, unweighted: false)
    clustering.withHandle { handle in
      #expect(handle.adjacency.nodeCount == clustering.nodeCount)
      for node in 0..<clustering.nodeCount {
        let row = handle.adjacency.row(of: node)
        #expect(row.reduce(0.0) { $0 + handle.adjacency.weight(at: $1) } == handle.strength[node])
        #expect(handle.size[node] == 1 && handle.selfWeight[node] == 0)
      }
    }
  }

  @Test func hugePageBuffersShareCopyAndRelease() {
    let filled = HugePageBuffer<Int32>(uninitializedCount: 1000)
    forEachBlockInParallel(count: 1000, block: 64) { _, range in
      for index in range { filled.pointer[index] = Int32(index) * 2 }
    }
    #expect(filled.array == (0..<1000).map { Int32($0) * 2 })
    // Lists as elements: a copy holds its own lists, and both release theirs.
    let lists = HugePageBuffer<[Int]>(repeating: [1, 2], count: 4)
    let copy = lists.copy()
    lists.pointer[0].append(3)
    #expect(copy.pointer[0] == [1, 2] && lists.pointer[0] == [1, 2, 3])
    weak var first: Probe?
    weak var second: Probe?
    do {
      let owners = HugePageBuffer<Probe?>(repeating: nil, count: 2)
      let probe = Probe()
      first = probe
      owners.pointer[0] = probe
      let copied = owners.copy()
      #expect(copied.pointer[0] === probe)
      let other = Probe()
      second = other
      owners.pointer[1] = other
    }
    #expect(first == nil && second == nil)
    #expect(SharedBuffer<Int>.self == HugePageBuffer<Int>.self)
  }
}

/// An object to watch through weak references: released once nothing holds it.
private final class Probe {}
