import TrustCore

extension UsageError {
  /// A TrustCore question's error as the command line says it: naming the
  /// option the value came from, with a "did you mean" spelt as an option.
  ///
  /// ```text
  /// Error: unknown person 'anna'; the closest id is 'ana'
  /// Did you mean '--person ana'?
  /// ```
  init(
    _ error: TrustQueryError, command: any Command.Type,
    attributeOption: String = "--community-by", personOption: String = "--person",
    settingOptions: [String: String] = [:]
  ) {
    let closest = error.closestMatch
    switch error.code {
    case .unknownPerson:
      self.init(
        error.message, command: command,
        suggestion: closest.map { "Did you mean '\(personOption) \($0)'?" })
    case .unknownCommunity:
      if let source = error.suggestedSource {
        let option: String
        switch source {
        case .file: option = ""
        case .attribute(let key): option = "--community-by \(key) "
        case .tribes(let level):
          option = "--community-by \(level == 0 ? "tribe" : "tribe:\(level)") "
        }
        self.init(
          "unknown community '\(error.name)' (\(error.context ?? ""))", command: command,
          suggestion: "Did you mean '\(option)--community \(error.name)'?")
      } else {
        self.init(
          error.message, command: command,
          suggestion: closest.map { "Did you mean '--community \($0)'?" })
      }
    case .unknownAttribute:
      let option = attributeOption
      self.init(
        "unknown attribute '\(error.name)' for '\(option)' (\(error.context ?? ""))",
        command: command,
        suggestion: closest.map {
          option == "--community-by" ? "Did you mean '\($0)'?" : "Did you mean '\(option) \($0)'?"
        })
    case .unknownContext:
      self.init(
        error.message, command: command,
        suggestion: closest.map { "Did you mean '--context \($0)'?" })
    default:
      if let setting = error.setting, let option = settingOptions[setting],
        let expected = error.expected
      {
        self.init(
          "invalid value '\(error.name)' for '\(option)': expected \(expected)", command: command)
      } else if error.setting == QuerySettings.tribeLevel.name,
        error.message.hasPrefix("no tribe level")
      {
        self.init(
          "no tribe level '\(error.name)' for '\(attributeOption)': \(error.context ?? "")",
          command: command)
      } else {
        self.init(error.message, command: command)
      }
    }
  }
}
