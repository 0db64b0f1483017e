/// A checked ``JoinsQuery``, answered lazily: the joins of each community
/// listed, one community at a time, and the summary on demand. What lets
/// `trustmap joins --format csv` write people × communities rows as they
/// are computed, holding one community's rows at a time.
///
/// ```swift
/// let plan = try JoinsQuery().plan(in: session)
/// for joins in plan.communityJoins {           // computed as iterated
///   for (pair, path) in zip(joins.pairs, joins.paths) { … }
/// }
/// let answer = plan.answer()                    // or everything at once
/// ```
///
/// - Complexity: O(*n* + *m*) per community iterated (its marks, and one
///   breadth-first search when a join is cold); memory for one community's
///   pairs at a time.
package struct JoinsPlan: Sendable {
  /// The assessor, with the graph and every community.
  package let joins: CommunityJoins
  /// Only this community's joins and summary (its position), when given.
  package let community: Int?
  /// Only this person's joins, when given.
  package let person: Int?
  /// Hears the share of listed communities assessed, after each one.
  package var progress: ProgressHook? = nil

  /// The positions of the communities asked about, in order.
  package var listed: [Int] { community.map { [$0] } ?? Array(communities.indices) }

  /// The communities that pairs' `community` positions refer to.
  package var communities: [IndexedCommunity] { joins.communities }

  /// Each listed community's joins, computed as the sequence is iterated.
  package var communityJoins: CommunityJoinSequence {
    CommunityJoinSequence(plan: self)
  }

  /// The joins of the community at position `index` of ``communities``.
  ///
  /// - Complexity: O(*n* + *m*).
  package func rows(ofCommunity index: Int) -> CommunityJoinRows {
    let rows = joins.assessments(community: index, people: person.map { [$0] })
    let routes = rows.contains { $0.warmth == .cold } ? joins.warmthRoutes(community: index) : nil
    let paths = rows.map { $0.warmth == .cold ? routes?.path(from: $0.person) : nil }
    return CommunityJoinRows(community: index, pairs: rows, paths: paths)
  }

  /// Per community listed: members and how its non-members would join.
  ///
  /// - Complexity: as ``CommunityJoins/summary()``, or O(*n* + *m*) for one community.
  package func summary() -> [JoinSummary] {
    community.map { [joins.summary(of: $0)] } ?? joins.summary()
  }

  /// Everything at once: every pair, its path and the summary.
  ///
  /// - Complexity: as iterating ``communityJoins`` and ``summary()``, with
  ///   every pair in memory.
  package func answer() -> JoinsAnswer {
    var pairs: [JoinAssessment] = []
    var paths: [[Int32]?] = []
    for rows in communityJoins {
      pairs += rows.pairs
      paths += rows.paths
    }
    return JoinsAnswer(communities: communities, pairs: pairs, paths: paths, summary: summary())
  }
}

/// The joins into one community: every non-member asked about, in file
/// order of people, with the path to warmth of each cold join.
package struct CommunityJoinRows: Sendable {
  /// The community's position in ``JoinsPlan/communities``.
  package var community: Int
  /// Each non-member's assessment.
  package var pairs: [JoinAssessment]
  /// Beside ``pairs``: a cold join's path to warmth (the person first, a
  /// member last); `nil` for a warm join or when no path exists.
  package var paths: [[Int32]?]
}

/// ``JoinsPlan/communityJoins``: one ``CommunityJoinRows`` per listed
/// community, each computed when the iterator reaches it.
///
/// ```swift
/// var iterator = plan.communityJoins.makeIterator()
/// let first = iterator.next()  // only the first community assessed so far
/// ```
///
/// - Complexity: O(*n* + *m*) per element.
package struct CommunityJoinSequence: Sequence, Sendable {
  let plan: JoinsPlan

  package struct Iterator: IteratorProtocol {
    let plan: JoinsPlan
    let listed: [Int]
    var position = 0

    package mutating func next() -> CommunityJoinRows? {
      guard position < listed.count else { return nil }
      let rows = plan.rows(ofCommunity: listed[position])
      position += 1
      plan.progress?(Double(position) / Double(listed.count))
      return rows
    }
  }

  package func makeIterator() -> Iterator { Iterator(plan: plan, listed: plan.listed) }

  package var underestimatedCount: Int { plan.community == nil ? plan.communities.count : 1 }
}
