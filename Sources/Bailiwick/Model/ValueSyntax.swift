/// How a yes-or-no value, a whole number and a date are written, wherever one is typed: a matter
/// file, a pack (and its tests), `--fact` and the other options, a query parameter, a form field.
/// One reading everywhere, so a value accepted in one place is never refused in another.
///
/// Yes-or-no words are YAML 1.1's (`yes`/`no`, `on`/`off`, `true`/`false`, which is also what
/// Yams's default resolver reads as booleans), in any case, plus `1`/`0`, which forms and scripts
/// send. YAML 1.2 reads `yes` as text; the loader types a value by what its key expects, so for a
/// yes-or-no key `yes` has only the one meaning.
public enum ValueSyntax {
    public static let yesWords = ["true", "yes", "on", "1"]
    public static let noWords = ["false", "no", "off", "0"]

    /// How the yes-or-no words are listed in messages.
    public static let yesOrNoWords = "true or false (or yes/no, on/off, 1/0)"

    public static func boolean(_ text: some StringProtocol) -> Bool? {
        // YAML's own spelling, the one nearly every file uses, is read without lower-casing a copy.
        if text == "true" { return true }
        if text == "false" { return false }
        let word = text.lowercased()
        if yesWords.contains(word) { return true }
        if noWords.contains(word) { return false }
        return nil
    }

    /// A whole number: an optional sign, then digits, which may be grouped with `_` (`5_000`), as
    /// YAML 1.1 allows. No other separator: `5,000` could be a list.
    public static func integer(_ text: some StringProtocol) -> Int? {
        var digits = Substring(text)
        var sign = ""
        if let first = digits.first, first == "+" || first == "-" {
            sign = first == "-" ? "-" : ""
            digits = digits.dropFirst()
        }
        guard let first = digits.first, first.isASCII, first.isNumber, let last = digits.last, last != "_",
            digits.allSatisfy({ $0 == "_" || ($0.isASCII && $0.isNumber) })
        else { return nil }
        return Int(sign + digits.filter { $0 != "_" })
    }

    /// Why a text is not a date.
    public enum DateProblem: Error, Sendable, Equatable {
        /// Shaped `YYYY-MM-DD`, but no such day (2026-02-30).
        case notARealDate
        /// Month, day and year in another order or shape (`12/01/2026`, `2026/12/1`): the dates it
        /// may mean, month first first. Empty when no reading is a real day.
        case notISO(readings: [CivilDate])
        case notADate
    }

    /// A date written `YYYY-MM-DD`; nothing else is read as one, since `12/01/2026` is the first of
    /// December to one reader and the twelfth of January to another.
    public static func date(_ text: some StringProtocol) -> Result<CivilDate, DateProblem> {
        if let date = CivilDate(text) { return .success(date) }
        let string = String(text)
        if string.utf8.count == 10 && string.split(separator: "-", omittingEmptySubsequences: false).count == 3
            && string.allSatisfy({ $0 == "-" || ($0.isASCII && $0.isNumber) })
        {
            return .failure(.notARealDate)
        }
        let parts = string.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "-" || $0 == "." }
        let numbers = parts.compactMap { Int($0) }
        guard parts.count == 3, numbers.count == 3,
            parts.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return .failure(.notADate) }
        var readings: [CivilDate] = []
        if parts[0].count == 4 {
            readings = [CivilDate(year: numbers[0], month: numbers[1], day: numbers[2])].compactMap { $0 }
        } else if parts[2].count == 4 {
            readings = [
                CivilDate(year: numbers[2], month: numbers[0], day: numbers[1]),
                CivilDate(year: numbers[2], month: numbers[1], day: numbers[0]),
            ].compactMap { $0 }
        } else {
            return .failure(.notADate)
        }
        var distinct: [CivilDate] = []
        for reading in readings where !distinct.contains(reading) { distinct.append(reading) }
        return .failure(.notISO(readings: distinct))
    }

    /// What to write instead, naming the dates a misshapen one may mean: for a value the user
    /// typed on a command line or in a form, never for one read from a matter file.
    public static func dateHint(_ text: some StringProtocol) -> String? {
        guard case .failure(.notISO(let readings)) = date(text), let first = readings.first else { return nil }
        guard readings.count > 1 else { return "write \(first)" }
        return "write \(first) if the month comes first, \(readings[1]) if the day does"
    }
}
