import Bailiwick
import BailiwickLoading
import BailiwickPacks
import Foundation

/// Targets for the pack loader, the condition parser, the matter loader and the date engine, for fuzzing.
///
/// Two drivers share them: `Replay` (`BailiwickFuzz TARGET FILE...`), which the regression tests
/// use on `Tests/FuzzRegressions/TARGET/`, and `LLVMFuzzerTestOneInput`, which `.ci/fuzz` links
/// with libFuzzer.
enum FuzzTarget: String, CaseIterable {
    case packs, conditions, matters, dates

    /// The shipped packs, loaded once: conditions and matter files are read against them.
    static let shipped: PackSet? = try? PackSetLoader.load(PackFiles.shipped)

    /// The files a fuzzed pack file is loaded beside: the shared catalogs, so that the input can
    /// refer to real actions, areas, facts and events. The input itself is read as the whole of
    /// the jurisdiction us-wa (a file may hold every section), which keeps each run fast.
    static let packBase: [PackFile] = PackFiles.shipped.filter {
        $0.packPath.hasPrefix("Rules/") && !$0.packPath.hasSuffix("-tests.yaml")
    }

    static let factTypes: [String: FactDefinition] = Dictionary(
        (shipped?.facts ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }
    )

    func run(_ data: Data) {
        // The date engine reads numbers, not text (DateFuzzTarget.swift).
        if self == .dates { return DateFuzzTarget.run(data) }
        guard let text = String(data: data, encoding: .utf8) else { return }
        switch self {
        case .packs:
            let file = PackFile(displayPath: "fuzz.yaml", packPath: "Jurisdictions/us-wa/fuzz.yaml", text: text)
            _ = try? PackSetLoader.loadWithTests(FuzzTarget.packBase + [file])
        case .conditions:
            _ = try? ConditionTypeChecker(facts: FuzzTarget.factTypes).compile(text)
        case .dates:
            break
        case .matters:
            guard let packs = FuzzTarget.shipped else { return }
            if let matter = try? MatterLoader.load(text: text, file: "fuzz.yaml", packs: packs) {
                _ = packs.audit(matter, asOf: matter.asOf ?? CivilDate(year: 2026, month: 1, day: 1)!)
            }
        }
    }
}
