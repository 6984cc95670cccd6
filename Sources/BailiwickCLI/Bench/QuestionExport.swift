import Bailiwick
import BailiwickReports
import Foundation

/// `bench --export-questions FILE`: the benchmark's scope questions, the rules that answer them and
/// Bailiwick's answers and times, as JSON, so a peer (docs/benchmarks/cedar.py) can answer the same
/// questions from an equivalent policy set. Dates are day numbers (days since 1970-01-01).
enum QuestionExport {
    static func write(_ packs: PackSet, to file: String, samples: Int) throws {
        let queries = BenchWorkload.scopeQueries(packs, jurisdictions: Set(packs.jurisdictions.map(\.id)))
        let factIDs = Dictionary(packs.facts.map { ($0.slot, $0.id) }, uniquingKeysWith: { first, _ in first })
        var parameters: [String: [String: Parameter]] = [:]
        for rule in packs.rules {
            for condition in [rule.when].compactMap({ $0 }) + rule.requires.map(\.condition) {
                for parameter in condition.parameters {
                    parameters[parameter.jurisdiction, default: [:]][parameter.id] = parameter
                }
            }
        }
        let decisions = Measurement.batched("decision", samples: samples, batch: 1000) { index in
            _ = packs.decide(queries[index % queries.count])
        }
        // A caller that starts from ids, as a peer's per-call API does: resolve them, then decide.
        let calls = Measurement.batched("call", samples: max(5, samples / 4), batch: 200) { index in
            let query = queries[index % queries.count]
            if let again = try? ScopeQuery(
                in: packs, jurisdiction: query.jurisdiction.id, license: query.license.key.id,
                action: query.action.id, area: query.area?.id, date: query.date, facts: query.facts)
            {
                _ = packs.decide(again)
            }
        }
        let rules: [JSONValue] = packs.rules.map { rule in
            .object([
                ("id", .string(rule.id)), ("effect", .string(rule.effect.rawValue)),
                ("jurisdiction", rule.jurisdiction.map(JSONValue.string) ?? .null),
                ("licenses", .array(rule.licenses.map { .string($0.description) })),
                ("actions", rule.actions.isAll ? .null : .array(rule.actions.ids.map(JSONValue.string))),
                ("areas", rule.areas.map { .array($0.map(JSONValue.string)) } ?? .null),
                ("from", rule.period.from.map { .number($0.dayNumber) } ?? .null),
                ("until", rule.period.until.map { .number($0.dayNumber) } ?? .null),
                ("when", rule.when.map { expression($0.compiled, factIDs) } ?? .null),
                ("requires", .array(rule.requires.map { expression($0.condition.compiled, factIDs) })),
                ("exception-to", .array(rule.exceptionTo.map(JSONValue.string))),
            ])
        }
        let questions: [JSONValue] = queries.map { query in
            var facts: [(String, JSONValue)] = []
            for slot in query.facts.givenSlots {
                if let id = factIDs[slot], let value = query.facts[slot] { facts.append((id, self.value(value))) }
            }
            let own = (parameters[query.jurisdiction.id] ?? [:]).sorted { $0.key < $1.key }
            return .object([
                ("jurisdiction", .string(query.jurisdiction.id)), ("license", .string(query.license.key.description)),
                ("action", .string(query.action.id)), ("area", query.area.map { .string($0.id) } ?? .null),
                ("date", .number(query.date.dayNumber)), ("facts", .object(facts)),
                (
                    "parameters",
                    .object(
                        own.compactMap { id, parameter in parameter.value(on: query.date).map { (id, value($0.value)) }
                        })
                ),
                ("bailiwick", .string(packs.decide(query).kind.rawValue)),
            ])
        }
        let document = JSONValue.object([
            ("schema-version", 1), ("rules", .array(rules)), ("questions", .array(questions)),
            (
                "bailiwick-time",
                .object([
                    ("decision-median-ns", .number(Int(decisions.percentile(0.5)))),
                    ("call-median-ns", .number(Int(calls.percentile(0.5)))),
                ])
            ),
        ])
        try document.rendered().write(toFile: file, atomically: true, encoding: .utf8)
        try Console.print("wrote \(queries.count) questions and \(rules.count) rules to \(file)")
    }

    static func value(_ value: FactValue) -> JSONValue {
        switch value {
        case .boolean(let value): .bool(value)
        case .integer(let value): .number(value)
        case .string(let value): .string(value)
        case .date(let value): .number(value.dayNumber)
        case .list(let values): .array(values.sorted().map(JSONValue.string))
        }
    }

    static func expression(_ condition: CompiledCondition, _ facts: [Int: String]) -> JSONValue {
        switch condition {
        case .constant(let value): .object([("const", .bool(value))])
        case .fact(let slot): .object([("fact", .string(facts[slot] ?? "?"))])
        case .not(let operand): .object([("not", expression(operand, facts))])
        case .and(let lhs, let rhs): .object([("and", .array([expression(lhs, facts), expression(rhs, facts)]))])
        case .or(let lhs, let rhs): .object([("or", .array([expression(lhs, facts), expression(rhs, facts)]))])
        case .compare(let lhs, let op, let rhs):
            .object([("compare", .string(op.rawValue)), ("lhs", operand(lhs, facts)), ("rhs", operand(rhs, facts))])
        case .member(let element, let set): .object([("in", .array([operand(element, facts), operand(set, facts)]))])
        case .overlaps(let lhs, let rhs): .object([("overlaps", .array([operand(lhs, facts), operand(rhs, facts)]))])
        }
    }

    static func operand(_ operand: CompiledCondition.Operand, _ facts: [Int: String]) -> JSONValue {
        switch operand {
        case .fact(let slot): .object([("fact", .string(facts[slot] ?? "?"))])
        case .value(let value): .object([("value", self.value(value))])
        case .parameter(let parameter): .object([("parameter", .string(parameter.id))])
        }
    }
}
