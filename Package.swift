// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Bailiwick",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bailiwick", targets: ["BailiwickCLI"]),
        .library(name: "Bailiwick", targets: ["Bailiwick"]),
        .library(name: "BailiwickLoading", targets: ["BailiwickLoading"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // The web app. Its optional traits (swift-configuration, full Foundation) are not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        // The audit journal: SQLite (its C source is vendored: no system library needed) and PostgreSQL,
        // both on SwiftNIO as the server is. Crypto (SHA-256) and NIOSSL (TLS to PostgreSQL) come with
        // postgres-nio; they are named here because the journal imports them.
        .package(url: "https://github.com/vapor/sqlite-nio", exact: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        // The model and pure evaluation: no I/O, no YAML.
        .target(name: "Bailiwick"),
        // YAML to model, with source locations and diagnostics.
        .target(
            name: "BailiwickLoading",
            dependencies: ["Bailiwick", .product(name: "Yams", package: "Yams")]
        ),
        // The shipped packs (Rules/ and Jurisdictions/), compiled into the binary: their text, and the pack
        // sets the loader made of them at build time, so that start-up decodes instead of parsing.
        .target(
            name: "BailiwickPacks", dependencies: ["Bailiwick", "BailiwickLoading"], plugins: ["EmbedPacksPlugin"]),
        // Loads and checks the shipped packs with the same loader, and writes them into BailiwickPacks.
        .executableTarget(name: "PackEmbedder", dependencies: ["Bailiwick", "BailiwickLoading"]),
        .plugin(
            name: "EmbedPacksPlugin",
            capability: .buildTool(),
            dependencies: ["PackEmbedder"],
            path: "Sources/EmbedPacksPlugin"
        ),
        // What the verbs compute from their inputs and how it is shown: shared by the CLI and the server.
        .target(name: "BailiwickReports", dependencies: ["Bailiwick"]),
        // The audit journal's storage (SQLite or PostgreSQL), with its migrations; the engine stays pure.
        .target(
            name: "BailiwickJournal",
            dependencies: [
                "Bailiwick", "BailiwickLoading", "BailiwickReports",
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `bailiwick import`: case-management data (Clio, a generic CSV) to matter files, with the firm's mapping.
        .target(name: "BailiwickImport", dependencies: ["Bailiwick", "BailiwickLoading", "BailiwickReports"]),
        // `bailiwick serve`: the JSON API and the pages.
        .target(
            name: "BailiwickServer",
            dependencies: [
                "Bailiwick", "BailiwickLoading", "BailiwickReports", "BailiwickJournal",
                // The example matters the matter editor starts from.
                "BailiwickPacks",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "BailiwickCLI",
            dependencies: [
                "Bailiwick", "BailiwickLoading", "BailiwickPacks", "BailiwickReports", "BailiwickServer",
                "BailiwickJournal", "BailiwickImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Replays hostile inputs through the loaders (Tests/FuzzRegressions); the seed of fuzzing.
        .executableTarget(name: "BailiwickFuzz", dependencies: ["Bailiwick", "BailiwickLoading", "BailiwickPacks"]),
        .testTarget(name: "BailiwickTests", dependencies: ["Bailiwick", "BailiwickLoading", "BailiwickPacks"]),
        .testTarget(name: "BailiwickLoadingTests", dependencies: ["Bailiwick", "BailiwickLoading", "BailiwickPacks"]),
        .testTarget(
            name: "BailiwickImportTests",
            dependencies: ["Bailiwick", "BailiwickLoading", "BailiwickPacks", "BailiwickReports", "BailiwickImport"]
        ),
        .testTarget(
            name: "BailiwickJournalTests",
            dependencies: ["Bailiwick", "BailiwickLoading", "BailiwickPacks", "BailiwickReports", "BailiwickJournal"]
        ),
        // The server in process too, for the test that both front ends give the same answers.
        .testTarget(
            name: "BailiwickCLITests",
            dependencies: [
                "BailiwickCLI", "BailiwickServer", "BailiwickLoading", "BailiwickPacks", "BailiwickJournal",
                "BailiwickReports",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                // The schema tests read YAML as an editor does (YAML 1.2), apart from the loader.
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "BailiwickServerTests",
            dependencies: [
                "Bailiwick", "BailiwickLoading", "BailiwickPacks", "BailiwickReports", "BailiwickServer",
                "BailiwickJournal", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
