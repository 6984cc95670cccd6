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
    /// Split at the bytes `&` and `=`, as the URL standard splits it: splitting the characters
    /// would first find each character's extent (about 2 % of a `/v1/check`), and would not split
    /// at an `&` that a combining mark follows.
    init(urlEncoded text: Substring) {
        pairs = text.utf8.split(separator: UInt8(ascii: "&")).map { field in
            guard let equals = field.firstIndex(of: UInt8(ascii: "=")) else { return (Self.decode(field), "") }
            return (Self.decode(field[..<equals]), Self.decode(field[field.index(after: equals)...]))
        }
    }

    private static func decode(_ bytes: Substring.UTF8View) -> String {
        decode(Substring(bytes))
    }

    private static func decode(_ text: Substring) -> String {
        // Most names and values are plain words: nothing to decode.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) { return String(text) }
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
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// The first non-empty value of a parameter.
    subscript(name: String) -> String? {
        pairs.lazy.filter { $0.name == name }.map { Self.trimmed($0.value) }.first { !$0.isEmpty }
    }

    /// The value without the spaces and tabs around it; a value that starts and ends with a visible
    /// ASCII character (nearly every one) as it is, without a look at its characters.
    private static func trimmed(_ value: String) -> String {
        if let first = value.utf8.first, let last = value.utf8.last, (0x21...0x7E).contains(first),
            (0x21...0x7E).contains(last)
        {
            return value
        }
        return value.trimmingCharacters(in: .whitespaces)
    }

    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// The first non-empty value of a request's field.
    subscript(field: RequestField) -> String? { self[field.rawValue] }

    func required(_ field: RequestField) throws(RequestError) -> String {
        guard let value = self[field] else { throw .missing(field) }
        return value
    }

    func date(_ field: RequestField) throws(RequestError) -> CivilDate? {
        guard let text = self[field] else { return nil }
        guard case .success(let date) = ValueSyntax.date(text) else { throw .invalid(field, .notADate(text)) }
        return date
    }

    func integer(_ field: RequestField, in range: ClosedRange<Int>) throws(RequestError) -> Int? {
        guard let text = self[field] else { return nil }
        guard let number = ValueSyntax.integer(text), range.contains(number) else {
            throw .invalid(field, .outOfRange(range, given: text))
        }
        return number
    }

    /// A yes-or-no parameter; not given (or empty) is no. Anything but a clear yes or no, or a
    /// yes and a no together, is an error: a misspelt `redact` must never be read as "no".
    func flag(_ field: RequestField) throws(RequestError) -> Bool {
        var answer: Bool?
        for value in all(field.rawValue).map({ $0.trimmingCharacters(in: .whitespaces) }) where !value.isEmpty {
            guard let meaning = ValueSyntax.boolean(value) else { throw .invalid(field, .notYesOrNo(value)) }
            if let answer, answer != meaning { throw .invalid(field, .yesAndNo) }
            answer = meaning
        }
        return answer ?? false
    }

    /// Whether a form's checkbox is shown ticked: a flag that is not a clear no stays ticked.
    func ticked(_ field: RequestField) -> Bool {
        (try? flag(field)) ?? true
    }

    /// The parameters without those named.
    func removing(_ names: Set<String>) -> Parameters {
        Parameters(pairs.filter { !names.contains($0.name) })
    }

    /// Facts as `fact=id=value` parameters (the API) and as a `facts` text of `id=value` lines (the pages).
    func facts() throws(RequestError) -> [(id: String, value: String)] {
        let lines = all("fact") + all("facts").flatMap { $0.split(whereSeparator: \.isNewline).map(String.init) }
        return try FactArguments.pairs(lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
}
