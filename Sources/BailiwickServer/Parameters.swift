import Bailiwick
import BailiwickReports
import Foundation

/// Named values from a query string or a submitted form, in the order given, with typed readers
/// whose errors name the parameter.
struct Parameters: Sendable {
    private(set) var pairs: [(name: String, value: String)]

    init(_ pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    /// `application/x-www-form-urlencoded` text: a query string or a form body.
    init(urlEncoded text: Substring) {
        pairs = text.split(separator: "&").map { field in
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The pairs written back as a query string.
    var encoded: String {
        pairs.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// RFC 3986's unreserved characters; `.alphanumerics` would let non-ASCII letters through.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// The first non-empty value of a parameter.
    subscript(name: String) -> String? {
        pairs.first { $0.name == name && !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }?
            .value.trimmingCharacters(in: .whitespaces)
    }

    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    func required(_ name: String) throws(InputError) -> String {
        guard let value = self[name] else { throw InputError("'\(name)' is required") }
        return value
    }

    func date(_ name: String) throws(InputError) -> CivilDate? {
        guard let text = self[name] else { return nil }
        guard let date = CivilDate(text) else { throw InputError("'\(name)' must be a date written YYYY-MM-DD, not '\(text)'") }
        return date
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(InputError) -> Int? {
        guard let text = self[name] else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw InputError("'\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return number
    }

    /// A yes-or-no parameter; not given (or empty) is no. Anything but a clear yes or no, or a
    /// yes and a no together, is an error: a misspelt `redact` must never be read as "no".
    func flag(_ name: String) throws(InputError) -> Bool {
        var answer: Bool?
        for value in all(name).map({ $0.trimmingCharacters(in: .whitespaces) }) where !value.isEmpty {
            let meaning: Bool
            switch value.lowercased() {
            case "true", "on", "yes", "1": meaning = true
            case "false", "off", "no", "0": meaning = false
            default: throw InputError("'\(name)' must be true or false (or yes/no, on/off, 1/0), not '\(value)'")
            }
            if let answer, answer != meaning { throw InputError("'\(name)' is given both as yes and as no") }
            answer = meaning
        }
        return answer ?? false
    }

    /// Whether a form's checkbox is shown ticked: a flag that is not a clear no stays ticked.
    func ticked(_ name: String) -> Bool {
        (try? flag(name)) ?? true
    }

    /// The parameters without those named.
    func removing(_ names: Set<String>) -> Parameters {
        Parameters(pairs.filter { !names.contains($0.name) })
    }

    /// Facts as `fact=id=value` parameters (the API) and as a `facts` text of `id=value` lines (the pages).
    func facts() throws(InputError) -> [(id: String, value: String)] {
        let lines = all("fact") + all("facts").flatMap { $0.split(whereSeparator: \.isNewline).map(String.init) }
        return try FactArguments.pairs(lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
}
