/// Every command, in the order `trustmap --help` lists them.
let commands: [CommandSpec] = [
  CommandSpec(
    name: "analyse",
    abstract: "The overall report: people, ties, communities, components.",
    discussion: """
      Summarises the network on its strong-tie graph: people, tie records, strong and weak
      ties, reciprocated pairs, contexts, communities and connected components. In CSV, one
      row per person.
      """,
    usage: "trustmap analyse <network> [--format <format>] [--strong <threshold>] "
      + "[--reciprocity <rule>] [--context <name> ...]",
    options: OptionSpec.graphOptions + [.communityBy, .introducers, .nearDepth, .sections, .quiet],
    formats: [.text, .json, .csv]),
  CommandSpec(
    name: "reach",
    abstract: "Whom a person trusts, who is pre-credentialed to them, and how they would join.",
    discussion: """
      First degree: the person's strong ties. Second degree: people at distance exactly 2,
      friends of trusted friends, pre-credentialed by the friends they share (the
      introducers). Then, for each community, whether the person is a member or would join
      direct (trusts a member), introduced (trusts enough people who trust a member) or cold.
      """,
    usage:
      "trustmap reach <network> --person <id> [--introducers <k>] [--community-by <attribute>] "
      + "[--format <format>] [graph options]",
    options: [.person, .introducers, .communityBy] + OptionSpec.graphOptions + [.quiet],
    formats: [.text, .json, .csv]),
  CommandSpec(
    name: "joins",
    abstract: "Who would join each community warm (direct or introduced) or cold.",
    discussion: """
      For every person and every community they are not in: the warmth of the join, the
      members they already trust, and the introducers (trusted people outside the community
      with a strong tie into it). For a cold join, the path to warmth: a shortest strong-tie
      path to the nearest member. Then a summary per community, which always counts every
      non-member, even when --person narrows the pairs.
      """,
    usage: "trustmap joins <network> [--person <id>] [--community <id>] [--introducers <k>] "
      + "[--community-by <attribute>] [--format <format>] [graph options]",
    options: [.person, .community, .introducers, .communityBy] + OptionSpec.graphOptions + [.quiet],
    formats: [.text, .json, .csv]),
  CommandSpec(
    name: "groups",
    abstract: "A community's in, near and out groups, story reach and coherence.",
    discussion: """
      In: the members. Near: non-members within strong-tie distance d of a member, the
      people the community projects trust to. Out: everyone else; out-linked are those in
      out with only a weak tie or a reports-to link to a member. Vulnerable stories reach
      in, reflective stories in and near, perfected stories everyone. Coherence: internal
      density, isolated members, and the E-I index of the community's strong ties.
      """,
    usage: "trustmap groups <network> --community <id> [--near-depth <d>] "
      + "[--community-by <attribute>] [--format <format>] [graph options]",
    options: [.community, .nearDepth, .communityBy] + OptionSpec.graphOptions + [.quiet],
    formats: [.text, .json, .csv]),
  CommandSpec(
    name: "diversity",
    abstract: "Diversity versus volume: do more connections mean broader ones?",
    discussion: """
      Per person, for an attribute: volume (strong ties), Blau index, IQV (Blau over its
      maximum), Shannon entropy in bits, distinct values, ego E-I index and contacts missing
      the attribute. For the network: Newman's assortativity, the E-I index overall and per
      value, Spearman's correlation of volume and Blau, the narrow people (many contacts, all
      alike) and the diversity yield: mean Blau by volume band. A figure whose denominator
      is 0 is n/a (null in JSON), never a made-up number.
      """,
    usage: "trustmap diversity <network> [--by <attribute> ...] [--permutations <n>] [--seed <s>] "
      + "[--format <format>] [graph options]",
    options: [.by, .permutations, .seed] + OptionSpec.graphOptions + [.quiet],
    formats: [.text, .json, .csv]),
  CommandSpec(
    name: "tribes",
    abstract: "Tribes, and tribes of tribes: Leiden community detection with a hierarchy.",
    discussion: """
      Finds tribes with the Leiden algorithm (Traag, Waltman & van Eck, 2019), maximising
      modularity on the strong-tie graph weighted by strength, seeded so that the same
      input gives the same tribes on every machine. Level k+1 groups the tribes of level k
      at half the resolution, until one group remains or nothing merges. Each tribe has its
      size, density, the dominant value of each attribute, its bridges (members with strong
      ties to other tribes) and the tribes it is tied to. Tribes are numbered by size,
      largest first. In CSV, one row per person with the tribe at each level.
      """,
    usage: "trustmap tribes <network> [--resolution <gamma>] [--seed <s>] [--level <k>] "
      + "[--quality <function>] [--unweighted] [--restarts <r>] [--format <format>] [graph options]",
    options: [.resolution, .seed, .level, .quality, .unweighted, .restarts]
      + OptionSpec.graphOptions + [.quiet],
    formats: [.text, .json, .csv]),
  CommandSpec(
    name: "generate",
    abstract: "Write a synthetic organisation in the network format, for trials and benchmarks.",
    discussion: """
      Teams of about 100 in sites of 10 teams, with team, site and level attributes, a
      reports-to tree, homophilous strong and weak ties with strengths and contexts, and a
      few guilds that span teams. The same seed gives the same file. The network is
      streamed, so any size fits: S is 10,000 people and 100,000 ties, M 100,000 and
      1,000,000, L 1,000,000 and 10,000,000.
      """,
    usage: "trustmap generate [--people <n>] [--ties <m>] [--seed <s>] [--output <file>]",
    options: [.people, .ties, .seed, .output],
    formats: [.json],
    takesNetwork: false),
  CommandSpec(
    name: "validate",
    abstract: "Check a network file and list every problem in it.",
    discussion: """
      Lists every problem, one per line, as FILE:LINE:COLUMN: error|warning: PATH: message,
      then a one-line summary. Exits 1 if there is any error, 0 otherwise (warnings allowed).
      """,
    usage: "trustmap validate <network> [--format <format>]",
    options: [.format],
    formats: [.text, .json]),
]

