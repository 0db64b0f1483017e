/// How a figure is written for people.
enum NumberStyle {
  /// Rounded to at most this many decimals, trailing zeros dropped: 3.38, 0.4, 12.
  case decimals(Int)
  /// This many significant digits, so small figures keep their meaning:
  /// 0.333, 0.00123, 12.3 (a community of 5,000 members reads 0.00042, not 0.000).
  case significant(Int)
  /// Exactly this many decimals, for columns that line up: 0.70, 0.75.
  case fixed(Int)

  /// The figure as text: `n/a` when undefined.
  func format(_ value: Double?) -> String {
    switch self {
    case .decimals(let decimals): return formatNumber(value, decimals: decimals)
    case .significant(let digits): return formatSignificant(value, digits: digits)
    case .fixed(let decimals): return formatFixed(value, decimals: decimals)
    }
  }
}

/// A number for people: rounded to at most `decimals` decimals, trailing
/// zeros dropped, never in exponent form; `n/a` when undefined.
///
/// ```swift
/// formatNumber(3.375, decimals: 2)  // "3.38"
/// formatNumber(0.5)                 // "0.5"
/// formatNumber(nil)                 // "n/a"
/// ```
func formatNumber(_ value: Double?, decimals: Int = 4) -> String {
  guard let value, value.isFinite else { return "n/a" }
  let places = max(0, min(decimals, 17))
  var scale = 1.0
  for _ in 0..<places { scale *= 10 }
  let scaled = (abs(value) * scale).rounded()
  guard scaled < 9e15 else {
    // Too large for every digit to be exact: whole numbers, as Swift prints them.
    return String(format: value.rounded())
  }
  var digits = String(Int64(scaled))
  if places > 0 {
    if digits.count <= places {
      digits = String(repeating: "0", count: places - digits.count + 1) + digits
    }
    digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
    while digits.hasSuffix("0") { digits.removeLast() }
    if digits.hasSuffix(".") { digits.removeLast() }
  }
  return (value < 0 && scaled != 0 ? "-" : "") + digits
}

/// A number with exactly `decimals` decimals: `formatFixed(0.7, decimals: 2)` is
/// `"0.70"`; `n/a` when undefined.
func formatFixed(_ value: Double?, decimals: Int) -> String {
  guard let value, value.isFinite else { return "n/a" }
  var text = formatNumber(value, decimals: decimals)
  guard decimals > 0 else { return text }
  let written = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 }
  if written == nil { text += "." }
  return text + String(repeating: "0", count: decimals - (written ?? 0))
}

/// A number for people with `digits` significant digits (trailing zeros
/// dropped); whole numbers stay whole; `n/a` when undefined.
///
/// ```swift
/// formatSignificant(1.0 / 3, digits: 3)   // "0.333"
/// formatSignificant(0.000421, digits: 3)  // "0.000421"
/// ```
func formatSignificant(_ value: Double?, digits: Int) -> String {
  guard let value, value.isFinite else { return "n/a" }
  guard value != 0 else { return "0" }
  var magnitude = 0
  var probe = abs(value)
  while probe >= 10 {
    probe /= 10
    magnitude += 1
  }
  while probe < 1 {
    probe *= 10
    magnitude -= 1
  }
  return formatNumber(value, decimals: max(0, digits - 1 - magnitude))
}

extension String {
  /// A whole double as text, without a fraction or exponent where Swift allows.
  fileprivate init(format value: Double) {
    if abs(value) < 9.2e18 {
      self = String(Int64(value))
    } else {
      self = String(value)
    }
  }

  /// The string padded with spaces to `width` characters (never truncated,
  /// and always at least one space after).
  func padding(to width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }

  /// The string with spaces before it up to `width` characters.
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
