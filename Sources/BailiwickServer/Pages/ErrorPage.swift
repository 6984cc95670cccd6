import BailiwickReports
import Hummingbird

/// A page that is only an error (an unknown address, a wrong method, a form too large, a server
/// failure): the app's navigation, what went wrong in a sentence, and the way back home, so that
/// no error leaves a user on a blank page. An error in a form's input is shown on the form's own
/// page instead (`Layout.problem`), with what was typed kept.
enum ErrorPage {
    /// A way on from the error, besides the home page.
    typealias Link = (path: String, label: String)

    static func response(
        _ status: HTTPResponse.Status, _ message: String, title: String? = nil, section: String = "",
        next: [Link] = []
    ) -> Response {
        Reply.html(render(status, message, title: title, section: section, next: next), status: status)
    }

    /// `section`: the navigation's entry to mark as current, when the error is within one.
    static func render(
        _ status: HTTPResponse.Status, _ message: String, title: String? = nil, section: String = "",
        next: [Link] = []
    ) -> String {
        let links = (next + [("/", "Go to the home page")]).map { "<a href=\"\($0.path)\">\(escapeHTML($0.label))</a>" }
        let body =
            "<div class=\"alert\" role=\"alert\"><p>\(escapeHTML(Layout.sentence(message)))</p></div>"
            + "<p class=\"next\">\(links.joined(separator: " · "))</p>"
        return Layout.page(title ?? Self.title(status), path: section, body: body)
    }

    /// The page's heading: what happened, in words rather than a status code.
    static func title(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: "Page not found"
        case 405: "Not available this way"
        case 413: "Too large"
        case 500: "Server error"
        case 503: "Busy"
        default: status.reasonPhrase.isEmpty ? "Error \(status.code)" : status.reasonPhrase
        }
    }
}
