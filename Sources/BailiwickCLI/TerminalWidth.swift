import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How wide the terminal is, for text wrapped to it.
enum TerminalWidth {
    /// COLUMNS when set to a number, else the width of the terminal on standard output, else 80.
    static var current: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 {
            return columns
        }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return 80
    }
}
