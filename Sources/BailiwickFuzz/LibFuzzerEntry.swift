import Foundation

/// The target `.ci/fuzz` runs, named by `BAILIWICK_FUZZ_TARGET`; read once.
private let libFuzzerTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["BAILIWICK_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("BAILIWICK_FUZZ_TARGET must be packs, conditions, matters or dates\n".utf8))
        exit(2)
    }
    return target
}()

/// libFuzzer's entry point. In the SwiftPM build nothing calls it; `.ci/fuzz` compiles this file
/// without `Replay.swift` and links libFuzzer's own `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    libFuzzerTarget.run(data)
    return 0
}
