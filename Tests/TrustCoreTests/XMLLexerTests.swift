import Testing

@testable import TrustCore

/// The XML pull lexer: every error with its exact place and message, and
/// what well-formed documents read as.
@Suite("XML lexer")
struct XMLLexerTests {
  static let undeclared =
    "trustmap knows only &amp; &lt; &gt; &quot; &apos; and character references (it reads no DTD)"

  @Test(arguments: [
    ("", 0, "empty-input", "the input is empty; expected an XML document"),
    ("  \n", 0, "empty-input", "the input is empty; expected an XML document"),
    ("<!-- c -->", 10, "syntax", "no root element; an XML document needs exactly one"),
    ("<?xml version='1.0'?>", 21, "syntax", "no root element; an XML document needs exactly one"),
    ("<a>", 3, "syntax", "unexpected end of input; the element 'a' is not closed"),
    ("<a>x", 4, "syntax", "unexpected end of input; the element 'a' is not closed"),
    ("<a></b>", 3, "syntax", "the end tag '</b>' does not match the start tag '<a>'"),
    ("</a>", 0, "syntax", "the end tag '</a>' has no start tag"),
    ("<a/><b/>", 4, "syntax", "a second root element 'b'; an XML document has exactly one root"),
    ("<a/>x", 4, "syntax", "content after the root element; an XML document has exactly one root"),
    ("x<a/>", 0, "syntax", "text before the root element"),
    ("<a b='1' b='2'/>", 9, "syntax", "the attribute 'b' appears more than once in the tag"),
    ("<a b='1'c='2'/>", 8, "syntax", "unexpected 'c'; expected white space, '>' or '/>' in the tag"),
    ("<a b=1/>", 5, "syntax", "unexpected '1'; expected a quoted value for the attribute 'b'"),
    ("<a b='<'/>", 6, "syntax", "'<' is not allowed in an attribute value; write it as '&lt;'"),
    ("<a b='&foo;'/>", 6, "syntax", "undeclared entity '&foo;': " + undeclared),
    ("<a>&foo;</a>", 3, "syntax", "undeclared entity '&foo;': " + undeclared),
    ("<a>&nbsp;</a>", 3, "syntax", "undeclared entity '&nbsp;': " + undeclared),
    ("<a>&#0;</a>", 3, "syntax", "the character reference '&#0;' names U+0000, which XML does not allow"),
    ("<a>&#xD800;</a>", 3, "syntax", "the character reference '&#xD800;' names U+D800, which XML does not allow"),
    ("<a>&#xFFFF;</a>", 3, "syntax", "the character reference '&#xFFFF;' names U+FFFF, which XML does not allow"),
    (
      "<a>&#x110000;</a>", 3, "syntax",
      "the character reference '&#x110000;' names no Unicode character, which XML does not allow"
    ),
    (
      "<a>&#99999999999;</a>", 3, "syntax",
      "the character reference '&#99999999999;' names no Unicode character, which XML does not allow"
    ),
    ("<a>&#12</a>", 3, "syntax", "the character reference '&#12' must end with ';'"),
    ("<a>&#;</a>", 3, "syntax", "'&#' must be followed by digits and ';' (or 'x' and hex digits)"),
    ("<a>&#x;</a>", 3, "syntax", "'&#x' must be followed by hex digits and ';'"),
    ("<a>&#X41;</a>", 3, "syntax", "'&#' must be followed by digits and ';' (or 'x' and hex digits)"),
    ("<a>&</a>", 3, "syntax", "'&' must start a reference such as '&amp;'; write a literal '&' as '&amp;'"),
    ("<a>&amp</a>", 3, "syntax", "the reference '&amp' must end with ';'"),
    ("<a>]]></a>", 3, "syntax", "']]>' is not allowed in text; write '>' as '&gt;'"),
    ("<a>\u{1}</a>", 3, "invalid-utf8", "the character U+0001 is not allowed in XML (binary data?)"),
    ("<a b='\u{1B}'/>", 6, "invalid-utf8", "the character U+001B is not allowed in XML (binary data?)"),
    ("<a>\u{FFFE}</a>", 3, "syntax", "the character U+FFFE is not allowed in XML"),
    ("<a><!-- a -- b --></a>", 10, "syntax", "'--' is not allowed inside a comment"),
    ("<a><!-- a ---></a>", 10, "syntax", "'--' is not allowed inside a comment"),
    ("<a><!-- x", 3, "syntax", "unterminated comment: '<!--' without '-->'"),
    ("<a><![CDATA[x</a>", 3, "syntax", "unterminated CDATA section: '<![CDATA[' without ']]>'"),
    ("<![CDATA[x]]><a/>", 0, "syntax", "a CDATA section outside the root element"),
    ("<a><!foo></a>", 5, "syntax", "unexpected 'f'; expected '<!--', '<![CDATA[' or '<!DOCTYPE' after '<!'"),
    ("<a><?pi x</a>", 3, "syntax", "unterminated processing instruction: '<?' without '?>'"),
    ("<a><?pi:x?></a>", 5, "syntax", "a processing instruction's target must not contain ':'"),
    ("<a><?pi?x?></a>", 7, "syntax", "unexpected '?'; expected white space or '?>' after the target"),
    ("<a><?xml x?></a>", 3, "syntax", "the XML declaration '<?xml …?>' must come first in the document"),
    ("<?XML version='1.0'?><a/>", 0, "syntax", "the processing-instruction target 'XML' is reserved"),
    (" <?xml version='1.0'?><a/>", 1, "syntax", "the XML declaration '<?xml …?>' must come first in the document"),
    ("<?xml encoding='UTF-8'?><a/>", 6, "syntax", "unexpected 'e'; expected version=\"1.0\" in the XML declaration"),
    ("<?xml?><a/>", 5, "syntax", "the XML declaration must give its version: version=\"1.0\""),
    ("<?xml version='2.0'?><a/>", 15, "syntax", "unsupported XML version '2.0'; trustmap reads XML 1.0"),
    (
      "<?xml version='1.0' encoding='ISO-8859-1'?><a/>", 30, "syntax",
      "the document declares the encoding 'ISO-8859-1'; trustmap reads UTF-8 XML only (convert it to UTF-8)"
    ),
    ("<?xml version='1.0' standalone='maybe'?><a/>", 32, "syntax", "standalone must be \"yes\" or \"no\", not 'maybe'"),
    (
      "<?xml version='1.0' standalone='yes' encoding='UTF-8'?><a/>", 37, "syntax",
      "unexpected 'e'; expected encoding, standalone or '?>' in the XML declaration"
    ),
    (
      "<?xml version='1.0'encoding='UTF-8'?><a/>", 19, "syntax",
      "unexpected 'e'; expected white space or '?>' in the XML declaration"
    ),
    (
      "<!DOCTYPE a [<!ENTITY x 'y'>]><a/>", 12, "syntax",
      "a DOCTYPE with an internal subset is not supported: trustmap does not process DTDs or entity declarations"
    ),
    ("<!DOCTYPE a SYSTEM 'a.dtd'><a>&x;</a>", 30, "syntax", "undeclared entity '&x;': " + undeclared),
    ("<!DOCTYPE a SYSTEM><a/>", 18, "syntax", "unexpected '>'; expected a quoted literal in the DOCTYPE"),
    ("<!DOCTYPE a PUBLIC 'p'><a/>", 22, "syntax", "unexpected '>'; expected a quoted literal in the DOCTYPE"),
    ("<!DOCTYPE a SYSTEM 'x><a/>", 19, "syntax", "unterminated literal in the DOCTYPE"),
    ("<!DOCTYPE a", 0, "syntax", "unterminated DOCTYPE: '<!DOCTYPE' without '>'"),
    ("<!ENTITY x 'y'><a/>", 0, "syntax", "an entity declaration is not allowed: trustmap does not process DTDs"),
    ("<a/><!DOCTYPE a>", 4, "syntax", "a DOCTYPE must come before the root element"),
    ("<!DOCTYPE a><!DOCTYPE a><a/>", 12, "syntax", "a second DOCTYPE"),
    ("<p:a/>", 1, "syntax", "the prefix 'p' of 'p:a' is not declared"),
    ("<a p:x='1'/>", 3, "syntax", "the prefix 'p' of 'p:x' is not declared"),
    ("<a xmlns:p='u'/><!-- --><p:b/>", 24, "syntax", "a second root element 'p:b'; an XML document has exactly one root"),
    ("<a><b xmlns:p='u'/><p:c/></a>", 20, "syntax", "the prefix 'p' of 'p:c' is not declared"),
    ("<a xmlns:p=''/>", 12, "syntax", "the prefix 'p' is declared with an empty namespace name"),
    ("<a xmlns:xmlns='u'/>", 3, "syntax", "the prefix 'xmlns' must not be declared"),
    ("<a xmlns:xml='u'/>", 14, "syntax", "the prefix 'xml' must not be bound to another namespace"),
    (
      "<a xmlns:p='http://www.w3.org/XML/1998/namespace'/>", 12, "syntax",
      "the namespace 'http://www.w3.org/XML/1998/namespace' is reserved and cannot be declared"
    ),
    (
      "<a xmlns='http://www.w3.org/2000/xmlns/'/>", 10, "syntax",
      "the namespace 'http://www.w3.org/2000/xmlns/' is reserved and cannot be declared"
    ),
    ("<xmlns:a/>", 1, "syntax", "the prefix 'xmlns' is reserved for declarations ('xmlns:a')"),
    ("<a:b:c/>", 1, "syntax", "the name 'a:b:c' has more than one ':'"),
    ("<a: b/>", 1, "syntax", "the name 'a:' has an empty prefix or local part"),
    ("<:a/>", 1, "syntax", "the name ':a' has an empty prefix or local part"),
    ("<a:1/>", 3, "syntax", "the local part of the name 'a:1' must start with a letter"),
    (
      "<a xmlns:p='u' xmlns:q='u' p:x='1' q:x='2'/>", 35, "syntax",
      "the attribute 'q:x' repeats another of the tag: same local name, same namespace"
    ),
    ("<1a/>", 1, "syntax", "unexpected '1'; expected a name after '<'"),
    ("< a/>", 1, "syntax", "unexpected space; expected a name after '<'"),
    ("<a>\u{E9}<\u{301}/></a>", 6, "syntax", "unexpected character '\u{301}'; expected a name after '<'"),
    ("<", 0, "syntax", "unexpected end of input after '<'"),
    ("<a", 0, "syntax", "unexpected end of input in the tag '<a'"),
    ("<a b", 4, "syntax", "unexpected end of input; expected '=' after the attribute name 'b'"),
    ("<a b=", 5, "syntax", "unexpected end of input; expected a quoted value for the attribute 'b'"),
    ("<a b='x", 5, "syntax", "unterminated attribute value"),
    ("<a/ >", 3, "syntax", "unexpected space; expected '>' after '/' to end the empty-element tag"),
    ("<a></a b>", 7, "syntax", "unexpected 'b'; expected '>' to end the end tag '</a'"),
    ("<a></", 5, "syntax", "unexpected end of input; expected a name after '</'"),
  ])
  func errorsHaveTheirPlaceAndMessage(document: String, offset: Int, code: String, message: String) {
    let failure = xmlFailure(document)
    #expect(failure?.message == message)
    #expect(failure?.offset == offset)
    #expect(failure?.code.description == code)
  }

