import Foundation

/// Terminal styling: colour only when writing to a terminal and `NO_COLOR` is not set.
struct TextStyle {
    let enabled: Bool

    static let standardOutput = TextStyle(
        enabled: isatty(STDOUT_FILENO) == 1
            && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    )

    static let plain = TextStyle(enabled: false)

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func red(_ text: String) -> String { wrap(text, "1;31") }
    func green(_ text: String) -> String { wrap(text, "1;32") }
    func yellow(_ text: String) -> String { wrap(text, "1;33") }
}
