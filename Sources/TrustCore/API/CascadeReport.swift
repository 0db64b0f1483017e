/// One speak-up cascade, with ids; shaped like `trustmap cascade --format json`.
///
/// ```swift
/// let cascade = try analyzer.cascade(start: ["ana"], threshold: 0.25)
/// cascade.finalShare               // who spoke in the end, as a share of everyone
/// cascade.rounds[1].movedBy?["bo"] // the trusted contacts who had spoken before Bo
/// cascade.heardButSilent           // silent observers: a trusted contact spoke, they did not
/// ```
public struct CascadeReport: Sendable, Hashable {
  /// The threshold for everyone (or for those without ``thresholdBy``).
  public var threshold: Double
  /// The attribute that gave people their own thresholds, if any.
  public var thresholdBy: String?
  /// Whether shares were of strong-tie weight.
  public var weighted: Bool
  /// The starting speakers, in the order given or drawn.
  public var start: [String]
  /// How many spoke, as a share of everyone.
  public var finalShare: Double
  /// How many spoke.
  public var spoke: Int
  /// Round 0 (the starting speakers, possibly none) and every round that added someone.
  public var rounds: [CascadeRound]
  /// Everyone who never spoke, in file order.
  public var silent: [String]
  /// The silent people with at least one strong-tie contact who spoke.
  public var heardButSilent: [String]
  /// The share that spoke in each community.
  public var communities: [CascadeCommunity]

  package init(_ answer: CascadeAnswer, query: CascadeQuery, network: TrustNetwork) {
    let people = network.people
    threshold = query.threshold
    thresholdBy = query.thresholdBy
    weighted = query.weighted
    start = people.ids(answer.starters)
    spoke = answer.run.spoke
    finalShare = people.isEmpty ? 0 : Double(spoke) / Double(people.count)
    let movers = answer.movedBy
    rounds = answer.run.rounds.enumerated().map { index, speakers in
      let ids = people.ids(speakers)
      return CascadeRound(
        round: index, spoke: ids,
        movedBy: index == 0
          ? nil
          : KeyedList(
            keys: ids, values: speakers.indices.map { people.ids(movers[index, $0]) }))
    }
    silent = people.ids(answer.silent)
    heardButSilent = people.ids(answer.heardButSilent)
    communities = zip(answer.communities, answer.communitySpoke).map { community, spoke in
      let members = community.members.count
      return CascadeCommunity(
        community: community.id, members: members, spoke: spoke,
        share: members > 0 ? Double(spoke) / Double(members) : nil)
    }
  }
}

/// One round of a cascade.
public struct CascadeRound: Sendable, Hashable {
  /// 0 for the starting speakers.
  public var round: Int
  /// Who spoke in it, in file order.
  public var spoke: [String]
  /// For each of them (after round 0), the strong-tie contacts who had spoken
  /// before: who moved them (empty for an instigator, whose threshold is 0).
  public var movedBy: KeyedList<[String]>?
}

/// The share of one community that spoke.
public struct CascadeCommunity: Sendable, Hashable {
  /// The community.
  public var community: String
  /// Its members.
  public var members: Int
  /// Members who spoke.
  public var spoke: Int
  /// Their share; `nil` for a community without members.
  public var share: Double?
  /// Whether the community was too small to show (``SuppressibleGroup``):
  /// then only ``community`` is kept.
  public var isSuppressed = false
}

/// Many cascades from random starting speakers: how far they went.
public struct CascadeRunsReport: Sendable, Hashable {
  /// How many runs.
  public var runs: Int
  /// The random starting speakers of each run.
  public var startCount: Int
  /// The seed the runs' seeds derive from (the first run's own).
  public var seed: UInt64
  /// The threshold for everyone.
  public var threshold: Double
  /// The attribute of people's own thresholds, if any.
  public var thresholdBy: String?
  /// Whether shares were of strong-tie weight.
  public var weighted: Bool
  /// Each run's final share, in run order.
  public var shares: [Double]

  /// The runs that became global cascades: half or more spoke.
  public var globalCascades: Int { shares.filter { $0 >= 0.5 }.count }

  package init(_ answer: CascadeRunsAnswer, query: CascadeQuery) {
    runs = answer.spoke.count
    startCount = query.startCount ?? 0
    seed = query.seed
    threshold = query.threshold
    thresholdBy = query.thresholdBy
    weighted = query.weighted
    shares = answer.shares
  }
}

