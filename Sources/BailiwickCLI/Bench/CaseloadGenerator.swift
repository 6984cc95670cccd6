import Bailiwick
import BailiwickReports

/// Writes a reproducible synthetic caseload: matter files across the shipped matter types, most
/// of them clean, some with the faults supervisors meet (an action out of scope, a missing form,
/// a late response, a decree entered too early).
struct CaseloadGenerator {
    var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// The text of matter number `index`.
    mutating func matter(_ index: Int) -> String {
        random.next() % 4 == 0 ? federal(index) : dissolution(index)
    }

    /// A Washington dissolution with about 20 actions and 10 filings.
    mutating func dissolution(_ index: Int) -> String {
        let filed = CivilDate(year: 2025, month: 1, day: 2)!.plus(Int(random.next() % 500))
        let served = filed.plus(3 + Int(random.next() % 20))
        let fault = random.next() % 10 // 0-5 clean, 6 out of scope, 7 missing form, 8 early decree, 9 unknown facts
        let children = fault == 9 ? nil : Int(random.next() % 3)
        let decree = fault == 8 ? served.plus(60) : served.plus(95 + Int(random.next() % 30))
        let asOf = decree.plus(Int(random.next() % 40))
        let actions = [
            "consult", "advise", "legal-research", "select-forms", "complete-forms", "file-document", "serve-document",
            "review-opposing-documents", "explain-court-order", "obtain-records", "communicate-opposing-party",
            "attend-mediation", "accompany-at-hearing", "complete-forms", "file-document", "advise",
            "select-forms", "complete-forms", "file-document", fault == 6 ? "appear-in-court" : "serve-document",
        ]
        var lines = [
            "id: SYN-WA-\(index)", "jurisdiction: us-wa", "type: dissolution", "as-of: \(asOf)",
            "people:",
            "  - {id: tech, role: technician, name: Technician \(index % 97), license: lllt, licensed-from: "
                + "2020-0\(1 + index % 9)-01}",
            "  - {id: client, role: client, name: Client \(index)}",
            "facts:",
            "  support-at-issue: \(random.next() % 2 == 0)",
            "  respondent-joined: false", "  default-sought: false", "  financial-source-documents-filed: false",
            "  respondent-may-be-military: false", "  served-by-publication: false", "  served-out-of-state: false",
            "  timely-post-judgment-motion: false", "  written-contract: true", "  client.pro-se: true",
            "  represents-other-party: false", "  issues: []",
        ]
        if let children { lines.append("  children: \(children)") }
        lines += [
            "events:",
            "  - {event: petition-filed, date: \(filed)}",
            "  - {event: service-of-petition, date: \(served), method: personal}",
            "  - {event: decree-entered, date: \(decree)}",
            "  - {event: entry-of-judgment, date: \(decree)}",
            "actions:",
        ]
        for (number, action) in actions.enumerated() {
            let when = filed.plus(-10 + number * 5)
            lines.append("  - {by: tech, action: \(action), date: \(when)}")
        }
        lines.append("filings:")
        var forms = [
            "FL Divorce 200", "FL Divorce 201", "FL All Family 001", "FL Divorce 231", "FL Divorce 241",
            "FL All Family 131",
            "FL All Family 140", "WSCSS-Worksheets", "FL All Family 130",
        ]
        if fault == 7 { forms.removeAll { $0 == "FL All Family 140" } }
        for form in forms {
            let when =
                form.hasPrefix("FL Divorce 2") && form != "FL Divorce 200" && form != "FL Divorce 201" ? decree : filed
            lines.append("  - {form: \(form), filed: \(when)}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A federal answer, on time or late.
    private mutating func federal(_ index: Int) -> String {
        let served = CivilDate(year: 2025, month: 1, day: 2)!.plus(Int(random.next() % 500))
        let late = random.next() % 5 == 0
        let answered = served.plus(late ? 30 : 15)
        return """
            id: SYN-US-\(index)
            jurisdiction: us
            type: federal-civil-answer
            as-of: \(answered.plus(5))
            people:
              - {id: para, role: technician, name: Paralegal \(index % 89), license: paralegal}
              - {id: lawyer, role: attorney, name: Attorney \(index % 31)}
            facts: {supervised-by-lawyer: true, lawyer-review: true, waiver-of-service: false, united-states-party: \
            false, timely-post-judgment-motion: false}
            events:
              - {event: service-of-summons, date: \(served), method: personal}
              - {event: answer-filed, date: \(answered)}
            actions:
              - {by: para, action: legal-research, date: \(served.plus(2))}
              - {by: para, action: draft-document, date: \(served.plus(5))}
              - {by: para, action: file-document, date: \(answered)}
            filings: []

            """
    }
}

extension CivilDate {
    /// The generator's dates lie in 2024 to 2027, far from either end of the calendar.
    fileprivate func plus(_ days: Int) -> CivilDate { (try? adding(days: days)) ?? self }
}
