import Bailiwick
import BailiwickReports
import Foundation
import Testing

/// Guided intake on the /check page: after an unsettled decision the page asks, with a real control,
/// the fact the command line's `check --interactive` would ask, and answering re-decides.
@Suite struct CheckQuestionPageTests {
    static let negotiate = "jurisdiction=us-wa&license=lllt&action=negotiate&on=2026-03-01"

    /// The question form of a page: the fact it asks and its hidden fields, as a browser would send them.
    struct Question {
        let fact: String
        let hidden: [(String, String)]
        let form: String

        init?(_ page: String) {
            guard let match = page.firstMatch(of: /<form [^>]*data-fact="([^"]+)">(.*?)<\/form>/.dotMatchesNewlines())
            else { return nil }
            fact = Question.unescape(String(match.1))
            form = String(match.2)
            hidden = form.matches(of: /<input type="hidden" name="([^"]+)" value="([^"]*)">/).map {
                (String($0.1), Question.unescape(String($0.2)))
            }
        }

        /// The query the form sends with `answers` in its `answer` control.
        func query(answering answers: [String]) -> String {
            (hidden + answers.map { ("answer", $0) }).map { "\(encode($0.0))=\(encode($0.1))" }
                .joined(separator: "&")
        }

        private func encode(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~")))!
        }

        static func unescape(_ text: String) -> String {
            text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// The answer a careful technician's clean matter gives: no problem holds, every safeguard is in place.
    static func cleanAnswer(_ fact: FactDefinition) -> [String] {
        switch fact.type {
        case .boolean: [fact.isProblem ? "false" : "true"]
        case .list: []
        case .integer: ["\(fact.minimum ?? 0)"]
        case .date: ["2026-01-05"]
        case .string: [fact.allowedValues?.first ?? "x"]
        }
    }

    @Test func anUnsettledDecisionAsksTheFactTheCommandLineWouldAsk() async throws {
        let page = try await Server.request("/check?" + Self.negotiate)
        let request = CheckRequest(
            jurisdiction: "us-wa", license: "lllt", action: "negotiate", area: nil,
            date: CivilDate(year: 2026, month: 3, day: 1)!, facts: [])
        let decision = try request.decide(in: Server.packs)
        let expected = try #require(FactQuestion.next(for: decision, in: Server.packs))
        let question = try #require(Question(page.body))
        #expect(question.fact == expected.id)
        // Negotiating turns first on the matter's special issues: a list, asked with a labelled checkbox
        // per allowed value under a legend holding the fact's plain description.
        #expect(expected.id == "issues")
        #expect(question.form.contains("<legend>\(escapeHTML(expected.description)) (issues)</legend>"))
        for (index, value) in (expected.allowedValues ?? []).enumerated() {
            #expect(
                question.form.contains(
                    "<input id=\"answer-\(index + 1)\" name=\"answer\" type=\"checkbox\" value=\"\(value)\">"
                        + "<label for=\"answer-\(index + 1)\">\(value)</label>"))
        }
        // Once it is answered, a yes/no fact is asked with two radios.
        let next = try await Server.request("/check?" + Self.negotiate + "&question=issues")
        #expect(next.body.contains("<label for=\"answer-1\">Yes</label>"))
        #expect(next.body.contains("<input id=\"answer-2\" name=\"answer\" type=\"radio\" value=\"false\" required>"))
        // The free-text box stays, as the advanced way in.
        #expect(page.body.contains("<textarea id=\"facts\" name=\"facts\""))
    }

    /// Answering question after question walks the same path as `FactQuestion.next` with the same
    /// answers, and stops once the decision is settled, which the API gives for the same facts.
    @Test func answeringEachQuestionReDecidesUntilTheAnswerIsSettled() async throws {
        var page = try await Server.request("/check?" + Self.negotiate)
        var asked: [String] = []
        var given: [(id: String, value: String)] = []
        while let question = Question(page.body) {
            try #require(asked.count < 20, "the page keeps asking: \(asked)")
            let fact = try #require(Server.packs.fact(question.fact))
            asked.append(fact.id)
            let answer = Self.cleanAnswer(fact)
            given.append((fact.id, answer.joined(separator: ",")))
            page = try await Server.request("/check?" + question.query(answering: answer))
            #expect(page.status == .ok)
        }
        // The library's own walk with the same answers.
        var request = CheckRequest(
            jurisdiction: "us-wa", license: "lllt", action: "negotiate", area: nil,
            date: CivilDate(year: 2026, month: 3, day: 1)!, facts: [])
        var expected: [String] = []
        var decision = try request.decide(in: Server.packs)
        while let fact = FactQuestion.next(for: decision, in: Server.packs), expected.count < 20 {
            expected.append(fact.id)
            request.facts.append((fact.id, Self.cleanAnswer(fact).joined(separator: ",")))
            decision = try request.decide(in: Server.packs)
        }
        #expect(asked == expected)
        #expect(asked.count >= 2, "one question would not show the answers being carried: \(asked)")
        let kind = try #require(page.body.firstMatch(of: /id="decision" data-kind="([a-z-]+)"/)?.1)
        #expect(String(kind) == decision.kind.rawValue)
        #expect(decision.kind == .permitted)
        let facts = given.map { "&fact=\($0.id)=\($0.value)" }.joined()
        let api = try await Server.request("/v1/check?" + Self.negotiate + facts)
        #expect(api.json["decision"] as? String == decision.kind.rawValue)
        // The facts answered so far are shown in the advanced box, one per line, to edit by hand.
        #expect(page.body.contains(escapeHTML(given.map { "\($0.id)=\($0.value)" }.joined(separator: "\n"))))
    }

    @Test func aSettledDecisionAsksNothing() async throws {
        let page = try await Server.request(
            "/check?jurisdiction=us-wa&license=lllt&action=appear-in-court&on=2026-03-01&area=family")
        #expect(page.body.contains("data-kind=\"prohibited\""))
        #expect(Question(page.body) == nil)
    }

    /// A list fact is asked with a checkbox per allowed value; ticking none answers "none applies".
    @Test func aListQuestionOffersItsValuesAndNothingTickedMeansNone() async throws {
        let issues = try #require(Server.packs.fact("issues"))
        let base = Self.negotiate + "&fact=written-consent-to-negotiate=true&fact=written-contract=true"
        let none = try await Server.request("/check?" + base + "&question=issues")
        let some = try await Server.request(
            "/check?" + base + "&question=issues&answer=\(issues.allowedValues?.first ?? "")")
        #expect(none.status == .ok && some.status == .ok)
        // The advanced box ends with the answer: none ticked is the empty list, one ticked is that value.
        #expect(none.body.contains("written-contract=true\nissues=</textarea>"))
        #expect(some.body.contains("written-contract=true\nissues=\(issues.allowedValues?.first ?? "")</textarea>"))
    }

    @Test func anAnswerTheFactDoesNotTakeIsRefusedNamingTheFact() async throws {
        let page = try await Server.request("/check?" + Self.negotiate + "&question=children&answer=two")
        let alert = try #require(page.body.firstMatch(of: /<div class="alert" role="alert">.*?<\/div>/)?.output)
        #expect(alert.contains("children"), "\(alert)")
    }
}
