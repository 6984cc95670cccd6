import Bailiwick
import BailiwickReports
import Hummingbird
import Testing

/// The pages answer as the API does, and say what is wrong in words.
@Suite struct PageTests {
    @Test(arguments: [
        "/", "/check", "/audit", "/deadlines", "/holidays", "/quiz", "/packs", "/packs/us-wa",
        // A decision with its next question's form.
        "/check?jurisdiction=us-wa&license=lllt&action=negotiate&on=2026-03-01&question=issues",
    ])
    func everyPageIsServedWithItsOwnAssetsOnly(path: String) async throws {
        let page = try await Server.request(path)
        #expect(page.status == .ok)
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.header("Content-Security-Policy")?.contains("default-src 'none'") == true)
        #expect(page.body.contains("<html lang=\"en\">") && page.body.contains("<main id=\"main\""))
        // Nothing is loaded from another site.
        #expect(!page.body.contains("src=\"http") && !page.body.contains("href=\"//"))
        // Ids are unique, so labels and fragments point at one element.
        let allIDs = page.body.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
        #expect(Set(allIDs).count == allIDs.count, "\(path): repeated ids")
        // Every form control has a label.
        let ids = page.body.matches(of: /<(?:input|select|textarea) id="([^"]+)"/).map { String($0.1) }
        for id in ids where !page.body.contains("<input id=\"\(id)\" name=\"\(id)\" type=\"hidden\"") {
            #expect(page.body.contains("<label for=\"\(id)\""), "\(path): no label for \(id)")
        }
    }

    @Test func theAssetsAreServed() async throws {
        let css = try await Server.request("/assets/app.css")
        #expect(css.header("Content-Type") == "text/css; charset=utf-8")
        let script = try await Server.request("/assets/app.js")
        #expect(script.body.contains("addEventListener"))
    }

    @Test func theCheckPageShowsTheDecisionWithItsRulesAndCitations() async throws {
        let page = try await Server.request(
            "/check?jurisdiction=us-wa&license=lllt&action=appear-in-court&on=2026-03-01&area=family")
        #expect(page.body.contains("data-kind=\"prohibited\""))
        #expect(page.body.contains("wa-lllt-no-court-representation"))
        #expect(page.body.contains("APR 28"))
        let wrong = try await Server.request("/check?jurisdiction=us-wa&license=lllt&action=negociate")
        // The suggestion is in the alert itself: the page's list of actions always holds "negotiate".
        let alert = try #require(wrong.body.firstMatch(of: /<div class="alert" role="alert">.*?<\/div>/)?.output)
        #expect(alert.contains("Unknown action &apos;negociate&apos;; did you mean &apos;negotiate&apos;?"), "\(alert)")
    }

    @Test func theDeadlinePageShowsTheDateAndEachStep() async throws {
        let page = try await Server.request("/deadlines?jurisdiction=us&from=2026-01-09&days=21&service=mail")
        #expect(page.body.contains("Due: Monday 2026-02-02"))
        #expect(page.body.contains("format=ics"))
    }

    /// The same deadline id is offered in every jurisdiction's group; only the chosen jurisdiction's
    /// option is selected, or the browser shows "None" once the script hides the other groups.
    @Test func theChosenNamedDeadlineIsSelectedOnlyInItsJurisdiction() async throws {
        let page = try await Server.request("/deadlines?jurisdiction=us-wa&from=2026-03-08&rule=answer-to-complaint")
        let selected = page.body.components(separatedBy: "<option ").filter { $0.contains(" selected>") }
        let rules = selected.filter { $0.hasPrefix("value=\"answer-to-complaint\"") }
        #expect(rules.count == 1)
        #expect(rules.first?.contains("data-jurisdictions=\"us-wa\"") == true)
        #expect(page.body.contains("Due: Monday 2026-03-30"))
    }

    @Test func theHolidayPageListsTheYear() async throws {
        let page = try await Server.request("/holidays?jurisdiction=us-wa&year=2026")
        #expect(page.body.withTableDatesUnwrapped.contains("Thursday 2026-11-26"))
    }

    @Test func aQuizIsTakenAndGradedWithFeedback() async throws {
        let start = try await Server.request("/quiz?start=1&jurisdiction=us-wa&count=4&seed=9")
        #expect(start.body.contains("name=\"q4\""))
        let questions = QuizGenerator(packs: Server.packs, asOf: CivilDate(year: 2026, month: 11, day: 22)!).quiz(
            jurisdiction: "us-wa", license: nil,
            topics: Set(QuizQuestion.Topic.allCases), count: 4, seed: 9)
        var form: [(String, String)] = [
            ("jurisdiction", "us-wa"), ("count", "4"), ("seed", "9"), ("as-of", "2026-11-22"),
        ]
        for (index, question) in questions.enumerated() {
            let answer: String
            switch question.answer {
            case .choice(_, let correct): answer = QuizReport.letter(correct)
            case .trueFalse(let value): answer = value ? "true" : "false"
            case .date(let date): answer = date.description
            }
            // The first answer right, the others left empty.
            if index == 0 { form.append(("q1", answer)) }
        }
        let graded = try await Server.post("/quiz", form: form)
        #expect(graded.body.contains("Score: 1 of 4 (3 not answered)"))
        // Each unanswered question is marked as not answered (not as wrong), with its answer and explanation.
        #expect(graded.body.components(separatedBy: "Not answered.").count == 4)
        #expect(!graded.body.contains("Not quite."))
        for question in questions.dropFirst() {
            #expect(graded.body.contains(escapeHTML(question.explanation)))
        }
    }

    @Test func aPastedMatterIsAuditedAndCanBeDownloaded() async throws {
        let text = try Server.repositoryFile("Examples/wa-dissolution-problems.yaml")
        let page = try await Server.post("/audit", form: [("mode", "file"), ("matter", text)])
        #expect(page.status == .ok)
        #expect(page.body.contains("SCOPE-PROHIBITED") && page.body.contains("<svg"))
        #expect(page.body.contains("value=\"ics\""))
        let download = try await Server.post("/audit", form: [("mode", "file"), ("matter", text), ("format", "json")])
        #expect(download.header("Content-Disposition")?.hasPrefix("attachment") == true)
        #expect(download.json["matters"] != nil)
    }

    @Test func anUnreadableMatterShowsWhereWithoutEchoingIt() async throws {
        let page = try await Server.post(
            "/audit",
            form: [
                ("mode", "file"),
                ("matter", "id: A-1\njurisdiction: us-wa\ntype: dissolution\nas-of: 31/12/2026 Secret Client\n"),
            ])
        #expect(page.status == .unprocessableContent)
        #expect(page.body.contains("line 4, column"))
        // The pasted text is kept in the form for correction, but no message repeats the value.
        let problems = try #require(page.body.firstRange(of: "id=\"problems\"").map { page.body[$0.lowerBound...] })
        #expect(!problems.prefix(upTo: problems.firstRange(of: "</div>")!.lowerBound).contains("Secret"))
    }

    @Test func theRulePagesShowCitationsAndFilterBySource() async throws {
        let all = try await Server.request("/packs/us-wa")
        #expect(all.body.contains("id=\"wa-lllt-no-court-representation\""))
        let unverified = try await Server.request("/packs/us-wa?status=unverified")
        let rows = unverified.body.matches(of: /<tr id="[a-z0-9-]+">/).count
        #expect(rows > 0)
        #expect(unverified.body.matches(of: /class="tag status-unverified"/).count >= rows)
        #expect(!unverified.body.contains("id=\"wa-lllt-no-court-representation\""))
        let missing = try await Server.request("/packs/atlantis")
        #expect(missing.status == .notFound)
    }
}
