/// The formal structure: who reports to whom, as a forest with each placed
/// person's depth, their reports, and an interval numbering that answers
/// "is A above B?" in constant time (docs/design.md, 'Formal versus social').
///
/// A person is *placed* when they report to someone or someone reports to
/// them. A root (placed, reporting to nobody) has depth 0, a report its
/// manager's depth + 1; everyone else is unplaced (depth -1).
///
/// ```swift
/// let forest = ReportsToForest(reportsTo: network.people.reportsTo)
/// forest.depth[ana]                    // 1
/// forest.isAncestor(ceo, of: bo)       // true: Bo is somewhere below Morgan
/// forest.descendantCount(ana)          // her span
/// ```
///
/// - Complexity: O(*n*) time and memory, without recursion (a chain of a
///   million people is fine): one breadth-first pass from the roots, then the
///   subtree sizes bottom-up and the interval numbers top-down.
package struct ReportsToForest: Sendable {
  /// Each person's manager, or -1.
  package let parent: [Int32]
  /// Each person's depth, or -1 when unplaced.
  package let depth: [Int32]
  /// `childOffsets[p] ..< childOffsets[p + 1]` index ``children`` for person `p`.
  package let childOffsets: [Int]
  /// Each person's direct reports, in file order.
  package let children: [Int32]
  /// The placed people, managers before their reports: roots in file order,
  /// then breadth first.
  package let order: [Int32]
  /// Each placed person's number in a depth-first walk (roots in file order,
  /// reports in file order); their descendants are numbered
  /// `enter[p] + 1 ... enter[p] + descendantCount(p)`.
  package let enter: [Int32]
  /// How many people each placed person has below them.
  private let below: [Int32]

  /// How many reports-to links.
  package var linkCount: Int { children.count }
  /// How many placed people.
  package var placedCount: Int { order.count }
  /// The deepest depth (-1 without links).
  package let maximumDepth: Int

  /// The forest of `reportsTo` (one manager index or -1 per person; the
  /// links must form a forest, as the reader guarantees).
  package init(reportsTo: [Int32]) {
    let count = reportsTo.count
    parent = reportsTo
    var childOffsets = [Int](repeating: 0, count: count + 1)
    for manager in reportsTo where manager >= 0 { childOffsets[Int(manager) + 1] += 1 }
    for person in 0..<count { childOffsets[person + 1] += childOffsets[person] }
    var children = [Int32](repeating: 0, count: childOffsets[count])
    var fill = childOffsets
    for (person, manager) in reportsTo.enumerated() where manager >= 0 {
      children[fill[Int(manager)]] = Int32(truncatingIfNeeded: person)
      fill[Int(manager)] += 1
    }
    // Breadth first from the roots, in file order: a manager before their reports.
    var depth = [Int32](repeating: -1, count: count)
    var order: [Int32] = []
    for person in 0..<count
    where reportsTo[person] < 0 && childOffsets[person + 1] > childOffsets[person] {
      depth[person] = 0
      order.append(Int32(truncatingIfNeeded: person))
    }
    var head = 0
    while head < order.count {
      let manager = Int(order[head])
      head += 1
      for slot in childOffsets[manager]..<childOffsets[manager + 1] {
        let report = Int(children[slot])
        depth[report] = depth[manager] + 1
        order.append(children[slot])
      }
    }
    // Subtree sizes bottom-up, then depth-first numbers top-down: a
    // manager's first report is numbered right after them, each next report
    // after the previous one's subtree.
    var below = [Int32](repeating: 0, count: count)
    for person in order.reversed() where reportsTo[Int(person)] >= 0 {
      below[Int(reportsTo[Int(person)])] += below[Int(person)] + 1
    }
    var enter = [Int32](repeating: -1, count: count)
    var next: Int32 = 0
    for person in order where reportsTo[Int(person)] < 0 {
      enter[Int(person)] = next
      next += below[Int(person)] + 1
    }
    for person in order {
      var number = enter[Int(person)] + 1
      for slot in childOffsets[Int(person)]..<childOffsets[Int(person) + 1] {
        let report = Int(children[slot])
        enter[report] = number
        number += below[report] + 1
      }
    }
    self.depth = depth
    self.childOffsets = childOffsets
    self.children = children
    self.order = order
    self.enter = enter
    self.below = below
    maximumDepth = Int(order.last.map { depth[Int($0)] } ?? -1)
  }

  /// Whether `person` is placed in the forest.
  @inline(__always)
  package func isPlaced(_ person: Int) -> Bool { depth[person] >= 0 }

  /// Whether `ancestor` is above `person` (strictly), in O(1).
  @inline(__always)
  package func isAncestor(_ ancestor: Int, of person: Int) -> Bool {
    let start = enter[ancestor]
    let position = enter[person]
    return start >= 0 && position > start && position <= start + below[ancestor]
  }

  /// How many people are below `person` (their span).
  @inline(__always)
  package func descendantCount(_ person: Int) -> Int { Int(below[person]) }

  /// How many direct reports `person` has.
  @inline(__always)
  package func reportCount(_ person: Int) -> Int {
    childOffsets[person + 1] - childOffsets[person]
  }

  /// `person`'s direct reports, in file order.
  package func reports(of person: Int) -> ArraySlice<Int32> {
    children[childOffsets[person]..<childOffsets[person + 1]]
  }
}
