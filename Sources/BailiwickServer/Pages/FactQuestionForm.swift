import Bailiwick
import BailiwickReports

/// Guided intake on the /check page: after an unsettled decision, the one fact
/// `FactQuestion.next(for:in:)` would ask on the command line, as a real control (yes/no, the
/// allowed values, a number or a date). Its form carries the question and every fact given so far,
/// so submitting it re-decides with the answer added; no script is needed.
struct FactQuestionForm {
    /// The fields of the question's form besides the facts, carried so the answer re-decides the same question.
    static let carried = [
        RequestField.jurisdiction, .license, .action, .area, .holds, .on,
    ].map(\.rawValue)

    /// The facts given so far, one `id=value` each: the advanced box's lines, those carried as
    /// `fact` fields by an earlier question, then the answer to the question just asked. A list
    /// question answered with nothing ticked is answered "none"; any other empty answer is no answer.
    static func facts(in parameters: Parameters, packs: PackSet) -> [String] {
        var lines = parameters.all("facts").flatMap { $0.split(whereSeparator: \.isNewline).map(String.init) }
        lines += parameters.all("fact")
        lines = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let id = parameters["question"] else { return lines }
        let answers = parameters.all("answer").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if packs.fact(id)?.type == .list {
            lines.append("\(id)=\(answers.filter { !FactQuestion.isNone($0) }.joined(separator: ","))")
        } else if let answer = answers.first {
            lines.append("\(id)=\(answer)")
        }
        return lines
    }

    /// The parameters the scope check reads: the facts as `fact` fields, one line each, so that
    /// no answer can split into two facts.
    static func checkParameters(_ parameters: Parameters, facts: [String]) -> Parameters {
        Parameters(
            parameters.removing(["fact", "facts", "question", "answer"]).pairs + facts.map { ("fact", $0) })
    }

    let fact: FactDefinition
    let parameters: Parameters
    let facts: [String]

    func render() -> String {
        let hidden =
            Self.carried.compactMap { name in parameters[name].map { Self.hidden(name, $0) } }
            + facts.map { Self.hidden("fact", $0) } + [Self.hidden("question", fact.id)]
        return """
            <form class="panel" method="get" action="/check#result" aria-labelledby="question-heading" \
            data-fact="\(escapeHTML(fact.id))">
            <h3 id="question-heading">Next question</h3>
            <p class="hint">The one fact whose answer could change this decision. Answer it to check again, or \
            give facts in the box above.</p>
            \(hidden.joined())
            \(control())
            <div class="actions"><button type="submit">Answer and check again</button></div>
            </form>
            """
    }

    private func control() -> String {
        FactControl(fact: fact, name: "answer").render()
    }

    private static func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(escapeHTML(value))\">"
    }
}