  @Test func invalidUTF8IsAnErrorWhereverItStands() {
    let cases: [([UInt8], Int)] = [
      (Array("<a>x".utf8) + [0xFF] + Array("</a>".utf8), 4),
      (Array("<a b='".utf8) + [0xC3, 0x28] + Array("'/>".utf8), 6),
      (Array("<a".utf8) + [0xC0, 0xAF] + Array("/>".utf8), 2),
      (Array("<a><!-- ".utf8) + [0xED, 0xA0, 0x80] + Array(" --></a>".utf8), 8),
      (Array("<a><![CDATA[".utf8) + [0xF4, 0x90, 0x80, 0x80] + Array("]]></a>".utf8), 12),
      (Array("<a>".utf8) + [0xE2, 0x82], 3),
    ]
    for (bytes, offset) in cases {
      let failure = xmlTrace(bytes: bytes).failure
      #expect(failure?.code == .invalidUTF8, "\(bytes)")
      #expect(failure?.offset == offset, "\(bytes)")
      #expect(failure?.message.hasPrefix("invalid UTF-8 byte 0x") == true)
    }
  }

  @Test func aByteOrderMarkIsSkippedAndUTF16Refused() {
    #expect(xmlTrace(bytes: [0xEF, 0xBB, 0xBF] + Array("<a/>".utf8)).events == ["<a/>", "</a>"])
    let declared = [0xEF, 0xBB, 0xBF] + Array("<?xml version='1.0'?><a/>".utf8)
    #expect(xmlTrace(bytes: declared).failure == nil)
    let failure = xmlTrace(bytes: [0xFF, 0xFE, 0x3C, 0x00]).failure
    #expect(failure?.message == "the document is UTF-16; trustmap reads UTF-8 XML only (convert it to UTF-8)")
    #expect(failure?.code == .invalidUTF8)
  }