/// Other spellings accepted for commands.
let aliases: [String: String] = ["analyze": "analyse"]

func rootHelp() -> String {
  var text = """
    OVERVIEW: trustmap turns a trust network into answers: who trusts whom through strong
    ties, who is pre-credentialed, who would join a community warm or cold.

    USAGE: trustmap <command> <network.json | -> [options]

    COMMANDS:

    """
  let width = (commands.map(\.name.count).max() ?? 0) + 2
  for command in commands {
    text += "  " + command.name.padding(to: width) + command.abstract + "\n"
  }
  text += """

    OPTIONS:
      -h, --help              Show help information.
      --version               Show the version.

    EXIT CODES: 0 success; 1 the input is invalid or cannot be read; 64 bad usage.

    See 'trustmap help <command>' for detailed help.

    """
  return text
}

func commandHelp(_ command: CommandSpec) -> String {
  var text = "OVERVIEW: \(command.abstract)\n\n"
  text += command.discussion + "\n\n"
  text += "USAGE: \(command.usage)\n\n"
  text += "ARGUMENTS:\n"
  text += "  <network>               The network file (JSON, format version 1), or - for\n"
  text += "                          standard input.\n\n"
  text += "OPTIONS:\n"
  var rows: [(String, String)] = command.options.map { option in
    let left = option.name + (option.valueName.map { " <\($0)>" } ?? "")
    return (left, option.help)
  }
  rows.append(("-h, --help", "Show help information."))
  let width = max(24, (rows.map(\.0.count).max() ?? 0) + 2)
  for (left, help) in rows {
    text += "  " + left.padding(to: width) + help + "\n"
  }
  return text
}

extension String {
  /// The string padded with spaces to `width` characters (never truncated).
  func padding(to width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
