// Builds a network in code, loads one from a file, and prints who would join
// a community warm. Run from this folder: swift run UsingTrustCore [network.json]
import TrustCore

// 1. A network built in code.
var builder = TrustNetworkBuilder(name: "Book club")
builder.addPerson("ana", attributes: ["team": "design"])
builder.addPerson("bo", attributes: ["team": "sales"])
builder.addPerson("cy", attributes: ["team": "sales"])
builder.addTie(from: "ana", to: "bo", strength: 0.9, mutual: true)
builder.addTie(from: "bo", to: "cy", strength: 0.8)
builder.addCommunity("readers", members: ["cy"])
let club = try builder.build()
let clubAnalyzer = try TrustAnalyzer(club)
for join in try clubAnalyzer.joins(community: "readers").joins {
  print("book club: \(join.person) would join the readers \(join.warmth)")
}

// 2. A network from a file, the organisation bundled with trustmap by default.
let path = CommandLine.arguments.dropFirst().first ?? "../org.json"
do {
  let network = try TrustNetwork(contentsOfFile: path)
  let analyzer = try TrustAnalyzer(network, settings: StrongTieSettings(threshold: 0.5))
  for community in network.communities {
    let warm = try analyzer.joins(community: community.id).joins.filter { $0.warmth != .cold }
    print(
      "\(community.name): \(warm.count) would join warm: \(warm.map(\.person).joined(separator: ", "))"
    )
  }
  let reach = try analyzer.reach(of: network.personIDs[0])
  print(
    "\(reach.person) trusts \(reach.firstDegree.count); \(reach.secondDegree.count) are pre-credentialed"
  )
  let tribes = try analyzer.tribes(TribeSettings(seed: 1))
  print("tribes: \(tribes.levels[0].tribes.count), modularity \(tribes.levels[0].modularity)")
  print("TrustCore \(TrustmapVersion.current)")
} catch {
  print("could not read \(path): \(error)")
}
