/// What changed between two snapshots, with ids; shaped like `trustmap diff
/// --format json`.
///
/// ```swift
/// let diff = try after.diff(from: before)
/// diff.people.joined                      // the newcomers
/// diff.communities[0].density.after       // a community's density now
/// diff.tribes.split.map(\.tribe)          // old tribes that fell apart
/// ```
public struct DiffReport: Sendable, Hashable {
  /// Who joined and who left.
  public var people: PeopleChange
  /// Strong ties formed and broken, each as [a, b], a before b in NEW's
  /// order, else OLD's (when an end has left).
  public var ties: TieChange
  /// Each community in both snapshots, in NEW's order.
  public var communities: [CommunityDiff]
  /// Every (person, community) in both whose standing changed: `member`,
  /// `direct`, `introduced` or `cold`, before and after.
  public var warmth: [StandingDiff]
  /// Level-0 tribes matched by largest overlap, with splits and merges.
  public var tribes: TribeDiff

  /// People in NEW and not OLD, and the reverse.
  public struct PeopleChange: Sendable, Hashable {
    public var joined: [String]
    public var left: [String]
  }

  /// Strong ties in NEW and not OLD, and the reverse.
  public struct TieChange: Sendable, Hashable {
    public var formed: [[String]]
    public var broken: [[String]]
  }

  package init(_ answer: DiffAnswer) {
    let old = answer.old.network.people
    let new = answer.new.network.people
    let diff = answer.diff
    people = PeopleChange(joined: new.ids(diff.joined), left: old.ids(diff.left))
    func pair(_ pair: NetworkDiff.Pair) -> [String] {
      let people = pair.inNew ? new : old
      return [people.id(of: Int(pair.first)), people.id(of: Int(pair.second))]
    }
    ties = TieChange(formed: diff.formed.map(pair), broken: diff.broken.map(pair))
    communities = diff.communities.map { change in
      CommunityDiff(
        community: change.id, joined: new.ids(change.joined), left: old.ids(change.left),
        members: BeforeAfter(before: change.before.members, after: change.after.members),
        density: BeforeAfter(
          before: change.before.coherence.density, after: change.after.coherence.density),
        eiIndex: BeforeAfter(
          before: change.before.coherence.eiIndex, after: change.after.coherence.eiIndex),
        isolatedMembers: BeforeAfter(
          before: old.ids(change.before.coherence.isolatedMembers),
          after: new.ids(change.after.coherence.isolatedMembers)))
    }
    let shared = diff.communities
    warmth = diff.standings.map {
      StandingDiff(
        person: new.id(of: Int($0.person)), community: shared[$0.community].id,
        before: $0.before.name, after: $0.after.name)
    }
    let oldTribes = answer.old.levelZeroTribes()?.tribes ?? .empty
    let newTribes = answer.new.levelZeroTribes()?.tribes ?? .empty
    tribes = TribeDiff(
      split: diff.splits.map {
        TribeDiff.Split(tribe: oldTribes[$0.tribe].id, into: $0.others.map { newTribes[$0].id })
      },
      merged: diff.merges.map {
        TribeDiff.Merge(tribe: newTribes[$0.tribe].id, from: $0.others.map { oldTribes[$0].id })
      },
      matches: diff.matches.enumerated().map { tribe, match in
        TribeDiff.Match(
          tribe: oldTribes[tribe].id, match: match.tribe >= 0 ? newTribes[match.tribe].id : nil,
          share: match.share)
      })
  }
}

/// A figure before and after.
public struct BeforeAfter<Value: Sendable & Hashable>: Sendable, Hashable {
  public var before: Value
  public var after: Value
}

/// One community in both snapshots.
public struct CommunityDiff: Sendable, Hashable {
  public var community: String
  /// Members new to it.
  public var joined: [String]
  /// Members no longer in it.
  public var left: [String]
  public var members: BeforeAfter<Int>
  public var density: BeforeAfter<Double?>
  public var eiIndex: BeforeAfter<Double?>
  public var isolatedMembers: BeforeAfter<[String]>
  /// Whether the community was too small to show in either snapshot
  /// (``SuppressibleGroup``): then only ``community`` is kept.
  public var isSuppressed = false
}

