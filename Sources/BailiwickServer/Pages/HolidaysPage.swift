import Bailiwick
import BailiwickReports

/// A jurisdiction's court holidays for a year.
struct HolidaysPage {
    let pages: Pages

    func render(_ parameters: Parameters) -> String {
        var result = ""
        if parameters["jurisdiction"] != nil {
            do {
                let holidays = try pages.service.holidays(parameters)
                let rows = holidays.observed.map { observed -> String in
                    let holiday = holidays.calendar.holiday(observed.holidayID)
                    let shifted =
                        observed.observed != observed.date
                        ? " (observed; falls on \(observed.date.weekday) \(observed.date))" : ""
                    return
                        "<tr><td>\(observed.observed.weekday) "
                        + "\(observed.observed)\(shifted)</td><td>\(escapeHTML(observed.name))</td>"
                        + "<td>\(holiday.map { Pages.citation($0.citation) } ?? "")</td></tr>"
                }
                result = """
                    <section aria-labelledby="holidays-heading"><h2 \
                    id="holidays-heading">\(escapeHTML(holidays.jurisdiction.name)) court holidays, \
                    \(holidays.year)</h2>
                    <p>Rule: \(Pages.citation(holidays.calendar.citation))</p>
                    <div class="table-wrap"><table id="holidays"><thead><tr><th scope="col">Court closed</th><th \
                    scope="col">Holiday</th>\
                    <th scope="col">Rule</th></tr></thead><tbody>\(rows.joined())</tbody></table></div>
                    <p class="muted">Weekend holidays are shown on the day the court observes them. Days a court \
                    closes by \
                    proclamation or local order are not included.</p>\
                    \(holidays.calendar.note.map(NoteHTML.block) ?? "")</section>
                    """
            } catch {
                result = Layout.problem(error)
            }
        }
        let calendars = pages.packs.jurisdictions.filter { pages.packs.calendar(for: $0.id) != nil }.map {
            ($0.id, "\($0.name) (\($0.id))")
        }
        let form = """
            <form class="panel" method="get" action="/holidays#result" aria-label="Court holidays">
            <div class="grid">
            \(Field.select("jurisdiction", label: RequestField.jurisdiction.label, options: calendars,
                selected: parameters["jurisdiction"],
                           blank: "Choose a jurisdiction", attributes: " required"))
            \(Field.input("year", label: RequestField.year.label, type: "number", value: parameters["year"]
                ?? String(pages.service.today.year),
                          attributes: Field.range(HolidaysRequest.years)))
            </div>
            <div class="actions"><button type="submit">Show holidays</button></div>
            </form>
            """
        return Layout.page("Court holidays", path: "/holidays", body: form + Layout.result(result))
    }
}