/// The final share at every threshold from 0 to 1 in steps of 0.01.
public struct CascadeSweepReport: Sendable, Hashable {
  /// The starting speakers.
  public var start: [String]
  /// Whether shares were of strong-tie weight.
  public var weighted: Bool
  /// The final share at threshold i / 100, i = 0 … 100.
  public var shares: [Double]
  /// The largest threshold at which half or more speak; `nil` when none.
  public var tippingThreshold: Double?

  package init(_ answer: CascadeSweepAnswer, query: CascadeQuery, network: TrustNetwork) {
    start = network.people.ids(answer.starters)
    weighted = query.weighted
    shares = answer.shares
    tippingThreshold = answer.tippingThreshold
  }
}

/// The fewest starting speakers found by lazy greedy selection (CELF) that
/// make a share of people speak.
public struct CascadeTargetReport: Sendable, Hashable {
  /// The share aimed at.
  public var target: Double
  /// The threshold for everyone.
  public var threshold: Double
  /// The attribute of people's own thresholds, if any.
  public var thresholdBy: String?
  /// Whether shares were of strong-tie weight.
  public var weighted: Bool
  /// The share that speaks with no starting speaker (the instigators' doing).
  public var baselineShare: Double
  /// The picks, in order, each with the share that speaks once it is added.
  public var greedyStart: [Pick]
  /// Whether the share was reached.
  public var reached: Bool

  /// One starting speaker and the share with them.
  public struct Pick: Sendable, Hashable {
    /// The person.
    public var id: String
    /// How many more spoke with them.
    public var gain: Int
    /// The share that speaks once they are added.
    public var share: Double
  }

  package init(_ greedy: GreedyStart, target: Double, query: CascadeQuery, network: TrustNetwork) {
    self.target = target
    threshold = query.threshold
    thresholdBy = query.thresholdBy
    weighted = query.weighted
    baselineShare = greedy.baselineShare
    greedyStart = greedy.picks.map {
      Pick(id: network.people.id(of: $0.person), gain: $0.gain, share: $0.share)
    }
    reached = greedy.reached
  }
}

extension CascadeReport: JSONEncodable {
  /// `thresholdBy` only when thresholds came from an attribute.
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("threshold", threshold)
      if let thresholdBy { json.field("thresholdBy", thresholdBy) }
      json.field("weighted", weighted)
      json.field("start", start)
      json.field("finalShare", finalShare)
      json.field("spoke", spoke)
      json.field("rounds", rounds)
      json.field("silent", silent)
      json.field("heardButSilent", heardButSilent)
      json.field("communities", communities)
    }
  }
}

extension CascadeRound: JSONEncodable {
  /// `movedBy` only after round 0.
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("round", round)
      json.field("spoke", spoke)
      if let movedBy { json.field("movedBy", movedBy) }
    }
  }
}

extension CascadeCommunity: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    if isSuppressed { return json.suppressedGroup(idKey: "community", id: community) }
    json.object { json in
      json.field("community", community)
      json.field("members", members)
      json.field("spoke", spoke)
      json.field("share", share)
    }
  }
}

extension CascadeRunsReport: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("runs", runs)
      json.field("startCount", startCount)
      json.field("seed", seed)
      json.field("threshold", threshold)
      if let thresholdBy { json.field("thresholdBy", thresholdBy) }
      json.field("weighted", weighted)
      json.key("finalShare")
      json.object { json in
        json.field("mean", shares.isEmpty ? nil : shares.reduce(0, +) / Double(shares.count))
        json.field("min", shares.min())
        json.field("max", shares.max())
      }
      json.field("globalCascades", globalCascades)
      json.field("shares", shares)
    }
  }
}

extension CascadeSweepReport: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("start", start)
      json.field("weighted", weighted)
      json.key("sweep")
      json.array { json in
        for (step, share) in shares.enumerated() {
          json.object { json in
            json.field("threshold", Double(step) / 100)
            json.field("finalShare", share)
          }
        }
      }
      json.field("tippingThreshold", tippingThreshold)
    }
  }
}

extension CascadeTargetReport: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("target", target)
      json.field("threshold", threshold)
      if let thresholdBy { json.field("thresholdBy", thresholdBy) }
      json.field("weighted", weighted)
      json.field("baselineShare", baselineShare)
      json.field("greedyStart", greedyStart)
      json.field("reached", reached)
    }
  }
}

extension CascadeTargetReport.Pick: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("id", id)
      json.field("gain", gain)
      json.field("share", share)
    }
  }
}