  @Test func aBillionLaughsFailsAtOnceAtItsSubset() {
    var document = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
    document += " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    for level in 2...9 {
      let previous = "&lol\(level - 1);"
      document += " <!ENTITY lol\(level) \"\(String(repeating: previous, count: 10))\">\n"
    }
    document += "]>\n<lolz>&lol9;</lolz>\n"
    let failure = xmlFailure(document)
    #expect(failure?.offset == 37)
    #expect(failure?.message.hasPrefix("a DOCTYPE with an internal subset is not supported") == true)
    // The same entities used without their declarations are undeclared.
    let used = xmlFailure("<lolz>&lol9;</lolz>")
    #expect(used?.message == "undeclared entity '&lol9;': " + Self.undeclared)
  }

  @Test func wellFormedDocumentsReadAsTokens() {
    let graphML = """
      <?xml version="1.0" encoding="utf-8"?>
      <!DOCTYPE graphml SYSTEM "http://graphml.graphdrawing.org/dtds/graphml.dtd">
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
        <!-- a comment --><?tool data?>
        <node id="n0"><data key="d0">Ana &amp; Bo</data></node>
        <edge source="n0" target="n0"/>
      </graphml>
      """
    #expect(
      xmlTrace(graphML).events == [
        "<graphml{http://graphml.graphdrawing.org/xmlns} xmlns='http://graphml.graphdrawing.org/xmlns'>",
        "<node{http://graphml.graphdrawing.org/xmlns} id='n0'>",
        "<data{http://graphml.graphdrawing.org/xmlns} key='d0'>", "\"Ana & Bo\"", "</data>",
        "</node>", "<edge{http://graphml.graphdrawing.org/xmlns} source='n0' target='n0'/>",
        "</edge>", "</graphml>",
      ])
    #expect(
      xmlTrace("<a x=\"&lt;&gt;&amp;&quot;&apos;\" y='\"' z=\"'\">&#65;&#x42;&#xe9;&#x1F600;</a>")
        .events == ["<a x='<>&\"'' y='\"' z='''>", "\"ABé😀\"", "</a>"])
    #expect(
      xmlTrace("<!DOCTYPE a PUBLIC \"-//x//y\" 'http://e/a.dtd' ><a><![CDATA[<b>&amp;]]>t</a>")
        .events == ["<a>", "\"<b>&amp;\"", "\"t\"", "</a>"])
  }

  @Test func lineEndsAndAttributeWhiteSpaceAreNormalised() {
    #expect(xmlTrace("<a>x\r\ny\rz</a>").events == ["<a>", "\"x\ny\nz\"", "</a>"])
    #expect(xmlTrace("<a><![CDATA[x\r\ny]]></a>").events == ["<a>", "\"x\ny\"", "</a>"])
    #expect(
      xmlTrace("<a b='x\r\ny\tz\nw' c='&#10;&#9;&#13;'/>").events == [
        "<a b='x y z w' c='\n\t\r'/>", "</a>",
      ])
  }

  @Test func whiteSpaceTextIsReportedOnlyWhenAsked() {
    #expect(xmlTrace("<a> <b/>\n</a>").events == ["<a>", "<b/>", "</b>", "</a>"])
    #expect(
      xmlTrace("<a> <b/>\n</a>", whitespace: true).events == [
        "<a>", "\" \"", "<b/>", "</b>", "\"\n\"", "</a>",
      ])
  }

  @Test func tokensCarryOffsetsAndDepth() throws {
    let bytes = Array("<a><b k='v'>text</b></a>".utf8)
    var tokens: [XMLToken] = []
    try bytes.withUnsafeBufferPointer { buffer in
      var lexer = XMLLexer(bytes: buffer)
      while let token = try lexer.next() { tokens.append(token) }
    }
    #expect(tokens.map(\.start) == [0, 3, 12, 16, 20])
    #expect(tokens.map(\.end) == [3, 12, 16, 20, 24])
    #expect(tokens.map(\.depth) == [1, 2, 2, 2, 1])
    #expect(tokens[2].text == XMLTextRange(start: 12, end: 16, needsDecoding: false, kind: .content))
  }

  @Test func namespacesResolveAndGoOutOfScope() {
    let document = """
      <p:a xmlns:p="urn:p" xmlns="urn:d" p:x="1" y="2"><b xmlns=""/><p:c xmlns:p="urn:q"/><d/>\
      <xml:e xml:lang="en"/></p:a>
      """
    #expect(
      xmlTrace(document).events == [
        "<p:a{urn:p} xmlns:p='urn:p' xmlns='urn:d' p:x{urn:p}='1' y='2'>", "<b xmlns=''/>", "</b>",
        "<p:c{urn:q} xmlns:p='urn:q'/>", "</p:c>", "<d{urn:d}/>", "</d>",
        "<xml:e{http://www.w3.org/XML/1998/namespace} xml:lang{http://www.w3.org/XML/1998/namespace}='en'/>",
        "</xml:e>", "</p:a>",
      ])
    // Different prefixes for different namespaces may share a local name.
    #expect(xmlFailure("<a xmlns:p='u' xmlns:q='v' p:x='1' q:x='2' x='3'/>") == nil)
  }

  @Test(arguments: [
    ("http://graphml.graphdrawing.org/xmlns", XMLNetworkNamespace.graphML),
    ("http://www.gexf.net/1.1draft", .gexf11),
    ("http://www.gexf.net/1.2draft", .gexf12),
    ("http://gexf.net/1.3", .gexf13),
    ("http://www.gexf.net/1.3", .gexf13),
  ])
  func networkNamespacesAreRecognised(uri: String, expected: XMLNetworkNamespace) throws {
    let bytes = Array("<g xmlns='\(uri)'><n/></g>".utf8)
    var found: [XMLNetworkNamespace?] = []
    try bytes.withUnsafeBufferPointer { buffer in
      var lexer = XMLLexer(bytes: buffer)
      while let token = try lexer.next() { found.append(lexer.networkNamespace(token.namespace)) }
    }
    #expect(found == [expected, expected, expected, expected])
    #expect(xmlTrace("<g xmlns='http://gexf.net/1.2draft'/>").failure == nil)
  }

  @Test func nestingStopsAtFiveHundredAndTwelveLevels() {
    let deep = String(repeating: "<a>", count: 512) + String(repeating: "</a>", count: 512)
    #expect(xmlFailure(deep) == nil)
    let deeper = String(repeating: "<a>", count: 513)
    let failure = xmlFailure(deeper)
    #expect(failure?.code == .nestingTooDeep)
    #expect(failure?.message == "nesting deeper than 512 levels")
    #expect(failure?.offset == 512 * 3)
  }

  @Test func manyAttributesAreCheckedForRepeatsBySorting() {
    let names = (0..<200).map { "a\($0)='v'" }
    #expect(xmlFailure("<e \(names.joined(separator: " "))/>") == nil)
    let repeated = names + ["a150='w'", "a7='w'"]
    let document = "<e \(repeated.joined(separator: " "))/>"
    let failure = xmlFailure(document)
    #expect(failure?.message == "the attribute 'a150' appears more than once in the tag")
    #expect(failure?.offset == document.utf8.count - "a150='w' a7='w'/>".utf8.count)
    let prefixes = (0..<20).map { "xmlns:p\($0)='urn:same'" }
    let namespaced = (0..<20).map { "p\($0):k\($0)='v'" } + ["p3:k9='v'"]
    let clash = "<e \((prefixes + namespaced).joined(separator: " "))/>"
    #expect(
      xmlFailure(clash)?.message
        == "the attribute 'p3:k9' repeats another of the tag: same local name, same namespace")
  }

  @Test func elementsCanBeSkippedOrReadForTheirText() throws {
    let bytes = Array(
      "<g><data k='1'>a &amp; <y:s xmlns:y='u'><y:t>no</y:t></y:s>b<![CDATA[<c>]]></data><n/></g>".utf8)
    var text: [UInt8] = []
    var hadChildren = false
    var after: [String] = []
    try bytes.withUnsafeBufferPointer { buffer throws(LexFailure) in
      var lexer = XMLLexer(bytes: buffer)
      _ = try lexer.next()
      guard let data = try lexer.next() else { return }
      var output = LexBuffer<UInt8>()
      hadChildren = try lexer.appendElementText(of: data, to: &output)
      text = Array(output.elements)
      guard let node = try lexer.next() else { return }
      try lexer.skipElement(of: node)
      while let token = try lexer.next() { after.append(lexer.string(token.name.start..<token.name.end)) }
    }
    #expect(String(decoding: text, as: UTF8.self) == "a & b<c>")
    #expect(hadChildren)
    #expect(after == ["g"])
    let nested = Array("<a><b><c/><c>x</c></b><d/></a>".utf8)
    var rest: [String] = []
    try nested.withUnsafeBufferPointer { buffer throws(LexFailure) in
      var lexer = XMLLexer(bytes: buffer)
      _ = try lexer.next()
      guard let b = try lexer.next() else { return }
      try lexer.skipElement(of: b)
      while let token = try lexer.next() { rest.append("\(token.kind) " + lexer.string(token.name.start..<token.name.end)) }
    }
    #expect(rest == ["startTag d", "endTag d", "endTag a"])
    // A value of white space is a value, even where white space is not reported.
    let spaces = Array("<data>  <!-- c --> </data>".utf8)
    var value: [UInt8] = []
    try spaces.withUnsafeBufferPointer { buffer throws(LexFailure) in
      var lexer = XMLLexer(bytes: buffer)
      guard let data = try lexer.next() else { return }
      var output = LexBuffer<UInt8>()
      _ = try lexer.appendElementText(of: data, to: &output)
      value = Array(output.elements)
      let reports = lexer.reportsWhitespaceText
      #expect(!reports)
      #expect(try lexer.next() == nil)
    }
    #expect(value == Array("   ".utf8))
  }

  @Test func largeTagsAndManyPrefixesStayCorrect() {
    // 20,000 prefixes declared on the root, children using the first and the last.
    let declarations = (0..<20_000).map { "xmlns:p\($0)='urn:\($0)'" }.joined(separator: " ")
    let children = String(repeating: "<p0:c/><p19999:d p7:k='v'/>", count: 1000)
    let trace = xmlTrace("<r \(declarations)>\(children)</r>")
    #expect(trace.failure == nil)
    #expect(trace.events.count == 4002)
    #expect(trace.events[1] == "<p0:c{urn:0}/>")
    #expect(trace.events[3] == "<p19999:d{urn:19999} p7:k{urn:7}='v'/>")
    // One prefix declared again at each of 500 levels resolves to the innermost.
    let nested =
      (0..<500).map { "<e xmlns:p='urn:\($0)'>" }.joined() + "<p:x/>"
      + String(repeating: "</e>", count: 500)
    let inner = xmlTrace(nested).events
    #expect(inner.contains("<p:x{urn:499}/>"))
    // After the inner declarations close, the outer one is back in scope.
    let scoped = "<a xmlns:p='urn:out'>" + nested + "<p:y/></a>"
    #expect(xmlTrace(scoped).events.contains("<p:y{urn:out}/>"))
    // A tag of 30,000 attributes, one repeated at the end.
    let attributes = (0..<30_000).map { "k\($0)='v'" }.joined(separator: " ")
    #expect(
      xmlFailure("<a \(attributes) k29999='w'/>")?.message
        == "the attribute 'k29999' appears more than once in the tag")
  }

  @Test func textAndNamesMayBeAnyUnicode() {
    #expect(
      xmlTrace("<données été='ça'>日本語 😀</données>").events == [
        "<données été='ça'>", "\"日本語 😀\"", "</données>",
      ])
  }
}
