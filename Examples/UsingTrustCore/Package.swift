// swift-tools-version:6.0
// A small package that uses TrustCore the way a developer would. It depends on
// trustmap by path; SwiftPM names a path dependency by its folder, which is
// `trustmap` in a clone of the repository.
import PackageDescription

let package = Package(
  name: "UsingTrustCore",
  dependencies: [
    .package(path: "../..")
  ],
  targets: [
    .executableTarget(
      name: "UsingTrustCore",
      dependencies: [.product(name: "TrustCore", package: "trustmap")]
    )
  ],
  swiftLanguageModes: [.v6]
)