/// One person's changed standing towards one community.
public struct StandingDiff: Sendable, Hashable {
  public var person: String
  public var community: String
  /// `member`, `direct`, `introduced` or `cold`.
  public var before: String
  public var after: String
}

/// How level-0 tribes carried over: an OLD tribe split when a quarter or
/// more of its members (those in both snapshots) sit in each of two or more
/// NEW tribes; a NEW tribe merged when it is made so of two or more OLD ones.
public struct TribeDiff: Sendable, Hashable {
  public struct Split: Sendable, Hashable {
    public var tribe: String
    public var into: [String]
  }

  public struct Merge: Sendable, Hashable {
    public var tribe: String
    public var from: [String]
  }

  /// An OLD tribe and the NEW tribe holding most of its members still present.
  public struct Match: Sendable, Hashable {
    public var tribe: String
    public var match: String?
    public var share: Double?
  }

  public var split: [Split]
  public var merged: [Merge]
  public var matches: [Match]
}

/// The keystones, with ids; shaped like `trustmap keystones --format json`.
///
/// ```swift
/// let keystones = try analyzer.keystones()
/// keystones.keystones.first?.cutOff   // how many the first keystone's leaving cuts off
/// ```
public struct KeystoneReport: Sendable, Hashable {
  /// The articulation points, by how many they cut off (most first), then file order.
  public var keystones: [Keystone]
  /// Per community, in order, its members whose leaving splits the members' own strong ties.
  public var communities: [CommunityKeystones]

  /// One keystone.
  public struct Keystone: Sendable, Hashable {
    public var id: String
    /// People who would no longer be connected to the largest part of their component.
    public var cutOff: Int
    /// The parts their component falls into without them.
    public var parts: Int
  }

  /// One community's keystones.
  public struct CommunityKeystones: Sendable, Hashable {
    public var community: String
    public var keystones: [String]
    /// How many members it has (not in the JSON, which lists keystones only).
    public var members = 0
    /// Whether the community was too small to show (``SuppressibleGroup``):
    /// then only ``community`` is kept.
    public var isSuppressed = false
  }

  package init(_ answer: KeystonesAnswer, network: TrustNetwork, limit: Int? = nil) {
    let people = network.people
    keystones = answer.keystones.people.prefix(limit ?? Int.max).map {
      Keystone(id: people.id(of: $0.person), cutOff: $0.cutOff, parts: $0.parts)
    }
    communities = zip(answer.communities, answer.keystones.communities).map {
      CommunityKeystones(community: $0.id, keystones: people.ids($1), members: $0.members.count)
    }
  }
}

/// Advice for one person, with ids; shaped like `trustmap advise --person P --format json`.
public struct AdviceReport: Sendable, Hashable {
  public var person: String
  /// The attribute broadening is measured by.
  public var by: String
  /// Each community the person is not in.
  public var communities: [AdviceOption]
  /// Each community the person is in: whether they are isolated there.
  public var memberships: [Membership]

  public struct AdviceOption: Sendable, Hashable {
    public var community: String
    public var warmth: JoinWarmth
    /// Blau(first(P) ∪ C) − Blau(first(P)); `nil` when nobody there has the attribute.
    public var gain: Double?
    /// `join`, `stretch` or `familiar`.
    public var kind: String
    /// For a stretch: whom to ask, through whom (the person excluded, a member last).
    public var pathToWarmth: [String]?
  }

  public struct Membership: Sendable, Hashable {
    public var community: String
    /// No strong tie to another member: a membership that never warmed.
    public var isolated: Bool
  }

  package init(_ answer: AdviceAnswer, network: TrustNetwork) {
    let people = network.people
    person = people.id(of: answer.person)
    by = answer.by
    communities = answer.options.map {
      AdviceOption(
        community: answer.communities[$0.community].id, warmth: $0.warmth, gain: $0.gain,
        kind: $0.kind.rawValue, pathToWarmth: $0.pathToWarmth.map { people.ids($0) })
    }
    memberships = answer.memberships.map {
      Membership(community: answer.communities[$0.community].id, isolated: $0.isolated)
    }
  }
}

