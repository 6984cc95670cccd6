import Foundation

/// Limits on what an input file may hold, so a hostile or broken file is refused with a clear
/// error instead of exhausting memory or time. Each can be raised with an environment variable.
public enum InputLimits {
    /// The largest pack or matter file read, in bytes (`BAILIWICK_MAX_FILE_BYTES`, default 8 MiB).
    public static let fileBytes = limit("BAILIWICK_MAX_FILE_BYTES", default: 8 << 20)
    /// The longest single value in a file, in bytes (`BAILIWICK_MAX_SCALAR_BYTES`, default 64 KiB).
    public static let scalarBytes = limit("BAILIWICK_MAX_SCALAR_BYTES", default: 64 << 10)
    /// The most nodes one file may hold, counting each alias as the nodes it repeats
    /// (`BAILIWICK_MAX_NODES`, default 200,000): this bounds the memory a file can take.
    public static let nodes = limit("BAILIWICK_MAX_NODES", default: 200_000)

    private static func limit(_ variable: String, default value: Int) -> Int {
        guard let text = ProcessInfo.processInfo.environment[variable], let number = Int(text), number > 0 else {
            return value
        }
        return number
    }
}
