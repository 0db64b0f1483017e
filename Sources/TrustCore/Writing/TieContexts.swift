/// A tie record's contexts as bytes, for writers: no `String` per record.
///
/// ```swift
/// for slot in ties.contextSlots(of: 2) { out.appendJSONString(ties.contextName(at: slot)) }
/// ties.joinedContexts(of: 2)  // "work;friendship" as bytes
/// ```
///
/// - Complexity: O(1) per context.
extension Ties {
  /// Where record `index`'s context codes sit in `contextOfRecord` (empty for general trust).
  func contextSlots(of index: Int) -> Range<Int> {
    contextOffsets.isEmpty ? 0..<0 : contextOffsets[index]..<contextOffsets[index + 1]
  }

  /// The name of the context at `slot` of `contextOfRecord`.
  func contextName(at slot: Int) -> ArraySlice<UInt8> {
    contextNames.utf8(Int(contextOfRecord[slot]))
  }

  /// Record `index`'s context names joined with `;` (a name holding `;` is
  /// not escaped: it splits when read back).
  func joinedContexts(of index: Int) -> [UInt8] {
    var joined: [UInt8] = []
    let slots = contextSlots(of: index)
    for slot in slots {
      if slot != slots.lowerBound { joined.append(UInt8(ascii: ";")) }
      joined.append(contentsOf: contextName(at: slot))
    }
    return joined
  }
}