/// Whom to invite into a community, with ids; shaped like `trustmap advise
/// --community C --invite k --format json`.
public struct InvitationReport: Sendable, Hashable {
  public var community: String
  public var by: String
  /// The members' Blau before any invitation.
  public var blauBefore: Double?
  /// The invitees in the order chosen, each with the Blau after they join.
  public var invite: [Invitee]

  public struct Invitee: Sendable, Hashable {
    public var id: String
    public var warmth: JoinWarmth
    public var blau: Double?
  }

  package init(_ answer: InvitationAnswer, network: TrustNetwork) {
    community = answer.community.id
    by = answer.by
    blauBefore = answer.blauBefore
    invite = answer.invitations.map {
      Invitee(id: network.people.id(of: Int($0.person)), warmth: $0.warmth, blau: $0.blau)
    }
  }
}

extension DiffReport: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.key("people")
      json.object { json in
        json.field("joined", people.joined)
        json.field("left", people.left)
      }
      json.key("ties")
      json.object { json in
        json.key("formed")
        json.array { json in for pair in ties.formed { json.strings(pair) } }
        json.key("broken")
        json.array { json in for pair in ties.broken { json.strings(pair) } }
      }
      json.field("communities", communities)
      json.field("warmth", warmth)
      json.field("tribes", tribes)
    }
  }
}

extension BeforeAfter: JSONEncodable where Value: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("before", before)
      json.field("after", after)
    }
  }
}

extension CommunityDiff: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    if isSuppressed { return json.suppressedGroup(idKey: "community", id: community) }
    json.object { json in
      json.field("community", community)
      json.field("joined", joined)
      json.field("left", left)
      json.field("members", members)
      json.field("density", density)
      json.field("eiIndex", eiIndex)
      json.key("isolatedMembers")
      json.object { json in
        json.field("before", isolatedMembers.before)
        json.field("after", isolatedMembers.after)
      }
    }
  }
}

extension StandingDiff: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("person", person)
      json.field("community", community)
      json.field("before", before)
      json.field("after", after)
    }
  }
}

extension TribeDiff: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.key("split")
      json.array { json in
        for split in split {
          json.object { json in
            json.field("tribe", split.tribe)
            json.field("into", split.into)
          }
        }
      }
      json.key("merged")
      json.array { json in
        for merge in merged {
          json.object { json in
            json.field("tribe", merge.tribe)
            json.field("from", merge.from)
          }
        }
      }
      json.key("matches")
      json.array { json in
        for match in matches {
          json.object { json in
            json.field("tribe", match.tribe)
            json.field("match", match.match)
            json.field("share", match.share)
          }
        }
      }
    }
  }
}

extension KeystoneReport: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.key("keystones")
      json.array { json in
        for keystone in keystones {
          json.object { json in
            json.field("id", keystone.id)
            json.field("cutOff", keystone.cutOff)
            json.field("parts", keystone.parts)
          }
        }
      }
      json.key("communities")
      json.array { json in
        for community in communities {
          if community.isSuppressed {
            json.suppressedGroup(idKey: "community", id: community.community)
            continue
          }
          json.object { json in
            json.field("community", community.community)
            json.field("keystones", community.keystones)
          }
        }
      }
    }
  }
}

extension AdviceReport: JSONEncodable {
  /// `pathToWarmth` only for a stretch (`null` when no path leads there).
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("person", person)
      json.field("by", by)
      json.key("communities")
      json.array { json in
        for option in communities {
          json.object { json in
            json.field("community", option.community)
            json.field("warmth", option.warmth)
            json.field("gain", option.gain)
            json.field("class", option.kind)
            if option.kind == "stretch" { json.field("pathToWarmth", option.pathToWarmth) }
          }
        }
      }
      json.key("memberships")
      json.array { json in
        for membership in memberships {
          json.object { json in
            json.field("community", membership.community)
            json.field("isolated", membership.isolated)
          }
        }
      }
    }
  }
}

extension InvitationReport: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("community", community)
      json.field("by", by)
      json.field("blauBefore", blauBefore)
      json.key("invite")
      json.array { json in
        for invitee in invite {
          json.object { json in
            json.field("id", invitee.id)
            json.field("warmth", invitee.warmth)
            json.field("blau", invitee.blau)
          }
        }
      }
    }
  }
}
