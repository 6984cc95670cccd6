import Bailiwick
import BailiwickReports

/// A quiz in the browser: choose, answer, then see each answer marked with its explanation and a score.
/// The quiz is rebuilt from its seed when graded, so nothing about it is kept between requests.
struct QuizPage {
    let pages: Pages

    /// The choices that, with the seed, determine a quiz.
    private static let settings = ["jurisdiction", "license", "topic", "count", "seed", "as-of"]

    func render(_ parameters: Parameters) -> String {
        guard parameters["start"] != nil else { return Layout.page("Quiz", path: "/quiz", body: start(parameters)) }
        var settings = parameters
        if settings[.seed] == nil {
            settings = Parameters(settings.pairs + [(RequestField.seed.rawValue, String(QuizRequest.newSeed()))])
        }
        // The day is fixed when the quiz starts, so grading after midnight rebuilds the same quiz.
        if settings[.asOf] == nil {
            settings = Parameters(settings.pairs + [(RequestField.asOf.rawValue, pages.service.today.description)])
        }
        let quiz: (questions: [QuizQuestion], seed: UInt64, asOf: CivilDate)
        do {
            quiz = try pages.service.quiz(settings)
        } catch {
            return Layout.page("Quiz", path: "/quiz", body: Layout.problem(error) + start(parameters))
        }
        var html = [
            "<p>\(quiz.questions.count) questions · seed \(quiz.seed) (the same seed gives the same quiz) · "
                + "set on \(quiz.asOf).</p>",
            exports(settings),
            "<form method=\"post\" action=\"/quiz\" aria-label=\"Quiz questions\">",
        ]
        html += hidden(settings)
        for (index, question) in quiz.questions.enumerated() {
            html.append(self.question(question, number: index + 1, given: nil))
        }
        html.append("<div class=\"actions\"><button type=\"submit\">Check my answers</button></div></form>")
        return Layout.page("Quiz", path: "/quiz", body: html.joined(separator: "\n"))
    }

    func grade(_ parameters: Parameters) -> String {
        let quiz: (questions: [QuizQuestion], seed: UInt64, asOf: CivilDate)
        do throws(RequestError) {
            // A graded form always carries its seed; without it the quiz cannot be rebuilt.
            guard parameters[.seed] != nil else { throw .missing(.seed) }
            quiz = try pages.service.quiz(parameters)
        } catch {
            return Layout.page("Quiz", path: "/quiz", body: Layout.problem(error) + start(parameters))
        }
        let grade = QuizGrade(quiz.questions, answers: quiz.questions.indices.map { parameters["q\($0 + 1)"] })
        let body = grade.results.enumerated().map { index, result in
            question(result.question, number: index + 1, given: result.given ?? "", graded: true)
        }
        let again = Parameters(parameters.pairs.filter { Self.settings.contains($0.name) } + [("start", "1")]).encoded
        let fresh = Parameters(
            parameters.pairs.filter { Self.settings.contains($0.name) && $0.name != "seed" } + [("start", "1")]
        ).encoded
        let blank = grade.results.filter { ($0.given ?? "").trimmingSpaces.isEmpty }.count
        let unanswered = blank == 0 ? "" : " (\(blank) not answered)"
        let summary =
            "<div class=\"verdict \(grade.right == grade.asked ? "good" : "caution")\" role=\"status\">"
            + "<p class=\"score\" id=\"score\">Score: \(grade.right) of \(grade.asked)\(unanswered)</p>"
            + (grade.review.isEmpty ? "<p>Every answer right.</p>" : "<p>Topics to review: \(grade.review).</p>")
            + "</div>"
        let links =
            "<p><a href=\"/quiz?\(escapeHTML(again))\">Try this quiz again</a> · <a "
            + "href=\"/quiz?\(escapeHTML(fresh))\">A new quiz with the same choices</a></p>"
        return Layout.page(
            "Quiz results", path: "/quiz", body: summary + body.joined(separator: "\n") + links + exports(parameters))
    }

    /// Links that download this quiz (its settings, seed and day) as a question bank for a learning system.
    private func exports(_ parameters: Parameters) -> String {
        let settings = parameters.pairs.filter { Self.settings.contains($0.name) && !$0.value.isEmpty }
        let links = [(QuizExport.Format.gift, "GIFT"), (.moodleXML, "Moodle XML")].map { format, label in
            let query = Parameters(settings + [(RequestField.format.rawValue, format.rawValue)]).encoded
            return "<a href=\"/v1/quiz?\(escapeHTML(query))\" download>\(label)</a>"
        }
        return "<p class=\"muted\">Download this quiz for a learning system: \(links.joined(separator: " · "))</p>"
    }

