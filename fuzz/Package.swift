// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for DCSKit's parsers (issue 7). A package of its own so the main build and CI
// never see the fuzzer; ../scripts/fuzz builds it with `--sanitize=fuzzer --sanitize=address`, which
// instruments DCSKit too (coverage-guided), and runs each target for a bounded time.
let fuzzTargets = ["FuzzTaskPage", "FuzzStats", "FuzzConfig", "FuzzQuery", "FuzzCanonicalRequest"]

let package = Package(
    name: "dcswatch-fuzz",
    dependencies: [.package(name: "dcswatch", path: "..")],
    targets: fuzzTargets.map { name in
        .executableTarget(
            name: name, dependencies: [.product(name: "DCSKit", package: "dcswatch")],
            // libFuzzer brings `main`; the target only defines LLVMFuzzerTestOneInput.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    },
    swiftLanguageModes: [.v6]
)
