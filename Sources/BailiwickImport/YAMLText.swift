import Bailiwick
import Foundation

/// Values as the importer writes them into a matter file: text always single-quoted (so no name
/// or number of another system is read as a yes/no value, a number or a date), on one line.
enum YAMLText {
    static func scalar(_ text: String) -> String {
        let line = String(
            String.UnicodeScalarView(
                text.trimmingSpaces.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        return "'" + line.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func fact(_ value: FactValue) -> String {
        switch value {
        case .boolean(let yes): yes ? "true" : "false"
        case .integer(let number): String(number)
        case .date(let date): date.description
        case .string(let text): scalar(text)
        case .list(let items): "[" + items.sorted().map(scalar).joined(separator: ", ") + "]"
        }
    }
}
