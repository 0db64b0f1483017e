/// The rule that an attribute appears once per tag, by name as written and,
/// under namespaces, by local name and namespace (`a:x` and `b:x` with both
/// prefixes bound to one URI repeat each other). Up to eight attributes are
/// compared pairwise; more are sorted first, so a tag of *k* attributes costs
/// O(*k* log *k*), never O(*k*²).
///
/// ```swift
/// // <node id="a" id="b"/>: "the attribute 'id' appears more than once in the tag"
/// ```
///
/// - Complexity: O(*k* log *k*) comparisons of names for *k* attributes.
extension XMLLexer {
  /// Throws at the first attribute, in tag order, whose name an earlier one has.
  func checkRepeatedAttributes() throws(LexFailure) {
    let count = attributes.count
    var repeated = Int.max
    if count <= 8 {
      search: for later in 1..<count {
        for earlier in 0..<later where sameBytes(attributes[earlier].name, attributes[later].name) {
          repeated = later
          break search
        }
      }
    } else {
      let order = (0..<count).sorted { left, right in
        let order = compareBytes(attributes[left].name, attributes[right].name)
        return order != 0 ? order < 0 : left < right
      }
      for position in 1..<count
      where sameBytes(attributes[order[position - 1]].name, attributes[order[position]].name) {
        repeated = min(repeated, order[position])
      }
    }
    guard repeated < count else { return }
    let name = attributes[repeated].name
    throw LexFailure(
      code: .syntax,
      message: "the attribute '\(string(name.start..<name.end))' appears more than once in the tag",
      offset: name.start)
  }

  /// Throws when two prefixed attributes have one local name and one namespace URI.
  func checkRepeatedNamespacedAttributes() throws(LexFailure) {
    let prefixed = (0..<attributes.count).filter {
      attributes[$0].name.hasPrefix && !attributes[$0].isNamespaceDeclaration
    }
    var repeated = Int.max
    func same(_ left: Int, _ right: Int) -> Bool {
      let one = attributes[left]
      let two = attributes[right]
      return compareRange(one.name.local, two.name.local) == 0
        && (one.namespace == two.namespace
          || compareURI(one.namespace, two.namespace) == 0)
    }
    if prefixed.count <= 8 {
      search: for later in 1..<prefixed.count {
        for earlier in 0..<later where same(prefixed[earlier], prefixed[later]) {
          repeated = prefixed[later]
          break search
        }
      }
    } else {
      let order = prefixed.sorted { left, right in
        var order = compareRange(attributes[left].name.local, attributes[right].name.local)
        if order == 0 {
          order = compareURI(attributes[left].namespace, attributes[right].namespace)
        }
        return order != 0 ? order < 0 : left < right
      }
      for position in 1..<order.count where same(order[position - 1], order[position]) {
        repeated = min(repeated, order[position])
      }
    }
    guard repeated < Int.max else { return }
    let name = attributes[repeated].name
    throw LexFailure(
      code: .syntax,
      message: "the attribute '\(string(name.start..<name.end))' repeats another of the tag: "
        + "same local name, same namespace", offset: name.start)
  }

  private func sameBytes(_ left: XMLName, _ right: XMLName) -> Bool {
    compareBytes(left, right) == 0
  }

  private func compareBytes(_ left: XMLName, _ right: XMLName) -> Int {
    compareRange(left.start..<left.end, right.start..<right.end)
  }

  private func compareRange(_ left: Range<Int>, _ right: Range<Int>) -> Int {
    compareBuffers(
      UnsafeBufferPointer(rebasing: bytes[left]), UnsafeBufferPointer(rebasing: bytes[right]))
  }

  private func compareURI(_ left: Int32, _ right: Int32) -> Int {
    compareBuffers(namespaceBytes(left), namespaceBytes(right))
  }
}

/// Lexicographic order of two byte buffers: negative, zero or positive.
private func compareBuffers(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>)
  -> Int
{
  let shared = min(left.count, right.count)
  for index in 0..<shared where left[index] != right[index] {
    return Int(left[index]) - Int(right[index])
  }
  return left.count - right.count
}
