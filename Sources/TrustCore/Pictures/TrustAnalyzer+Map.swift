extension TrustAnalyzer {
  /// A trust map of the strong-tie graph: a seeded, deterministic layout
  /// (multilevel spring-electrical, tribes kept together), people coloured
  /// by tribe or `options.colorBy`, sized by strong ties, with a community's
  /// or a person's circle emphasised; above `options.maxPeople` people, the
  /// tribes as discs.
  ///
  /// ```swift
  /// let map = try analyzer.map(MapOptions(community: "lisbon"))
  /// try map.svg().write(toFile: "lisbon.svg", atomically: true, encoding: .utf8)
  /// ```
  ///
  /// - Throws: ``TrustQueryError`` for an unknown person, community or
  ///   attribute, both a person and a community, or a setting out of range.
  /// - Complexity: the tribes (once), then O(*n* log *n* + *m*) per layout
  ///   iteration.
  public func map(_ options: MapOptions = MapOptions()) throws(TrustQueryError) -> TrustMap {
    try MapQuery(options).run(in: session)
  }
}

extension TrustMap {
  /// The map as SVG 1.1 text: a standalone file with its XML declaration and
  /// namespace, or (`standalone: false`) an `<svg>` element for an HTML5 page.
  ///
  /// - Complexity: O(discs + lines).
  public func svg(standalone: Bool = true) -> String {
    MapSVGWriter.svg(self, standalone: standalone)
  }
}
