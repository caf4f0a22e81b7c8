// swift-tools-version:6.0
import PackageDescription

// Module graph and who may import whom: docs/ARCHITECTURE.md. Each target declares exactly what it imports.
let package = Package(
    name: "dcswatch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dcswatch", targets: ["dcswatch"]),
        // For fuzz/ (a package of its own that depends on this one by path, issue 7).
        .library(name: "DCSKit", targets: ["DCSKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // glibc's mallopt for the executable's start-up memory settings (not in Swift's Glibc module).
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .target(
            name: "DCSKit",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                // clouds.yaml is read with Yams: merge keys, anchors, escapes, block scalars (DECISIONS.md, session 7).
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "DashboardUI", dependencies: ["DCSKit"]),
        .target(name: "CursesTerminal", dependencies: ["DashboardUI", "CNcursesw"]),
        // The FlyingFox set-up both HTTP servers share (the simulator's and `serve`'s): logs to swift-log,
        // sockets without Nagle's stall.
        .target(
            name: "HTTPServing",
            dependencies: [
                "DCSKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
                // FlyingSocks (same package) declares the `Logging` protocol FlyingFox's logger must conform to.
                .product(name: "FlyingSocks", package: "FlyingFox"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "DCSSimulator",
            dependencies: [
                "DCSKit", "HTTPServing",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Issue 18: the Prometheus families of the monitor's and the poller's state, and `serve`'s listener.
        .target(
            name: "DCSMetrics",
            dependencies: [
                "DCSKit", "HTTPServing",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "DCSTestSupport", dependencies: ["DCSKit", "DashboardUI"]),
        .executableTarget(
            name: "dcswatch",
            dependencies: [
                "DCSKit", "DashboardUI", "CursesTerminal", "DCSSimulator", "DCSMetrics", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: [
                .unsafeFlags(
                    ["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
                    .when(platforms: [.linux], configuration: .release))
            ]
        ),
        .testTarget(
            name: "DCSKitTests",
            dependencies: ["DCSKit", "DCSTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DCSSimulatorTests",
            dependencies: [
                "DCSSimulator", "DCSKit", "DCSTestSupport", "HTTPServing", .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            // The official-SDK interop script is run by a test from the source tree, not bundled.
            exclude: ["Python"]
        ),
        .testTarget(
            name: "DCSMetricsTests",
            dependencies: [
                "DCSMetrics", "DCSKit", "DCSTestSupport", "DCSSimulator", .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .testTarget(name: "DashboardUITests", dependencies: ["DashboardUI", "DCSKit", "DCSTestSupport", "DCSSimulator"]),
        .testTarget(name: "EndToEndTests", dependencies: ["DCSTestSupport", "DCSSimulator"]),
        // Issue 7: the fault matrix, terminal safety, hostile text and secrets, on the built binary.
        .testTarget(
            name: "ReliabilityTests",
            dependencies: ["DCSTestSupport", "DCSSimulator"],
            // The pty probe is run by the tests from the source tree, not bundled.
            exclude: ["Python"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
