/// The version of TrustCore and of the `trustmap` command, following semantic versioning.
///
/// ```swift
/// print(TrustmapVersion.current)  // 0.1.0
/// ```
public enum TrustmapVersion {
  /// The current version.
  public static let current = "0.1.0"
}
