import Foundation

/// Runs the built `bailiwick` binary as a user would, capturing its output and exit status.
enum CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `bailiwick` binary built beside this test bundle.
    static var binary: URL {
        let folder = Bundle.main.executableURL!.deletingLastPathComponent()
        var candidate = folder.appendingPathComponent("bailiwick")
        // When the test runner is inside an .xctest bundle, the products sit beside the bundle.
        while !FileManager.default.isExecutableFile(atPath: candidate.path), candidate.pathComponents.count > 2 {
            candidate = candidate.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "bailiwick")
        }
        return candidate
    }

    @discardableResult
    /// Runs `executable` (the built `bailiwick` by default) with `input`, if given, on its standard input.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], executable: URL = binary,
        directory: URL? = nil, input: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "BAILIWICK_PACKS")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let input {
            let pipe = Pipe()
            process.standardInput = pipe
            try process.run()
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bailiwick-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }
}
