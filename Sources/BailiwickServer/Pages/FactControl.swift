import Bailiwick
import BailiwickReports

/// The control a fact is answered with on a page, labelled by its plain description: yes/no, its
/// allowed values, a number or a date. The /check page's next question asks one fact that must be
/// answered; the matter editor shows every fact of a matter type, each of which may stay unknown.
struct FactControl {
    let fact: FactDefinition
    /// The form field's name; element ids are made from it.
    let name: String
    /// The values given so far (several for a list), shown selected.
    var given: [String] = []
    /// The fact may be left unknown: yes/no gets "Not known", a list gets a "None applies" box
    /// (nothing ticked is then "not known", not "none").
    var optional = false

    var label: String { "\(fact.description) (\(fact.id))" }

    func render() -> String {
        let hint = FactQuestion.takes(fact) + (optional ? "; empty: not known" : "")
        let required = optional ? "" : " required"
        switch fact.type {
        case .boolean:
            let unknown = optional ? [("", "Not known")] : []
            return choices(type: "radio", [("true", "Yes"), ("false", "No")] + unknown, hint: nil)
        case .string where fact.allowedValues != nil:
            return Field.select(
                name, label: label, options: (fact.allowedValues ?? []).map { ($0, $0) }, selected: given.first,
                blank: optional ? "Not known" : "Choose one", attributes: required)
        case .list where fact.allowedValues != nil:
            let none = optional ? [(FactQuestion.none, "None applies")] : []
            return choices(
                type: "checkbox", (fact.allowedValues ?? []).map { ($0, $0) } + none,
                hint: optional
                    ? "Tick every one that applies, or “None applies”; none ticked: not known."
                    : "Tick every one that applies; none ticked means none applies.")
        case .integer:
            let bounds =
                (fact.minimum.map { " min=\"\($0)\"" } ?? "") + (fact.maximum.map { " max=\"\($0)\"" } ?? "")
            return Field.input(
                name, label: label, type: "number", value: given.first, hint: hint, attributes: bounds + required)
        case .date:
            return Field.input(name, label: label, type: "date", value: given.first, hint: hint, attributes: required)
        case .string, .list:
            return Field.input(
                name, label: label, value: given.isEmpty ? nil : given.joined(separator: ","), hint: hint,
                attributes: fact.type == .list ? "" : required)
        }
    }

    /// Radios or checkboxes in a fieldset whose legend is the question. An optional yes/no with
    /// nothing given shows "Not known" chosen.
    private func choices(type: String, _ options: [(value: String, label: String)], hint: String?) -> String {
        let chosen = optional && type == "radio" && given.isEmpty ? [""] : given
        let items = options.enumerated().map { index, option in
            let id = "\(name)-\(index + 1)"
            let checked = chosen.contains(option.value) ? " checked" : ""
            return "<div class=\"field check\"><input id=\"\(escapeHTML(id))\" name=\"\(escapeHTML(name))\" "
                + "type=\"\(type)\" value=\"\(escapeHTML(option.value))\""
                + "\(type == "radio" && !optional ? " required" : "")\(checked)>"
                + "<label for=\"\(escapeHTML(id))\">\(escapeHTML(option.label))</label></div>"
        }
        let note = hint.map { "<p class=\"hint\">\(escapeHTML($0))</p>" } ?? ""
        return "<fieldset class=\"question\">"
            + "<legend>\(escapeHTML(label))</legend>\(note)\(items.joined())</fieldset>"
    }
}
