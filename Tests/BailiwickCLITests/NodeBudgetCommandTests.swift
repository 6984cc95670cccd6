import Foundation
import Testing

/// The node budget names itself and how to raise it, and `BAILIWICK_MAX_NODES` raises it.
struct NodeBudgetCommandTests {
    @Test func theNodeBudgetCanBeRaisedAndLowered() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("Jurisdictions/us-wa/long.yaml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = "unknown: [" + String(repeating: "a, ", count: 250_000) + "]\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["validate", file.path])
        #expect(refused.status == 2)
        #expect(
            refused.stdout.contains(
                "error: the document expands to more than 200000 nodes, counting each alias "
                    + "as the nodes it repeats (set BAILIWICK_MAX_NODES to raise the limit)"))
        let raised = try CLI.run(["validate", file.path], environment: ["BAILIWICK_MAX_NODES": "300000"])
        #expect(raised.status == 2)
        #expect(!raised.stdout.contains("nodes"))
        let lowered = try CLI.run(["validate", file.path], environment: ["BAILIWICK_MAX_NODES": "10"])
        #expect(lowered.stdout.contains("long.yaml:1:32: error: the document expands to more than 10 nodes"))
    }
}
