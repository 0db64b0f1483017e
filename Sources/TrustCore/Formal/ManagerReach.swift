/// A formal leader's trust: how many of their reports hold a strong tie to
/// them, and how far their trust reaches, in and beyond their formal span
/// (the seed's "permission to be near group": authority by reputation).
package struct ManagerReach: Sendable, Hashable {
  /// The manager (index).
  package var person: Int
  /// Direct reports.
  package var reports: Int
  /// Everyone below them.
  package var span: Int
  /// Direct reports with a strong tie to the manager.
  package var reportsWithStrongTie: Int
  /// |first(M)| + |second(M)|: the people the manager reaches through trust.
  package var socialReach: Int
  /// The people in first(M) ∪ second(M) who are not below the manager.
  package var reachBeyondSpan: Int

  /// ``reportsWithStrongTie`` over ``reports``.
  package var share: Double { Double(reportsWithStrongTie) / Double(reports) }

  /// Every manager's figures, in file order of the managers.
  ///
  /// ```swift
  /// let managers = ManagerReach.all(graph, forest: forest)
  /// managers.filter { $0.reportsWithStrongTie == 0 }  // formal authority only
  /// ```
  ///
  /// - Complexity: O(Σ over managers of the degrees of their contacts), in
  ///   blocks of managers on every core, each worker with its own stamps
  ///   (O(*n*) memory per core).
  package static func all(_ graph: TrustGraph, forest: ReportsToForest) -> [ManagerReach] {
    let managers = (0..<graph.personCount).filter { forest.reportCount($0) > 0 }
    let empty = ManagerReach(
      person: 0, reports: 0, span: 0, reportsWithStrongTie: 0, socialReach: 0, reachBeyondSpan: 0)
    let results = SharedBuffer<ManagerReach>(repeating: empty, count: managers.count)
    let stamps = SharedBuffer<[UInt32]>(
      repeating: [UInt32](repeating: 0, count: graph.personCount), count: workerCount)
    let lastMarks = SharedBuffer<UInt32>(repeating: 0, count: workerCount)
    forEachBlockInParallel(count: managers.count, block: 64) { worker, range in
      var stamp = stamps.pointer[worker]
      stamps.pointer[worker] = []  // moved out, so writes do not copy it
      var mark = lastMarks.pointer[worker]
      for index in range {
        let manager = managers[index]
        mark &+= 1
        if mark == UInt32.max {
          for slot in stamp.indices { stamp[slot] = 0 }
          mark = 1
        }
        stamp[manager] = mark
        var reached = 0
        var beyond = 0
        var trusted = 0
        for friend in graph.neighbours(of: manager) {
          stamp[Int(friend)] = mark
          reached += 1
          if !forest.isAncestor(manager, of: Int(friend)) { beyond += 1 }
          if forest.parent[Int(friend)] == Int32(truncatingIfNeeded: manager) { trusted += 1 }
        }
        for friend in graph.neighbours(of: manager) {
          for other in graph.neighbours(of: Int(friend)) where stamp[Int(other)] != mark {
            stamp[Int(other)] = mark
            reached += 1
            if !forest.isAncestor(manager, of: Int(other)) { beyond += 1 }
          }
        }
        results.pointer[index] = ManagerReach(
          person: manager, reports: forest.reportCount(manager),
          span: forest.descendantCount(manager), reportsWithStrongTie: trusted,
          socialReach: reached, reachBeyondSpan: beyond)
      }
      stamps.pointer[worker] = stamp
      lastMarks.pointer[worker] = mark
    }
    return results.array
  }
}
