import Bailiwick

/// `audit --format html`: one self-contained page (no scripts, fonts or images from elsewhere),
/// readable on screen and in print, with an SVG timeline of each matter beside its findings.
public struct AuditHTML: AuditReporter {
    public init() {}

    public var separator: String { "\n" }

    public func head(_ summary: CaseloadSummary) -> String {
        let title = summary.isCaseload ? "Caseload audit" : "Audit of \(summary.rows.first?.id ?? "a matter")"
        var body = [
            "<header><h1>\(htmlText(title))</h1><p class=\"muted\">Bailiwick audit "
                + "report\(summary.asOf.map { " · as of \($0)" } ?? "")</p></header>"
        ]
        if summary.isCaseload { body.append(self.summary(summary)) }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(htmlText(title))</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            \(body.joined(separator: "\n"))

            """
    }

    public func matter(_ report: AuditReport, in caseload: Bool) -> String { section(report) }

    public func unreadable(_ invalid: UnreadableMatter, in caseload: Bool) -> String {
        let problems = invalid.problems.diagnostics.map {
            "<li><code>\(htmlText($0.location.description))</code> \(htmlText($0.message))</li>"
        }
        return
            "\n<section class=\"matter\"><h2>Could not read "
            + "\(htmlText(invalid.file))</h2><ul>\(problems.joined())</ul></section>"
    }

    public func tail(_ summary: CaseloadSummary) -> String {
        "\n<footer class=\"muted\">\(htmlText(DecisionText.disclaimer))</footer>\n</body>\n</html>\n"
    }

    public static let css = """
        :root{--error:#b3261e;--warning:#8a5a00;--info:#4a5568;--ink:#1a202c;--line:#d7dce3;--event:#2b6cb0;\
        --ok:#2f7d32}
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);max-width:1100px;\
        margin:0 auto;padding:1.5rem}
        h1{font-size:1.6rem;margin:0}h2{font-size:1.25rem;margin:.2rem 0}h3{font-size:1rem;margin:1.2rem 0 .4rem}
        .muted{color:#5a6472}.matter{border-top:2px solid var(--line);padding-top:1rem;margin-top:1.5rem;\
        break-before:page}
        .matter:first-of-type{break-before:auto}
        .badges span{display:inline-block;border-radius:1rem;padding:.1rem \
        .7rem;margin-right:.4rem;font-weight:600;font-size:.85rem}
        .b-error{background:#fde8e7;color:var(--error)}.b-warning{background:#fff3d6;color:var(--warning)}\
        .b-info,.b-none{background:#edf0f4;color:var(--info)}
        .layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.5rem}
        @media (max-width:800px){.layout{grid-template-columns:1fr}}
        .finding{border-left:4px solid var(--line);padding:.3rem .7rem;margin:.5rem \
        0;background:#fafbfc;break-inside:avoid}
        .finding.error{border-color:var(--error)}.finding.warning{border-color:var(--warning)}\
        .finding.info{border-color:#a0aec0}
        .finding .code{font-weight:700;font-size:.85rem}.finding.error .code{color:var(--error)}.finding.warning \
        .code{color:var(--warning)}
        .finding p{margin:.2rem 0}.finding .rule,.finding .where{font-size:.85rem;color:#5a6472}
        table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.3rem \
        .5rem;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:normal;word-break:normal}
        .table-wrap{overflow-x:auto}
        svg{width:100%;height:auto;border:1px solid var(--line);background:#fff}
        svg text{font:11px system-ui,sans-serif;fill:#2d3748}
        ol.followups li{margin:.3rem 0}
        code{font-size:.85rem}
        footer{margin-top:2rem;font-size:.85rem}
        @media print{body{max-width:none;padding:0}.layout{grid-template-columns:1fr}}
        """

    private func summary(_ summary: CaseloadSummary) -> String {
        var rows = summary.rows.map { row in
            "<tr><td><a href=\"#\(anchor(row.id))\">\(htmlText(row.id))</a></td><td>\(htmlText(row.jurisdiction))</td>"
                + "<td>\(htmlText(row.typeName ?? FindingText.noMatterType))</td>"
                + "<td>\(row.errors)</td><td>\(row.warnings)</td>"
                + "<td>\(row.nextDeadline?.description ?? "–")</td></tr>"
        }
        rows += summary.invalid.map { "<tr><td colspan=\"6\">Unreadable: \(htmlText($0.file))</td></tr>" }
        return """
            <section><h2>Summary</h2><p class="muted">Worst first: most errors, then most warnings, then the nearest \
            deadline.</p>
            <div class="table-wrap"><table><thead><tr><th scope="col">Matter</th><th scope="col">Jurisdiction</th>\
            <th scope="col">Type</th><th scope="col">Errors</th><th scope="col">Warnings</th>\
            <th scope="col">Next deadline</th></tr></thead>
            <tbody>\(rows.joined())</tbody></table></div></section>
            """
    }

    private func anchor(_ id: String) -> String {
        "m-"
            + String(
                id.unicodeScalars.map {
                    ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                        ? Character($0) : "-"
                })
    }

    private func section(_ report: AuditReport) -> String {
        let matter = report.matter
        let findings = report.findings.map { finding in
            let remedy =
                finding.severity != .info
                ? "<p><strong>What to do:</strong> \(htmlText(FindingText.remedy(finding)))</p>" : ""
            let rule =
                finding.citation.map { citation in
                    let source = FindingText.source(finding).map { "\($0) · " } ?? ""
                    return "<p class=\"rule\">Rule: \(htmlText(source))\(htmlText(citation.text)) · "
                        + "source: \(htmlText(citation.status.rawValue))</p>"
                } ?? ""
            let severity = FindingText.severityName(finding.severity).uppercased()
            let closures = FindingText.closureWarnings(finding).map {
                "\n<p><strong>Caution:</strong> \(htmlText($0))</p>"
            }
            return """
                <div class="finding \(finding.severity.rawValue)"><span \
                class="code">\(severity) · \(finding.code.rawValue)</span>
                <p>\(htmlText(FindingText.message(finding)))</p>\(closures.joined())
                \(remedy)
                \(rule)
                <p class="where">\(htmlText(finding.location.description))</p></div>
                """
        }
        let followUps = report.followUps.map { finding in
            let day = finding.actOn(asOf: report.asOf)!
            return "<li><strong>\(day)</strong> <span class=\"b-\(finding.severity.rawValue)\">"
                + "\(FindingText.severityName(finding.severity))</span> "
                + htmlText(FindingText.followUp(finding))
                + " <span class=\"muted\">(\(htmlText(FindingText.followUpDate(finding))))</span></li>"
        }
        // Coloured by severity only when there is something to see: "0 errors" is not an alarm.
        let badges = Finding.Severity.allCases.map { severity -> String in
            let count = report.count(severity)
            return "<span class=\"b-\(count == 0 ? "none" : severity.rawValue)\">"
                + "\(FindingText.plural(count, FindingText.severityName(severity)))</span>"
        }.joined()
        let timelineRows = report.timeline.map { entry in
            "<tr><td>\(entry.date)</td><td>\(entry.kind.rawValue)</td>"
                + "<td>\(htmlText(FindingText.label(entry)))"
                + FindingText.closureWarnings(entry).map { "<br><strong>Caution:</strong> \(htmlText($0))" }.joined()
                + "</td></tr>"
        }.joined()
        let typeName = matter.type?.name ?? FindingText.noMatterType
        let followUpList =
            followUps.isEmpty
            ? "<p class=\"muted\">Nothing to follow up.</p>"
            : "<p class=\"muted\">By the day to act; anything past is due now.</p>"
                + "<ol class=\"followups\">\(followUps.joined())</ol>"
        return """
            <section class="matter" id="\(anchor(matter.id))">
            <h2>\(htmlText(matter.id))\(matter.title.map { " · " + htmlText($0) } ?? "")</h2>
            <p class="muted">\(htmlText(typeName)) · \(htmlText(matter.jurisdiction.name)) · audited as of \
            \(report.asOf) · file <code>\(htmlText(matter.file))</code></p>
            <p class="badges">\(badges)</p>
            <h3>Timeline</h3>\(TimelineSVG(report: report).render())
            <details><summary>Timeline as a list</summary><div class="table-wrap"><table><tbody>\(timelineRows)</tbody>\
            </table></div></details>
            <div class="layout">
            <div><h3>Follow-up list</h3>\(followUpList)</div>
            <div><h3>Findings</h3>\(findings.isEmpty ? "<p>No findings.</p>" : findings.joined(separator: "\n"))</div>
            </div>
            </section>
            """
    }
}

/// The matter's dated entries on one horizontal time axis, one lane per kind.
struct TimelineSVG {
    let report: AuditReport

    static let lanes: [(TimelineEntry.Kind, String)] = [
        (.event, "Events"), (.filing, "Filings"), (.action, "Actions"),
        (.deadline, "Deadlines"), (.waitingPeriod, "Waiting"),
    ]

    func render() -> String {
        let entries = report.timeline
        let dates = entries.map(\.date) + [report.asOf]
        let earliest = dates.min()!
        let latest = dates.max()!
        // Three days of margin each side, in day numbers: a margin may lie outside the calendar.
        let firstDay = earliest.dayNumber - 3
        let span = Double(max(1, latest.dayNumber + 3 - firstDay))
        let width = 1000.0
        let left = 90.0
        let right = 20.0
        let rowHeight = 15.0
        let rows = 3
        let laneHeight = rowHeight * Double(rows) + 22
        let height = 34 + laneHeight * Double(Self.lanes.count) + 22
        func x(_ date: CivilDate) -> Double { left + (width - left - right) * Double(date.dayNumber - firstDay) / span }
        var parts: [String] = []
        parts.append(
            "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"Timeline of the matter's "
                + "events, filings, actions and deadlines\">"
        )
        for (index, lane) in Self.lanes.enumerated() {
            let top = 34 + laneHeight * Double(index)
            let axis = top + 8
            parts.append("<text x=\"6\" y=\"\(fmt(axis + 4))\" font-weight=\"600\">\(lane.1)</text>")
            parts.append(
                "<line x1=\"\(fmt(left))\" y1=\"\(fmt(axis))\" x2=\"\(fmt(width - right))\" y2=\"\(fmt(axis))\" "
                    + "stroke=\"#d7dce3\"/>"
            )
            // Labels go in the first row below the axis where they do not overlap the previous
            // label; a label with no room is left to the marker's tooltip and the list below.
            var taken = Array(repeating: [ClosedRange<Double>](), count: rows)
            for entry in Self.drawingOrder(entries.filter { $0.kind == lane.0 }) {
                let cx = x(entry.date)
                let color = colour(entry)
                let full = FindingText.label(entry)
                let label = full.count > 34 ? String(full.prefix(33)) + "…" : full
                let labelWidth = Double(label.count) * 5.6 + 6
                // Right of the marker, or left of it near the right edge.
                let fitsRight = cx + labelWidth <= width - 4
                let span = fitsRight ? cx...(cx + labelWidth) : (cx - labelWidth)...cx
                var text = ""
                if let row = taken.firstIndex(where: { $0.allSatisfy { !$0.overlaps(span) } }) {
                    taken[row].append(span)
                    let y = axis + rowHeight * Double(row + 1) + 2
                    let anchor = fitsRight ? "" : " text-anchor=\"end\""
                    text =
                        "<line x1=\"\(fmt(cx))\" y1=\"\(fmt(axis))\" x2=\"\(fmt(cx))\" y2=\"\(fmt(y - 9))\" "
                        + "stroke=\"\(color)\" stroke-opacity=\".4\"/>"
                        + "<text x=\"\(fmt(fitsRight ? cx + 2 : cx - 2))\" "
                        + "y=\"\(fmt(y))\"\(anchor)>\(htmlText(label))</text>"
                }
                parts.append(
                    "<g><title>\(htmlText("\(entry.date): \(full)"))</title>\(text)"
                        + "<circle cx=\"\(fmt(cx))\" cy=\"\(fmt(axis))\" r=\"5\" fill=\"\(color)\"/></g>")
            }
        }
        let asOfX = x(report.asOf)
        let asOfLabel = "as of \(report.asOf)"
        let labelX = asOfX + 80 > width ? asOfX - 84 : asOfX + 4
        parts.append(
            "<line x1=\"\(fmt(asOfX))\" y1=\"20\" x2=\"\(fmt(asOfX))\" y2=\"\(fmt(height - 20))\" stroke=\"#1a202c\" "
                + "stroke-dasharray=\"4 3\"/>"
        )
        parts.append("<text x=\"\(fmt(labelX))\" y=\"14\" font-weight=\"600\">\(asOfLabel)</text>")
        parts.append("<text x=\"\(fmt(left))\" y=\"\(fmt(height - 6))\">\(earliest)</text>")
        parts.append("<text x=\"\(fmt(width - right - 64))\" y=\"\(fmt(height - 6))\">\(latest)</text>")
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// Entries in the order they are drawn: by date, and on one date the worst last, so that its
    /// marker is on top and never hidden under a milder one at the same place.
    static func drawingOrder(_ entries: [TimelineEntry]) -> [TimelineEntry] {
        func rank(_ severity: Finding.Severity?) -> Int {
            switch severity {
            case nil: 0
            case .info?: 1
            case .warning?: 2
            case .error?: 3
            }
        }
        return entries.enumerated().sorted { a, b in
            (a.element.date, rank(a.element.severity), a.offset) < (b.element.date, rank(b.element.severity), b.offset)
        }.map(\.element)
    }

    private func colour(_ entry: TimelineEntry) -> String {
        switch entry.severity {
        case .error?: "#b3261e"
        case .warning?: "#c27c00"
        case .info?: entry.kind == .action ? "#2f7d32" : "#718096"
        case nil: entry.kind == .action ? "#2f7d32" : "#2b6cb0"
        }
    }

    private func fmt(_ value: Double) -> String { String(Int(value.rounded())) }
}

/// Text made safe inside HTML elements and attribute values. The text is kept exactly (a form
/// field posts back what it was given): characters that could reorder or hide text are written
/// as character references, which a browser reads back as they were.
public func escapeHTML(_ text: String) -> String { escapeMarkup(text) }

/// A value shown in the audit report: a page is not a terminal, but a bidirectional override in
/// a name or title reorders what the reader sees, so the report shows such characters (and
/// controls) as `TerminalEscape` does on a terminal: the same escapes in every report format.
package func htmlText(_ text: String) -> String {
    escapeHTML(TerminalEscape.escape(text))
}
