import Foundation
import Testing

@testable import TrustCore

@Suite("Pseudonyms: keyed, stable, unique, and nothing of the original left")
struct PseudonymiserTests {
  let key = Array("correct horse battery staple".utf8)

  /// HMAC as RFC 2104 writes it, with the streaming SHA-256: the reference
  /// for the allocation-free path the pseudonyms take.
  func referenceHMAC(key: [UInt8], message: [UInt8]) -> String {
    var block = key.count > 64 ? SHA256.hash(key).bytes : key
    block += [UInt8](repeating: 0, count: 64 - block.count)
    let inner = SHA256.hash(block.map { $0 ^ 0x36 } + message)
    return SHA256.hash(block.map { $0 ^ 0x5c } + inner.bytes).hexadecimal
  }

  @Test(arguments: [0, 1, 13, 55, 56, 57, 63, 64, 65, 119, 120, 128, 300])
  func theFastPathIsHMACAtEveryPaddingBoundary(length: Int) {
    let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    for key in [key, [UInt8](repeating: 0xaa, count: 131), [0x01]] {
      #expect(
        HMACSHA256(key: key).authenticate(message).hexadecimal
          == referenceHMAC(key: key, message: message))
    }
  }

  @Test func aPseudonymIsPAndTwelveHexDigitsOfTheHMAC() throws {
    let pseudonyms = try Pseudonymiser(key: key)
    let made = pseudonyms.pseudonym(for: "ana")
    #expect(made == "p-" + referenceHMAC(key: key, message: Array("ana".utf8)).prefix(12))
    #expect(made.count == 14)
    #expect(try Pseudonymiser(key: key).pseudonym(for: "ana") == made)  // the same every time
    #expect(try Pseudonymiser(key: Array("other".utf8)).pseudonym(for: "ana") != made)
    #expect(pseudonyms.pseudonym(for: "Ana") != made)
    #expect(pseudonyms.pseudonym(for: "").count == 14)
    #expect(pseudonyms.pseudonym(for: "名前") != pseudonyms.pseudonym(for: "名"))
  }

  @Test func theKeyFingerprintNamesTheKeyWithoutRevealingIt() throws {
    let one = try Pseudonymiser(key: key).keyFingerprint
    #expect(one == "k-" + referenceHMAC(key: key, message: Array("trustmap pseudonym key".utf8)).prefix(8))
    #expect(try Pseudonymiser(key: key).keyFingerprint == one)
    #expect(try Pseudonymiser(key: Array("other".utf8)).keyFingerprint != one)
  }

  @Test func anEmptyKeyIsRefused() {
    #expect(throws: TrustQueryError.self) { try Pseudonymiser(key: []) }
  }

  @Test func everyIDAndNameIsReplacedAndTheStructureKept() throws {
    let original = try TrustNetwork(
      jsonString: """
        {"trustmap": 1, "name": "Acme", "people": [
          {"id": "ana", "name": "Ana Lima", "reportsTo": "bo", "attributes": {"team": "red", "email": "a@x"}},
          {"id": "bo", "name": "Bo", "attributes": {"team": "blue", "email": "b@x"}},
          {"id": "cy", "attributes": {"team": "red"}}],
         "ties": [{"from": "ana", "to": "bo", "strength": 0.8, "contexts": ["work"]},
                  {"from": "cy", "to": "ana", "strength": 0.3, "mutual": true}],
         "communities": [{"id": "reds", "name": "The red team", "members": ["ana", "cy"]}]}
        """)
    let pseudonyms = try Pseudonymiser(key: key)
    let shared = original.pseudonymised(by: pseudonyms, droppingAttributes: ["email"])
    #expect(shared.name == nil)
    #expect(shared.people.map(\.id) == ["ana", "bo", "cy"].map { pseudonyms.pseudonym(for: $0) })
    #expect(shared.people.allSatisfy { $0.name == $0.id })
    #expect(shared.people[0].reportsTo == pseudonyms.pseudonym(for: "bo"))
    #expect(shared.people[0].attributes == ["team": "red"])
    #expect(shared.attributeKeys == ["team"])
    #expect(
      shared.allTies
        == original.allTies.map { tie in
          var copy = tie
          copy.from = pseudonyms.pseudonym(for: tie.from)
          copy.to = pseudonyms.pseudonym(for: tie.to)
          return copy
        })
    #expect(shared.communities.map(\.id) == [pseudonyms.pseudonym(for: "reds")])
    #expect(shared.communities[0].name == shared.communities[0].id)
    #expect(shared.communities[0].members == ["ana", "cy"].map { pseudonyms.pseudonym(for: $0) })
    #expect(shared.index(of: pseudonyms.pseudonym(for: "cy")) == 2)
    #expect(shared.index(of: "cy") == nil)
    // The same figures from the same structure.
    let before = try TrustAnalyzer(original).summary
    let after = try TrustAnalyzer(shared).summary
    #expect(before.strongTies == after.strongTies && before.components == after.components)
  }

  @Test func droppingAttributesAloneKeepsIDs() throws {
    let original = try TrustNetwork(jsonString: randomNetworkJSON(people: 60, ties: 150, seed: 5))
    let fewer = original.droppingAttributes(["team"])
    #expect(!fewer.attributeKeys.contains("team"))
    #expect(fewer.attributeKeys == original.attributeKeys.filter { $0 != "team" })
    #expect(fewer.people.map(\.id) == original.people.map(\.id))
    for (person, before) in zip(fewer.people, original.people) {
      var expected = before.attributes
      expected["team"] = nil
      #expect(person.attributes == expected)
    }
    #expect(original.droppingAttributes([]).people.map(\.attributes) == original.people.map(\.attributes))
  }

  @Test func idsThatWouldSharePseudonymsGetLongerOnesAndStayUnique() throws {
    // With one hex digit there are 16 pseudonyms for 200 ids: most collide.
    var ids = StringInterner()
    for index in 0..<200 { ids.insert("person-\(index)") }
    let pseudonyms = try Pseudonymiser(key: key)
    let made = TrustNetwork.pseudonyms(of: ids, by: pseudonyms, startingDigits: 1)
    #expect(made.count == 200)
    #expect(Set(made.strings).count == 200)
    for index in 0..<200 {
      let full = pseudonyms.pseudonym(for: "person-\(index)")
      let mine = made[index]
      #expect(full.hasPrefix(mine) || mine.hasPrefix(full))
      #expect(mine.count > 3)  // every one of 16 one-digit pseudonyms was shared
    }
    // With 12 digits, nothing collides among these: every pseudonym is the plain one.
    let plain = TrustNetwork.pseudonyms(of: ids, by: pseudonyms)
    #expect((0..<200).allSatisfy { plain[$0] == pseudonyms.pseudonym(for: "person-\($0)") })
  }
}
