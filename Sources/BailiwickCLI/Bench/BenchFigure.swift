import BailiwickReports
import Foundation

/// One figure of issue 21, beside its target.
struct BenchFigure {
    enum Unit: String {
        case nanoseconds = "ns"
        case microseconds = "µs"
        case milliseconds = "ms"
        case perSecond = "/s"
        case megabytes = "MB"
        case ratio = "×"
        case count = ""
    }

    /// A stable name for programs (`check-vs-version`, `scope-decision-ns`, …).
    let id: String
    let name: String
    let value: Double
    let unit: Unit
    let target: Double
    /// True when the target is a ceiling (times, memory), false when it is a floor (throughput).
    let atMost: Bool
    /// What else a reader needs to weigh the figure (the two times behind a ratio).
    var detail: String? = nil

    var met: Bool { atMost ? value <= target : value >= target }

    static func format(_ value: Double, _ unit: Unit) -> String {
        switch unit {
        case .ratio: String(format: "%.2f×", value)
        case .count: String(format: "%.1f", value)
        case .perSecond: String(format: "%.0f/s", value)
        case .megabytes: String(format: "%.1f MB", value)
        case .nanoseconds: String(format: "%.0f ns", value)
        case .microseconds: String(format: "%.1f µs", value)
        case .milliseconds: String(format: "%.2f ms", value)
        }
    }

    var targetText: String { (atMost ? "at most " : "at least ") + Self.format(target, unit) }

    static func table(_ figures: [BenchFigure]) -> String {
        var rows = [["figure", "measured", "target", "met"]]
        for figure in figures {
            rows.append([
                figure.name, format(figure.value, figure.unit) + (figure.detail.map { " (\($0))" } ?? ""),
                figure.targetText, figure.met ? "yes" : "no",
            ])
        }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max()! }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == 3 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// JSON numbers here are whole: each figure is given in a base unit small enough for that.
    var baseUnit: (name: String, scale: Double) {
        switch unit {
        case .nanoseconds: ("ns", 1)
        case .microseconds: ("ns", 1e3)
        case .milliseconds: ("ns", 1e6)
        case .perSecond: ("per-second", 1)
        case .megabytes: ("bytes", 1_048_576)
        case .ratio, .count: ("thousandths", 1e3)
        }
    }

    var json: JSONValue {
        let (name, scale) = baseUnit
        return .object([
            ("figure", .string(id)), ("name", .string(self.name)), ("value", .number(Int((value * scale).rounded()))),
            ("target", .number(Int((target * scale).rounded()))), ("unit", .string(name)),
            ("target-is", .string(atMost ? "at-most" : "at-least")), ("met", .bool(met)),
            ("detail", detail.map(JSONValue.string) ?? .null),
        ])
    }
}