    private func start(_ parameters: Parameters) -> String {
        let topics = QuizQuestion.Topic.allCases.map { topic in
            "<div class=\"field check\"><input type=\"checkbox\" id=\"topic-\(topic.rawValue)\" name=\"topic\" "
                + "value=\"\(topic.rawValue)\""
                + "\(parameters.all("topic").contains(topic.rawValue) ? " checked" : "")><label "
                + "for=\"topic-\(topic.rawValue)\">\(topic.rawValue)</label></div>"
        }
        return """
            <form class="panel" method="get" action="/quiz" aria-label="Start a quiz">
            <input type="hidden" name="start" value="1">
            <div class="grid">
            \(Field.select("jurisdiction", label: RequestField.jurisdiction.label, options: pages.jurisdictionOptions,
                selected: parameters["jurisdiction"], blank: "Any"))
            \(pages.licenseSelect(selected: parameters["license"], required: false))
            \(Field.input("count", label: RequestField.count.label, type: "number",
                          value: parameters[.count] ?? String(QuizRequest.defaultCount),
                          attributes: Field.range(QuizRequest.counts)))
            \(Field.input("seed", label: RequestField.seed.label, type: "number", value: parameters[.seed],
                          hint: "The same seed gives the same quiz.", attributes: Field.range(QuizRequest.seeds)))
            </div>
            <fieldset><legend>Topics (none ticked: all)</legend>\(topics.joined())</fieldset>
            <div class="actions"><button type="submit">Start the quiz</button></div>
            </form>
            """
    }

    private func hidden(_ parameters: Parameters) -> [String] {
        parameters.pairs.filter { Self.settings.contains($0.name) && !$0.value.isEmpty }.map {
            "<input type=\"hidden\" name=\"\(escapeHTML($0.name))\" value=\"\(escapeHTML($0.value))\">"
        }
    }

    /// A question as a fieldset; once graded (`given` not nil), marked with the answer and why.
    private func question(_ question: QuizQuestion, number: Int, given: String?, graded: Bool = false) -> String {
        let name = "q\(number)"
        let answered = !(given ?? "").trimmingSpaces.isEmpty
        let correct = answered && given.map(question.isCorrect) ?? false
        let mark = !graded ? "" : !answered ? " unanswered" : correct ? " right" : " wrong"
        var html = [
            "<fieldset class=\"question\(mark)\" id=\"question-\(number)\">",
            // The prompt is the legend, so a screen reader reads it with each choice.
            "<legend>\(number). \(escapeHTML(question.prompt)) <span class=\"muted\">[\(question.topic.rawValue), "
                + "\(question.jurisdiction)]</span></legend>",
        ]
        let disabled = graded ? " disabled" : ""
        func radio(_ value: String, _ label: String, _ index: Int) -> String {
            let checked = given.map { $0.lowercased() == value.lowercased() } ?? false
            return
                "<div class=\"field check\"><input type=\"radio\" id=\"\(name)-\(index)\" name=\"\(name)\" "
                + "value=\"\(value)\""
                + "\(checked ? " checked" : "")\(disabled)><label "
                + "for=\"\(name)-\(index)\">\(escapeHTML(label))</label></div>"
        }
        switch question.answer {
        case .choice(let options, _):
            html += options.enumerated().map { radio(QuizReport.letter($0), "\(QuizReport.letter($0)). \($1)", $0) }
        case .trueFalse:
            html += [radio("true", "True", 0), radio("false", "False", 1)]
        case .date:
            html.append(
                Field.input(name, label: "Your answer (a date)", type: "date", value: given, attributes: disabled))
        }
        if graded {
            html.append(
                // In the command line's words: "Right." or "Not quite.", then the answer with its letter.
                "<p><strong>\(!answered ? "Not answered." : correct ? "Right." : "Not quite.")</strong> The answer "
                    + "is: <strong>\(escapeHTML(QuizReport.answerWithLetter(question).withoutFinalStop))</strong>.</p>"
            )
            html.append(
                "<p>\(escapeHTML(question.explanation))</p><p class=\"muted\">\(Pages.citation(question.citation))</p>")
        }
        html.append("</fieldset>")
        return html.joined(separator: "\n")
    }
}
