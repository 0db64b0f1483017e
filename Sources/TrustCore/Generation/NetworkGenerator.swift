#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes synthetic organisations in the network format, streamed in chunks,
/// so a network of any size never has to sit in memory as one document.
///
/// The organisation: teams of about 100 inside sites of 10 teams, `team`,
/// `site` and `level` attributes, a reports-to tree (a CEO, a head per site,
/// a lead per team), and ties that prefer one's own team (70 %), then site
/// (20 %), then anyone, drawn by a heavy-tailed activity so some people have
/// many ties. Team ties are strong (strength 0.5 to 1), others mostly weak
/// (0.1 to 0.7); a fifth are mutual; contexts are `work` or `friendship`, or
/// none. A few communities (guilds) span teams.
///
/// ```swift
/// var text = ""
/// NetworkGenerator(people: 1000, ties: 10_000, seed: 1).write { text += $0 }
/// let network = try TrustNetwork(jsonString: text)
/// ```
///
/// - Complexity: O(*n* + *m*) time; O(*n*) memory besides one chunk.
public struct NetworkGenerator: Sendable {
  /// How many people.
  public var people: Int
  /// How many tie records.
  public var ties: Int
  /// The seed: the same seed gives the same file.
  public var seed: UInt64

  /// Creates a generator.
  public init(people: Int, ties: Int, seed: UInt64 = 1) {
    self.people = max(0, people)
    self.ties = people < 2 ? 0 : max(0, ties)
    self.seed = seed
  }

  /// Writes the whole network, chunk by chunk (about a megabyte each), to `sink`.
  public func write(to sink: (String) -> Void) {
    var random = SeededRandom(seed: seed)
    let teamCount = max(1, people / 100)
    let siteCount = max(1, (teamCount + 9) / 10)
    var team = [Int32](repeating: 0, count: people)
    for person in 0..<people { team[person] = Int32(truncatingIfNeeded: random.below(teamCount)) }
    // Activity: a heavy-tailed weight per person (lognormal, σ = 1).
    var cumulative = [Double](repeating: 0, count: people)
    var total = 0.0
    for person in 0..<people {
      let u1 = max(random.unit(), 1e-300)
      let u2 = random.unit()
      let normal = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
      total += exp(normal)
      cumulative[person] = total
    }
    // Members by team and by site, for homophilous partners.
    var teamMembers = [[Int32]](repeating: [], count: teamCount)
    var siteMembers = [[Int32]](repeating: [], count: siteCount)
    for person in 0..<people {
      teamMembers[Int(team[person])].append(Int32(truncatingIfNeeded: person))
      siteMembers[Int(team[person]) / 10].append(Int32(truncatingIfNeeded: person))
    }
    // The reports-to tree: person 0 is the CEO; the first member of each
    // site's first team heads the site; the first member of each team leads it.
    var level = [UInt8](repeating: 0, count: people)
    var manager = [Int32](repeating: -1, count: people)
    var siteHead = [Int32](repeating: -1, count: siteCount)
    var teamLead = [Int32](repeating: -1, count: teamCount)
    if people > 0 { level[0] = 2 }
    for teamIndex in 0..<teamCount {
      guard let lead = teamMembers[teamIndex].first(where: { $0 != 0 }) else { continue }
      teamLead[teamIndex] = lead
      let site = teamIndex / 10
      if siteHead[site] < 0 {
        siteHead[site] = lead
        level[Int(lead)] = 2
      } else if level[Int(lead)] == 0 {
        level[Int(lead)] = 1
      }
    }
    for person in 1..<max(1, people) {
      let teamIndex = Int(team[person])
      let site = teamIndex / 10
      let lead = teamLead[teamIndex]
      let head = siteHead[site]
      if Int32(person) == head {
        manager[person] = 0
      } else if Int32(person) == lead {
        manager[person] = head >= 0 ? head : 0
      } else {
        manager[person] = lead >= 0 ? lead : 0
      }
    }
    let levels = ["staff", "lead", "executive"]
    var chunk = ""
    chunk.reserveCapacity(1 << 20)
    func flush(_ force: Bool = false) {
      if force || chunk.utf8.count >= 1 << 20 {
        sink(chunk)
        chunk.removeAll(keepingCapacity: true)
      }
    }
    chunk +=
      #"{"trustmap": 1, "name": "Generated organisation (\#(people) people, seed \#(seed))", "people": ["#
    for person in 0..<people {
      if person > 0 { chunk += "," }
      chunk += "\n"
      chunk +=
        #"{"id": "p\#(person)", "attributes": {"team": "t\#(team[person])", "site": "s\#(team[person] / 10)", "level": "\#(levels[Int(level[person])])"}"#
      if manager[person] >= 0 { chunk += #", "reportsTo": "p\#(manager[person])""# }
      chunk += "}"
      flush()
    }
    chunk += "\n], \"ties\": ["
    func activePerson(_ random: inout SeededRandom) -> Int {
      let target = random.unit() * total
      var low = 0
      var high = people - 1
      while low < high {
        let middle = (low + high) / 2
        if cumulative[middle] <= target { low = middle + 1 } else { high = middle }
      }
      return low
    }
    for tie in 0..<ties {
      let from = activePerson(&random)
      let roll = random.unit()
      var to: Int
      let sameTeam: Bool
      if roll < 0.7 {
        let pool = teamMembers[Int(team[from])]
        to = Int(pool[random.below(pool.count)])
        sameTeam = true
      } else if roll < 0.9 {
        let pool = siteMembers[Int(team[from]) / 10]
        to = Int(pool[random.below(pool.count)])
        sameTeam = team[to] == team[from]
      } else {
        to = activePerson(&random)
        sameTeam = team[to] == team[from]
      }
      if to == from { to = (from + 1 + random.below(people - 1)) % people }
      let hundredths = sameTeam ? 50 + random.below(51) : 10 + random.below(61)
      if tie > 0 { chunk += "," }
      chunk += "\n"
      chunk += #"{"from": "p\#(from)", "to": "p\#(to)", "strength": \#(strengthText(hundredths))"#
      if random.below(5) == 0 { chunk += #", "mutual": true"# }
      switch random.below(10) {
      case 0..<5: chunk += #", "contexts": ["work"]"#
      case 5..<8: chunk += #", "contexts": ["friendship"]"#
      case 8: chunk += #", "contexts": ["work", "friendship"]"#
      default: break
      }
      chunk += "}"
      flush()
    }
    chunk += "\n], \"communities\": ["
    let guilds = people == 0 ? 0 : min(50, max(1, people / 200))
    for guild in 0..<guilds {
      if guild > 0 { chunk += "," }
      let size = min(people, 5 + random.below(46))
      var chosen = Set<Int>()
      while chosen.count < size { chosen.insert(random.below(people)) }
      let members = chosen.sorted().map { #""p\#($0)""# }.joined(separator: ", ")
      chunk += "\n"
      chunk +=
        #"{"id": "guild\#(guild + 1)", "name": "Guild \#(guild + 1)", "members": [\#(members)]}"#
      flush()
    }
    chunk += "\n]}\n"
    flush(true)
  }
}

/// 0.5, 0.07, 1.0: a strength in hundredths as short JSON text.
private func strengthText(_ hundredths: Int) -> String {
  if hundredths >= 100 { return "1.0" }
  let tens = hundredths / 10
  let ones = hundredths % 10
  return ones == 0 ? "0.\(tens)" : "0.\(tens)\(ones)"
}
