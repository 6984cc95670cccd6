import Foundation
import Testing

/// Whole outputs of every verb in every format, pinned by golden files in `Tests/Golden/`.
///
/// A golden file holds the standard output, the standard error and the exit status of one command, run from the
/// repository's root (so paths in the output are relative) with every date given (so nothing depends on today).
/// When an output changes on purpose, re-record with `BAILIWICK_RECORD_GOLDEN=1 swift test --filter Golden` and
/// review the difference with `git diff Tests/Golden` before committing it.
struct GoldenOutputTests {
    static let folder = PackVerbTests.repository.appendingPathComponent("Tests/Golden")
    static let recording = ProcessInfo.processInfo.environment["BAILIWICK_RECORD_GOLDEN"] == "1"

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        var input: String?
        var testDescription: String { name }
    }

    static let problems = "Examples/wa-dissolution-problems.yaml"
    static let brokenCaseload = "Tests/GoldenInputs/caseload-with-broken-files"
    static let negotiate = [
        "check", "-j", "us-wa", "-l", "lllt", "-a", "negotiate", "--on", "2026-03-01",
        "--fact", "written-consent-to-negotiate=true", "--fact", "written-contract=true",
        "--fact", "client.pro-se=true", "--fact", "represents-other-party=false", "--fact", "issues=",
    ]

    static let cases: [Case] = [
        // check: each decision, in each format, and the errors a user meets first.
        Case(name: "check-permitted.txt", arguments: negotiate),
        Case(name: "check-permitted.json", arguments: negotiate + ["--format", "json"]),
        Case(
            name: "check-undetermined.txt",
            arguments: ["check", "-j", "us-wa", "-l", "lllt", "-a", "negotiate", "--on", "2026-03-01"]),
        Case(
            name: "check-unmet-condition.txt",
            arguments: [
                "check", "-j", "us-ut", "-l", "lpp", "-a", "negotiate", "--area", "debt-collection",
                "--on", "2026-12-01", "--fact", "written-contract=false",
            ]),
        // The small-claims limit as a dated parameter: within it on the date, then one dollar over.
        Case(
            name: "check-parameter.txt",
            arguments: [
                "check", "-j", "us-ut", "-l", "lpp", "-a", "file-document", "--area", "debt-collection",
                "--on", "2026-03-01", "--fact", "amount-in-controversy=5000", "--fact", "client.natural-person=true",
                "--fact", "client.represented-by-unaffiliated-lawyer=false", "--fact", "written-contract=true",
                "--fact", "court-approved-form-available=true",
            ]),
        Case(
            name: "check-parameter.json",
            arguments: [
                "check", "-j", "us-ut", "-l", "lpp", "-a", "file-document", "--area", "debt-collection",
                "--on", "2026-03-01", "--fact", "amount-in-controversy=20001", "--fact", "client.natural-person=true",
                "--fact", "client.represented-by-unaffiliated-lawyer=false", "--fact", "written-contract=true",
                "--format", "json",
            ]),
        Case(
            name: "check-prohibited.txt",
            arguments: ["check", "-j", "us-wa", "-l", "lllt", "-a", "appear-in-court", "--on", "2026-03-01"]),
        Case(
            name: "check-prohibited.json",
            arguments: [
                "check", "-j", "us-wa", "-l", "lllt", "-a", "appear-in-court", "--on", "2026-03-01",
                "--format", "json",
            ]),
        Case(
            name: "check-not-authorized.txt",
            arguments: [
                "check", "-j", "ca-on", "-l", "p1", "-a", "appear-in-court", "--on", "2026-03-01",
                "--area", "family",
            ]),
        Case(
            name: "check-unknown-action.txt",
            arguments: ["check", "-j", "us-wa", "-l", "lllt", "-a", "negotaite", "--on", "2026-03-01"]),
        // audit: one matter in every format, a caseload, a redacted report.
        Case(name: "audit-problems.txt", arguments: ["audit", problems]),
        Case(name: "audit-problems.json", arguments: ["audit", problems, "--format", "json"]),
        Case(name: "audit-problems.html", arguments: ["audit", problems, "--format", "html"]),
        Case(name: "audit-problems.junit.xml", arguments: ["audit", problems, "--format", "junit"]),
        Case(name: "audit-problems.ics", arguments: ["audit", problems, "--format", "ics"]),
        Case(name: "audit-problems-redacted.txt", arguments: ["audit", problems, "--redact"]),
        Case(name: "audit-clean.txt", arguments: ["audit", "Examples/wa-dissolution-clean.yaml"]),
        // A matter without a type: scope and licences only, and the notice, in every format.
        Case(name: "audit-no-type.txt", arguments: ["audit", "Examples/ut-no-matter-type.yaml"]),
        Case(name: "audit-no-type.json", arguments: ["audit", "Examples/ut-no-matter-type.yaml", "--format", "json"]),
        Case(name: "audit-no-type.html", arguments: ["audit", "Examples/ut-no-matter-type.yaml", "--format", "html"]),
        Case(
            name: "audit-no-type.junit.xml",
            arguments: ["audit", "Examples/ut-no-matter-type.yaml", "--format", "junit"]),
        Case(name: "audit-wa-eviction-tenant.txt", arguments: ["audit", "Examples/wa-eviction-tenant.yaml"]),
        Case(name: "audit-caseload.txt", arguments: ["audit", "Examples/caseload", "--as-of", "2026-05-01"]),
        Case(
            name: "audit-caseload.json",
            arguments: ["audit", "Examples/caseload", "--as-of", "2026-05-01", "--format", "json"]),
        // A caseload with files that cannot be read, in every format: their problems follow the matters.
        Case(name: "audit-broken-caseload.txt", arguments: ["audit", brokenCaseload, "--as-of", "2026-05-01"]),
        Case(
            name: "audit-broken-caseload.json",
            arguments: ["audit", brokenCaseload, "--as-of", "2026-05-01", "--format", "json"]),
        Case(
            name: "audit-broken-caseload.html",
            arguments: ["audit", brokenCaseload, "--as-of", "2026-05-01", "--format", "html"]),
        Case(
            name: "audit-broken-caseload.junit.xml",
            arguments: ["audit", brokenCaseload, "--as-of", "2026-05-01", "--format", "junit"]),
        // deadlines and holidays.
        Case(
            name: "deadlines-named.txt",
            arguments: ["deadlines", "-j", "us-wa", "--rule", "answer-to-complaint", "--from", "2026-03-08"]),
        Case(
            name: "deadlines-named.json",
            arguments: [
                "deadlines", "-j", "us-wa", "--rule", "answer-to-complaint", "--from", "2026-03-08",
                "--format", "json",
            ]),
        Case(
            name: "deadlines-named.ics",
            arguments: [
                "deadlines", "-j", "us-wa", "--rule", "answer-to-complaint", "--from", "2026-03-08",
                "--format", "ics",
            ]),
        Case(
            name: "deadlines-days-mail.txt",
            arguments: ["deadlines", "-j", "us", "--from", "2026-01-09", "--days", "21", "--service", "mail"]),
        Case(
            name: "deadlines-court-days-before.txt",
            arguments: [
                "deadlines", "-j", "us-wa", "--from", "2026-12-28", "--days", "5", "--court-days",
                "--before",
            ]),
        Case(name: "holidays.txt", arguments: ["holidays", "-j", "us-wa", "--year", "2026"]),
        Case(name: "holidays.json", arguments: ["holidays", "-j", "us-ut", "--year", "2026", "--format", "json"]),
        // The pack author's verbs.
        Case(name: "validate.txt", arguments: ["validate"]),
        Case(name: "validate.json", arguments: ["validate", "--format", "json"]),
        Case(name: "test-us-wa.txt", arguments: ["test", "-j", "us-wa"]),
        Case(name: "test-us-wa.json", arguments: ["test", "-j", "us-wa", "--format", "json"]),
        Case(name: "test-us-wa.junit.xml", arguments: ["test", "-j", "us-wa", "--format", "junit"]),
        Case(name: "explain.txt", arguments: ["explain", "wa-lllt-negotiate-with-consent"]),
        Case(
            name: "explain-packs-folder.txt", arguments: ["explain", "wa-lllt-negotiate-with-consent", "--packs", "."]),
        Case(name: "explain.json", arguments: ["explain", "wa-lllt-negotiate-with-consent", "--format", "json"]),
        Case(name: "list-jurisdictions.txt", arguments: ["list", "jurisdictions"]),
        Case(name: "list-jurisdictions.json", arguments: ["list", "jurisdictions", "--format", "json"]),
        Case(name: "list-licenses-us-wa.txt", arguments: ["list", "licenses", "-j", "us-wa"]),
        Case(name: "list-actions.json", arguments: ["list", "actions", "--format", "json"]),
        Case(name: "list-rules-ca-on.txt", arguments: ["list", "rules", "-j", "ca-on"]),
        Case(name: "list-deadlines-us-wa.txt", arguments: ["list", "deadlines", "-j", "us-wa"]),
        Case(name: "list-facts.txt", arguments: ["list", "facts"]),
        // Every kind in the format not pinned above.
        Case(name: "list-licenses-us-wa.json", arguments: ["list", "licenses", "-j", "us-wa", "--format", "json"]),
        Case(name: "list-actions.txt", arguments: ["list", "actions"]),
        Case(name: "list-areas.txt", arguments: ["list", "areas"]),
        Case(name: "list-areas-ca-on.json", arguments: ["list", "areas", "-j", "ca-on", "--format", "json"]),
        Case(name: "list-facts.json", arguments: ["list", "facts", "--format", "json"]),
        Case(name: "list-rules-ca-on.json", arguments: ["list", "rules", "-j", "ca-on", "--format", "json"]),
        Case(name: "list-rules-us-wa-unverified.txt", arguments: ["list", "rules", "-j", "us-wa", "--unverified"]),
        Case(name: "list-events.txt", arguments: ["list", "events"]),
        Case(name: "list-events.json", arguments: ["list", "events", "--format", "json"]),
        Case(name: "list-deadlines-us-wa.json", arguments: ["list", "deadlines", "-j", "us-wa", "--format", "json"]),
        Case(name: "list-facts-ca-on.txt", arguments: ["list", "facts", "-j", "ca-on"]),
        Case(name: "list-areas-us-wa.txt", arguments: ["list", "areas", "-j", "us-wa"]),
        Case(name: "list-matter-types.json", arguments: ["list", "matter-types", "--format", "json"]),
        Case(name: "list-forms-us-wa.txt", arguments: ["list", "forms", "-j", "us-wa"]),
        Case(
            name: "list-forms-us-wa-dissolution.json",
            arguments: ["list", "forms", "-j", "us-wa", "--type", "dissolution", "--format", "json"]),
        // Help texts, wrapped by the argument parser.
        Case(name: "help-audit.txt", arguments: ["audit", "--help"]),
        Case(name: "help-quiz.txt", arguments: ["quiz", "--help"]),
        Case(name: "help-deadlines.txt", arguments: ["deadlines", "--help"]),
        // The quiz, from a fixed seed, in every format.
        Case(
            name: "quiz.json",
            arguments: [
                "quiz", "-j", "us-ut", "-l", "lpp", "--count", "6", "--seed", "42", "--as-of", "2026-11-22", "--format",
                "json",
            ]),
        Case(
            name: "quiz.gift",
            arguments: [
                "quiz", "-j", "us-ut", "-l", "lpp", "--count", "6", "--seed", "42", "--as-of", "2026-11-22", "--format",
                "gift",
            ]),
        Case(
            name: "quiz.moodle.xml",
            arguments: [
                "quiz", "-j", "us-ut", "-l", "lpp", "--count", "6", "--seed", "42", "--as-of", "2026-11-22", "--format",
                "moodle-xml",
            ]),
        Case(
            name: "quiz.txt",
            arguments: ["quiz", "-j", "us-ut", "-l", "lpp", "--count", "6", "--seed", "42", "--as-of", "2026-11-22"]),
        // Graded against a key written by hand (one answer wrong, one id not in the quiz).
        Case(
            name: "quiz-graded.txt",
            arguments: [
                "quiz", "-j", "us-ut", "-l", "lpp", "--topic", "scope", "--count", "4", "--seed", "30",
                "--as-of", "2026-11-22", "--answers", "Tests/GoldenInputs/quiz-answers.json",
            ]),
        Case(
            name: "quiz-interactive.txt",
            arguments: [
                "quiz", "-j", "us-wa", "--topic", "scope", "--count", "3", "--seed", "7", "--as-of", "2026-11-22",
                "--interactive",
            ],
            // Z is none of the options: it is asked again, and the quiz stops at the end of input.
            input: "A\nB\nZ\nC\n"),
        // What moved since an earlier report (Tests/GoldenInputs/audit-previous.json: the caseload and
        // wa-dissolution-clean.yaml as of 2026-04-01): two responses due soon then are missed and passed
        // by 2026-04-24, and the matter left out of this audit is reported as removed.
        Case(name: "audit-since.txt", arguments: ["audit", "Examples/caseload", "--as-of", "2026-04-24"] + since),
        Case(
            name: "audit-since.json",
            arguments: ["audit", "Examples/caseload", "--as-of", "2026-04-24", "--format", "json"] + since),
        // The shipped packs against a copy with one period changed (the Washington response to a divorce
        // petition, CR 4(a)(2)/CR 12(a), 20 days made 21): exactly that change, and the one matter whose date
        // moves, WA-2026-0231, served 2026-03-19: + 20 days = Wednesday 2026-04-08, + 21 = Thursday 2026-04-09.
        // (WA-2026-0189 was served out of state: its 60-day variant does not change.)
        Case(name: "diff-one-period.txt", arguments: diffOnePeriod),
        Case(name: "diff-one-period.json", arguments: diffOnePeriod + ["--format", "json"]),
        Case(name: "diff-one-period.html", arguments: diffOnePeriod + ["--format", "html"]),
        Case(name: "diff-equal.txt", arguments: ["diff", "shipped", "."]),
        // import: the Clio fixtures (research section 1) by the example mapping, written nowhere (--dry-run):
        // the report with a court-rule date that differs, a billed court attendance and every field not mapped.
        Case(name: "import-clio.txt", arguments: importClio),
        Case(name: "import-clio.json", arguments: importClio + ["--format", "json"]),
        Case(
            name: "import-csv.txt",
            arguments: [
                "import", "csv", "Examples/import/mycase-events.csv", "--mapping", "Examples/import/csv-mapping.yaml",
                "--dry-run", "--as-of", "2026-04-01",
            ]),
    ]

    static let importClio = [
        "import", "clio", "Examples/import/clio", "--mapping", "Examples/import/firm-mapping.yaml", "--dry-run",
        "--as-of", "2026-04-01",
    ]

    static let since = ["--since", "Tests/GoldenInputs/audit-previous.json"]
    static let diffOnePeriod = [
        "diff", "shipped", "Tests/GoldenInputs/packs-one-period-changed", "--caseload", "Examples/caseload",
        "--as-of", "2026-04-01",
    ]

    /// What a golden file holds: the outputs and the status, each labelled.
    static func transcript(_ result: CLI.Result) -> String {
        var text = result.stdout
        if !result.stderr.isEmpty { text += "\n--- stderr ---\n" + result.stderr }
        return text + "\n--- exit \(result.status) ---\n"
    }

    @Test(arguments: cases)
    func outputMatchesItsGoldenFile(_ golden: Case) throws {
        let result = try CLI.run(
            golden.arguments, environment: ["TZ": "UTC", "LC_ALL": "C"],
            directory: PackVerbTests.repository, input: golden.input)
        let actual = Self.transcript(result)
        let file = Self.folder.appendingPathComponent(golden.name)
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOf: file, encoding: .utf8)
        guard let expected else {
            Issue.record("no golden file \(golden.name); record it with BAILIWICK_RECORD_GOLDEN=1")
            return
        }
        if actual != expected {
            Issue.record("\(golden.name) differs from its golden file:\n\(Self.firstDifference(expected, actual))")
        }
    }

    /// Every golden file belongs to a case, so a renamed case cannot leave a stale file that nothing checks.
    @Test func everyGoldenFileHasACase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(files == Self.cases.map(\.name).sorted())
    }

    /// The first line that differs, with its neighbours, so a failure says where without a diff tool.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        let index = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        func line(_ lines: [String], _ at: Int) -> String { at < lines.count ? lines[at] : "(end of output)" }
        return "line \(index + 1)\n  expected: \(line(old, index))\n  actual:   \(line(new, index))"
    }
}
