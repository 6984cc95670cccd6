import Foundation

/// `BailiwickFuzz TARGET FILE...`: runs each file through one target, as the fuzzer would.
@main
enum Replay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("usage: BailiwickFuzz packs|conditions|matters|dates FILE...\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            target.run(data)
        }
        print("replayed \(arguments.count - 1) inputs through \(target.rawValue)")
    }
}
