import Bailiwick
import BailiwickLoading
import Foundation

/// Targets for the pack loader, the condition parser and the matter loader, for fuzzing.
///
/// `BailiwickFuzz TARGET FILE...` runs each file through the target: the regression tests replay
/// `Tests/FuzzRegressions/TARGET/` this way. A libFuzzer build of these targets is not set up yet
/// (docs/robustness.md says why).
enum FuzzTarget: String, CaseIterable {
    case packs, conditions, matters

    /// The shipped packs, loaded once: conditions and matter files are read against them.
    static let shipped: PackSet? = try? PackSetLoader.load(PackFiles.shipped)

    func run(_ data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return }
        switch self {
        case .packs:
            let file = PackFile(displayPath: "fuzz.yaml", packPath: "Jurisdictions/us-wa/fuzz.yaml", text: text)
            _ = try? PackSetLoader.loadWithTests(PackFiles.shipped.filter { $0.packPath.hasPrefix("Rules/") || $0.packPath.hasPrefix("Jurisdictions/us-wa/") } + [file])
        case .conditions:
            let facts = FuzzTarget.shipped?.facts ?? []
            _ = try? ConditionTypeChecker(facts: Dictionary(facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })).compile(text)
        case .matters:
            guard let packs = FuzzTarget.shipped else { return }
            if let matter = try? MatterLoader.load(text: text, file: "fuzz.yaml", packs: packs) {
                _ = packs.audit(matter, asOf: matter.asOf ?? CivilDate(year: 2026, month: 1, day: 1)!)
            }
        }
    }

}

@main
enum Replay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("usage: BailiwickFuzz packs|conditions|matters FILE...\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            target.run(data)
        }
        print("replayed \(arguments.count - 1) inputs through \(target.rawValue)")
    }
}
