// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "trustmap",
  products: [
    .library(name: "TrustCore", targets: ["TrustCore"]),
    .executable(name: "trustmap", targets: ["trustmap"]),
  ],
  targets: [
    .target(name: "TrustCore"),
    .target(name: "TrustmapCLI", dependencies: ["TrustCore"]),
    .executableTarget(name: "trustmap", dependencies: ["TrustmapCLI"]),
    .testTarget(name: "TrustCoreTests", dependencies: ["TrustCore"], exclude: ["Fixtures"]),
    .testTarget(
      name: "TrustmapCLITests",
      dependencies: ["TrustmapCLI", "TrustCore"],
      exclude: ["Golden"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
