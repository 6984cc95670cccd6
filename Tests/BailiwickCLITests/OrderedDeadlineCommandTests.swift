import Foundation
import Testing

/// `deadlines:` in a matter file: a date set by court order or stipulation wins over the rule's.
/// The base is Examples/wa-dissolution-response-late.yaml: served in Washington 2026-03-02, the
/// response is due 20 days later (CR 4(a)(2), CR 12(a)), 2026-03-22, a Sunday, so Monday 2026-03-23
/// (CR 6(a)); the response was filed 2026-03-27.
struct OrderedDeadlineCommandTests {
    static let base = AuditCommandTests.examples.appendingPathComponent("wa-dissolution-response-late.yaml")

    /// The example with `block` appended; the first line of `block` is `firstLine` of the file.
    func matter(_ block: String, in folder: URL) throws -> (path: String, firstLine: Int) {
        var text = try String(contentsOf: Self.base, encoding: .utf8)
        if !text.hasSuffix("\n") { text += "\n" }
        let firstLine = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let path = folder.appendingPathComponent("matter.yaml").path
        try (text + block).write(toFile: path, atomically: true, encoding: .utf8)
        return (path, firstLine)
    }

    func audit(_ path: String, _ extra: [String] = []) throws -> (status: Int32, findings: [[String: Any]]) {
        let result = try CLI.run(["audit", path, "--format", "json"] + extra)
        let matters = try #require(try CLI.json(result.stdout)["matters"] as? [[String: Any]])
        return (result.status, try #require(matters.first?["findings"] as? [[String: Any]]))
    }

    func response(_ findings: [[String: Any]], code: String? = nil) -> [String: Any]? {
        findings.first { finding in
            finding["deadline"] as? String == "dissolution-response"
                && (code == nil || finding["code"] as? String == code)
        }
    }

    @Test func anOrderedDateWinsOverTheRulesAndTheReportSaysSo() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The order moved the response to Monday 2026-03-30: the response of 2026-03-27 is on time,
        // and FL Divorce 210, due by the response deadline, is no longer late.
        let (path, line) = try matter(
            """
            deadlines:
              - {rule: dissolution-response, due: 2026-03-30, by: order, on: 2026-03-20, note: Client in hospital}

            """, in: folder)
        let (status, findings) = try audit(path)
        #expect(status == 0)
        #expect(findings.filter { $0["severity"] as? String != "info" }.isEmpty)
        let met = try #require(response(findings))
        #expect(met["code"] as? String == "DEADLINE-MET")
        #expect(met["date"] as? String == "2026-03-30")
        // A met deadline points at what met it, the response-filed event (line 47), as without an order.
        #expect(met["line"] as? Int == 47)
        #expect(line > 47)
        let setBy = try #require(met["set-by"] as? [String: Any])
        #expect(setBy["by"] as? String == "order")
        #expect(setBy["on"] as? String == "2026-03-20")
        #expect(setBy["computed"] as? String == "2026-03-23")
        let sentence = "Date set by court order of 2026-03-20; the rule alone gives Monday 2026-03-23."
        for format in ["text", "html"] {
            let report = try CLI.run(["audit", path, "--format", format]).stdout
            #expect(report.contains(sentence))
            #expect(!report.contains("hospital"))
        }
    }

    @Test func aStipulatedDateFarFromTheRulesIsAWarning() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 2026-03-23 to 2026-09-30: 8 (to 03-31) + 30 + 31 + 30 + 31 + 31 + 30 = 191 days, over 90.
        let (path, line) = try matter(
            "deadlines:\n  - {rule: dissolution-response, due: 2026-09-30, by: stipulation}\n", in: folder)
        let (_, findings) = try audit(path)
        let unusual = try #require(response(findings, code: "DEADLINE-ORDERED-DATE-UNUSUAL"))
        #expect(unusual["severity"] as? String == "warning")
        #expect(unusual["line"] as? Int == line + 1)
        let detail = try #require(unusual["detail"] as? [String: Any])
        #expect(detail["concern"] as? String == "far-from-computed")
        #expect(detail["days-from-computed"] as? Int == 191)
        #expect(response(findings, code: "DEADLINE-MET")?["date"] as? String == "2026-09-30")
    }

    @Test func anOrderedDateBeforeItsTriggerIsAWarning() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 2026-02-27 is before service (2026-03-02); the response of 2026-03-27 is then 28 days late.
        let (path, _) = try matter(
            "deadlines:\n  - {rule: dissolution-response, due: 2026-02-27, by: order, on: 2026-02-20}\n", in: folder)
        let (status, findings) = try audit(path)
        #expect(status == 1)
        let unusual = try #require(response(findings, code: "DEADLINE-ORDERED-DATE-UNUSUAL"))
        let detail = try #require(unusual["detail"] as? [String: Any])
        #expect(detail["concern"] as? String == "before-trigger")
        #expect(detail["trigger"] as? String == "2026-03-02")
        let late = try #require(response(findings, code: "DEADLINE-LATE"))
        #expect((late["detail"] as? [String: Any])?["days-late"] as? Int == 28)
    }

    @Test func badEntriesAreLocatedErrorsThatNeverQuoteTheNote() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, line) = try matter(
            """
            deadlines:
              - {rule: notice-of-apeal, due: 2026-05-01, by: order, note: Secret-Note-1}
              - {rule: dissolution-response, due: 2026-02-30, by: order, note: Secret-Note-2}
              - {rule: post-judgment-motion, due: 2026-05-01, by: agreement, note: Secret-Note-3}
              - {rule: dissolution-response, due: 2026-04-01, by: order, note: Secret-Note-4}
              - {rule: dissolution-response, due: 2026-04-02, by: stipulation, note: Secret-Note-5}

            """, in: folder)
        let result = try CLI.run(["audit", path])
        #expect(result.status == 2)
        // An unreadable matter is part of the report, beside the others.
        let errors = result.stdout + result.stderr
        #expect(
            errors.contains(
                "\(path):\(line + 1):12: error: 'notice-of-apeal' is not a deadline of the dissolution-response "
                    + "matter type"))
        #expect(errors.contains("did you mean 'notice-of-appeal'"))
        // Columns: the value after "  - {rule: " (11 characters), "dissolution-response, due: " (27 more)...
        #expect(errors.contains("\(path):\(line + 2):39: error:"))
        #expect(errors.contains("\(path):\(line + 3):55: error: 'by' must be one of order, stipulation"))
        // The entry with the impossible date still names its rule, so the next one is the second.
        #expect(errors.contains("\(path):\(line + 4):12: error: a second date for deadline 'dissolution-response'"))
        #expect(errors.contains("\(path):\(line + 5):12: error: a second date for deadline 'dissolution-response'"))
        #expect(!errors.contains("Secret-Note"))
    }

    @Test func deadlinesNeedAMatterType() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = AuditCommandTests.examples.appendingPathComponent("ut-no-matter-type.yaml")
        let path = folder.appendingPathComponent("untyped.yaml").path
        let text = try String(contentsOf: source, encoding: .utf8)
        try (text + "\ndeadlines: [{rule: answer, due: 2026-05-01, by: order}]\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["audit", path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("'deadlines' needs the matter's 'type'"))
    }
}
