import BailiwickReports

/// The frame every page shares: navigation, a skip link, the main content and the disclaimer.
enum Layout {
    static let sections: [(path: String, title: String)] = [
        ("/check", "Check scope"), ("/audit", "Audit a matter"), (MatterEditorPage.path, MatterEditorPage.title),
        ("/deadlines", "Deadlines"),
        ("/holidays", "Court holidays"), ("/quiz", "Quiz"), ("/packs", "Rule packs"),
    ]

    static func page(_ title: String, path: String, body: String) -> String {
        let links = sections.map { section in
            // A page under a section is that section's, unless it is a section of its own.
            let current =
                path == section.path
                || (path.hasPrefix(section.path + "/") && !sections.contains { $0.path == path })
            return "<li><a href=\"\(section.path)\"\(current ? " aria-current=\"page\"" : "")>\(section.title)</a></li>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escapeHTML(title)) · Bailiwick</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/assets/app.css">
            <script src="/assets/app.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="site"><a class="brand" href="/">Bailiwick</a>
            <nav aria-label="Main"><ul>\(links.joined())</ul></nav></header>
            <main id="main" tabindex="-1">
            <h1>\(escapeHTML(title))</h1>
            \(TableDates.keptWhole(body))
            </main>
            <footer class="site">\(escapeHTML(DecisionText.disclaimer))</footer>
            </body>
            </html>

            """
    }

    /// Where a form's answer (or its error) goes: the form's submission jumps here.
    static func result(_ html: String) -> String {
        html.isEmpty ? "" : "<div id=\"result\">\(html)</div>"
    }

    /// An error box for input the user must correct.
    static func problem(_ message: String) -> String {
        "<div class=\"alert\" role=\"alert\"><strong>Cannot answer:</strong> \(escapeHTML(message))</div>"
    }
}

/// Form controls with their labels, so every field is named for screen readers.
enum Field {
    /// One option of a select. `jurisdictions`, when given, lets the script offer the option only
    /// while one of them is the chosen jurisdiction (`data-filter-by` on the select).
    struct Choice {
        let value: String
        let label: String
        var jurisdictions: [String] = []
    }

    static func select(
        _ name: String, label: String, options: [(value: String, label: String)], selected: String?,
        blank: String? = nil, hint: String? = nil, attributes: String = ""
    ) -> String {
        select(
            name, label: label, groups: [(nil, options.map { Choice(value: $0.value, label: $0.label) })],
            selected: selected,
            blank: blank, hint: hint, attributes: attributes)
    }

    /// A select whose options may be grouped under headings; empty groups are left out. With
    /// `within`, an option offered only in some jurisdictions is selected only in that one's group:
    /// the same id (`answer-to-complaint`) is in many, and the script hides all groups but one.
    static func select(
        _ name: String, label: String, groups: [(heading: String?, choices: [Choice])], selected: String?,
        within jurisdiction: String? = nil, blank: String? = nil, hint: String? = nil,
        attributes: String = ""
    ) -> String {
        func isSelected(_ choice: Choice) -> Bool {
            guard choice.value == selected else { return false }
            guard let jurisdiction, !choice.jurisdictions.isEmpty else { return true }
            return choice.jurisdictions.contains(jurisdiction)
        }
        var items = blank.map { ["<option value=\"\">\(escapeHTML($0))</option>"] } ?? []
        for group in groups where !group.choices.isEmpty {
            let options = group.choices.map { choice in
                "<option value=\"\(escapeHTML(choice.value))\""
                    + (choice.jurisdictions.isEmpty
                        ? "" : " data-jurisdictions=\"\(choice.jurisdictions.joined(separator: " "))\"")
                    + (isSelected(choice) ? " selected" : "") + ">\(escapeHTML(choice.label))</option>"
            }.joined()
            items.append(group.heading.map { "<optgroup label=\"\(escapeHTML($0))\">\(options)</optgroup>" } ?? options)
        }
        return wrap(
            name, label: label, hint: hint,
            control:
                "<select id=\"\(name)\" name=\"\(name)\"\(describedBy(name, hint))\(attributes)>"
                + "\(items.joined())</select>"
        )
    }

    /// `id` defaults to the name; give one where a page has two forms with the same field.
    static func input(
        _ name: String, id: String? = nil, label: String, type: String = "text", value: String?, hint: String? = nil,
        attributes: String = ""
    ) -> String {
        let id = id ?? name
        return wrap(
            id, label: label, hint: hint,
            control: "<input id=\"\(id)\" name=\"\(name)\" type=\"\(type)\" "
                + "value=\"\(escapeHTML(value ?? ""))\"\(describedBy(id, hint))\(attributes)>")
    }

    static func textarea(
        _ name: String, label: String, value: String?, rows: Int, hint: String? = nil,
        attributes: String = ""
    ) -> String {
        wrap(
            name, label: label, hint: hint,
            control: "<textarea id=\"\(name)\" name=\"\(name)\" rows=\"\(rows)\""
                + "\(describedBy(name, hint))\(attributes)>\(escapeHTML(value ?? ""))</textarea>")
    }

    static func checkbox(_ name: String, id: String? = nil, label: String, checked: Bool) -> String {
        let id = id ?? name
        return
            "<div class=\"field check\"><input id=\"\(id)\" name=\"\(name)\" type=\"checkbox\" "
            + "value=\"true\"\(checked ? " checked" : "")>"
            + "<label for=\"\(id)\">\(escapeHTML(label))</label></div>"
    }

    /// A number field's `min` and `max` attributes: the request's own limits.
    static func range(_ limits: ClosedRange<Int>) -> String {
        " min=\"\(limits.lowerBound)\" max=\"\(limits.upperBound)\""
    }

    private static func describedBy(_ name: String, _ hint: String?) -> String {
        hint == nil ? "" : " aria-describedby=\"\(name)-hint\""
    }

    private static func wrap(_ name: String, label: String, hint: String?, control: String) -> String {
        "<div class=\"field\"><label for=\"\(name)\">\(escapeHTML(label))</label>"
            + (hint.map { "<p class=\"hint\" id=\"\(name)-hint\">\(escapeHTML($0))</p>" } ?? "") + control + "</div>"
    }
}
