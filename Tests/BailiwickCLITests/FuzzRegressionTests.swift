import Foundation
import Testing

/// Inputs that once crashed (or could crash) a fuzz target are replayed on every run.
struct FuzzRegressionTests {
    static let folder = PackVerbTests.repository.appendingPathComponent("Tests/FuzzRegressions")

    @Test(arguments: ["packs", "conditions", "matters", "dates"])
    func replayedInputsDoNotCrash(target: String) throws {
        let replay = CLI.binary.deletingLastPathComponent().appendingPathComponent("BailiwickFuzz")
        let inputs = try FileManager.default.contentsOfDirectory(
            atPath: Self.folder.appendingPathComponent(target).path
        ).sorted()
        #expect(!inputs.isEmpty)
        let result = try CLI.run(
            [target] + inputs.map { Self.folder.appendingPathComponent("\(target)/\($0)").path }, executable: replay)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "replayed \(inputs.count) inputs through \(target)\n")
    }
}
