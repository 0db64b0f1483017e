import TrustCore

/// `trustmap manual`: the manual page, in roff, generated from the command
/// registry like the help; `docs/trustmap.1` is its output, kept current by a test.
enum ManualCommand: Command {
  static let name = "manual"
  static let abstract = "Print the manual page (roff), for man -l - or a man directory."
  static let discussion = """
    Every command with its usage, arguments and options, the exit codes and the \
    environment variables, from the same declarations as the help. Read it with \
    trustmap manual | man -l -, or install it with \
    trustmap manual --output /usr/local/share/man/man1/trustmap.1.
    """
  static let networkArguments = NetworkArguments.none
  static let options: [any OptionDeclaration] = []

  static func run(_ arguments: ParsedArguments, output write: (String) -> Void)
    throws(CommandFailure) -> String
  {
    write(ManualPage.roff())
    return ""
  }
}
