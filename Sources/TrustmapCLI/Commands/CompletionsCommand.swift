import TrustCore

/// `trustmap completions bash|zsh|fish`: the shell's completion script,
/// generated from the command registry like the help.
enum CompletionsCommand: Command {
  static let name = "completions"
  static let abstract = "Print the completion script for bash, zsh or fish."
  static let discussion = """
    Commands, their options and the values options take (formats, rules, file names) \
    complete as the parser accepts them, from the same declarations. bash: \
    source <(trustmap completions bash). zsh: trustmap completions zsh > _trustmap in a \
    directory on $fpath. fish: trustmap completions fish > \
    ~/.config/fish/completions/trustmap.fish.
    """
  static let networkArguments = NetworkArguments.none
  /// The shells, in the order messages list them.
  static let shells = ["bash", "zsh", "fish"]
  static let trailingArguments = [
    PositionalArgument(
      name: "shell", help: "bash, zsh or fish.", missing: "missing shell (bash, zsh or fish)",
      choices: shells)
  ]
  static let options: [any OptionDeclaration] = []

  static func run(_ arguments: ParsedArguments, output write: (String) -> Void)
    throws(CommandFailure) -> String
  {
    let shell = arguments.trailing.first ?? ""
    let model = CompletionModel()
    switch shell {
    case "bash": write(BashCompletionScript.script(model))
    case "zsh": write(ZshCompletionScript.script(model))
    case "fish": write(FishCompletionScript.script(model))
    default:
      throw .usage(
        UsageError(
          "unknown shell '\(shell)'; expected bash, zsh or fish", command: self,
          suggestion: UsageError.didYouMean(closestCandidate(to: shell, among: shells))))
    }
    return ""
  }
}
