/// Writes a plain edge list, as networkx's `read_weighted_edgelist` and most
/// tools read one: a `#` comment line naming the columns, then one line per
/// direction of trust, `from to strength`, in file order; a mutual record
/// gives two lines (`a b` and `b a`), so that the strong-tie graph read back
/// is the same under either reciprocity rule. An id that is not a plain token
/// (white space, quotes, `#`, a backslash) is quoted, `"` and `\` escaped.
///
/// It keeps only ids and strengths: everyone without a tie, names,
/// attributes, `reportsTo`, communities, contexts, `mutual` (as a flag),
/// `strongTieThreshold`, the network's name and the results are lost.
///
/// ```
/// # from to strength
/// ana bo 0.9
/// bo ana 0.9
/// ```
///
/// - Complexity: O(*m*).
enum EdgeListWriter: FormatWriter {
  static func write(_ part: NetworkFilePart, _ context: WriteContext, to out: inout ChunkedOutput)
    throws
  {
    let ties = context.network.ties
    out.append("# from to strength\n")
    var ends = TieEndBlock(context.network)
    for tie in 0..<ties.count {
      let (from, to) = ends.ids(of: tie)
      line(from, to, ties.strength[tie], to: &out)
      if ties.mutual[tie] { line(to, from, ties.strength[tie], to: &out) }
      try out.endRecord()
    }
  }

  private static func line(
    _ from: ArraySlice<UInt8>, _ to: ArraySlice<UInt8>, _ strength: Double,
    to out: inout ChunkedOutput
  ) {
    out.appendToken(from)
    out.append(" ")
    out.appendToken(to)
    out.append(" ")
    out.append(number: strength)
    out.append("\n")
  }
}
