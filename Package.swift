// swift-tools-version: 6.1
import PackageDescription

// Module dependencies point one way (see docs/architecture.md):
//   switchboard (exe) -> SwitchboardUI -> {SwitchboardCore, Insight, Listening, ScreenKit}
//   switchboard (exe) -> ListenerServices -> {SwitchboardCore, Insight, Listening}
//   NCursesTerminal -> {ScreenKit, CNCursesW};  Insight, Listening -> SwitchboardCore
//   SwitchboardCore, Listening, ScreenKit -> TextSafety (what is unsafe, display width) -> CWidth
//   switchboard (exe) -> DemoNetwork (the demo's loopback Mastodon/Bluesky endpoint; Foundation only)
let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "switchboard", targets: ["switchboard"]),
        .executable(name: "switchboard-bench", targets: ["switchboard-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "TextSafety", dependencies: ["CWidth"]),
        .target(name: "SwitchboardCore", dependencies: ["TextSafety"], resources: [.copy("Resources")]),
        // Insight is optimised in debug builds too: every command that analyses loads its model, and unoptimised the
        // load alone took ~2 CPU-s per process, most of the CLI tests' time (docs/testing.md, "Why Insight is optimised").
        .target(
            name: "Insight", dependencies: ["SwitchboardCore"], resources: [.copy("Resources")],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "Listening", dependencies: ["SwitchboardCore", "TextSafety"]),
        .target(name: "CWidth"),
        .target(name: "ScreenKit", dependencies: ["TextSafety"]),
        .systemLibrary(name: "CNCursesW"),
        .target(name: "NCursesTerminal", dependencies: ["ScreenKit", "CNCursesW", "CSignalPipe"]),
        // The derived SQLite index of the logs (a cache: rebuilt from the logs whenever in doubt).
        .target(
            name: "HistoryIndex",
            dependencies: [
                "SwitchboardCore", "Insight", "CSQLiteShim", .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The index's SQLite settings that only a variadic C call reaches (a persistent write-ahead log).
        .target(name: "CSQLiteShim", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "SwitchboardUI", dependencies: ["SwitchboardCore", "Insight", "Listening", "ScreenKit"]),
        // The listener's services (spike alerts, hand-off routing, outbox and queue loops, the source factory).
        .target(name: "ListenerServices", dependencies: ["SwitchboardCore", "Insight", "Listening", "CSignalPipe"]),
        // Signals to a pipe, installed synchronously (a dispatch source registers late and can lose one).
        .target(name: "CSignalPipe"),
        // The demo's network: a Mastodon- and Bluesky-compatible endpoint on 127.0.0.1 (and its HTTP server).
        .target(name: "DemoNetwork"),
        .executableTarget(
            name: "switchboard",
            dependencies: [
                "SwitchboardCore", "Insight", "Listening", "ListenerServices", "ScreenKit", "SwitchboardUI",
                "NCursesTerminal", "DemoNetwork", "HistoryIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Demo")]
        ),
        .executableTarget(
            name: "switchboard-bench",
            dependencies: [
                "SwitchboardCore", "Insight", "Listening", "ScreenKit", "SwitchboardUI", "HistoryIndex",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Fuzz targets (libFuzzer) and their regression runner: see Scripts/fuzz.
        .target(name: "FuzzTargets", dependencies: ["SwitchboardCore", "Listening", "ScreenKit", "SwitchboardUI"]),
        .executableTarget(name: "switchboard-fuzz", dependencies: ["FuzzTargets"]),
        // Test helpers shared by the test targets (a loopback HTTP server).
        .target(name: "TestSupport", dependencies: ["DemoNetwork"], path: "Tests/TestSupport"),
        .testTarget(name: "SwitchboardCoreTests", dependencies: ["SwitchboardCore", "TestSupport"]),
        .testTarget(
            name: "HistoryIndexTests",
            dependencies: ["HistoryIndex", "SwitchboardCore", "Insight", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "InsightTests", dependencies: ["Insight", "SwitchboardCore"]),
        .testTarget(name: "ListeningTests", dependencies: ["Listening", "SwitchboardCore", "TestSupport"]),
        .testTarget(name: "ScreenKitTests", dependencies: ["ScreenKit", "TextSafety"]),
        .testTarget(
            name: "SwitchboardUITests",
            dependencies: ["SwitchboardUI", "ScreenKit", "SwitchboardCore", "Insight", "HistoryIndex", "TestSupport"]
        ),
        .testTarget(
            name: "ListenerServicesTests",
            dependencies: ["ListenerServices", "Listening", "SwitchboardCore", "Insight", "TestSupport"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["SwitchboardCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets", "SwitchboardCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["SwitchboardCore", "TestSupport"]),
        .testTarget(name: "DemoNetworkTests", dependencies: ["DemoNetwork", "Listening", "SwitchboardCore"]),
    ]
)
