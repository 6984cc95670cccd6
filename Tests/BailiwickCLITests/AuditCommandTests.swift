import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `bailiwick audit` on the shipped examples, as a supervisor runs it.
struct AuditCommandTests {
    static let examples = PackVerbTests.repository.appendingPathComponent("Examples")

    func example(_ name: String) -> String { Self.examples.appendingPathComponent(name).path }

    /// `CODE@line` of each error and warning, from the JSON report.
    func findings(_ path: String, _ extra: [String] = []) throws -> [String] {
        let result = try CLI.run(["audit", path, "--format", "json"] + extra)
        let matters = try #require(try CLI.json(result.stdout)["matters"] as? [[String: Any]])
        return matters.flatMap { matter in
            (matter["findings"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String != "info" }
                .map { "\($0["code"] as! String)@\($0["line"] as! Int)" }
        }
    }

    @Test func eachExampleShowsTheFindingsItsHeaderPromises() throws {
        #expect(try findings(example("wa-dissolution-clean.yaml")) == [])
        #expect(
            try findings(example("wa-dissolution-problems.yaml")) == [
                "FORM-MISSING@34", "LICENSE-ADMISSIONS-CLOSED@43", "WAITING-PERIOD-VIOLATED@70",
                "SCOPE-CONDITION-UNMET@92",
                "SCOPE-PROHIBITED@108", "FORM-MAY-BE-REQUIRED@34", "DEADLINE-DUE-SOON@71",
            ])
        #expect(try findings(example("wa-dissolution-response-late.yaml")) == ["DEADLINE-LATE@47", "FORM-LATE@78"])
        #expect(try findings(example("wa-unlawful-detainer.yaml")) == ["DEADLINE-DUE-SOON@46"])
        #expect(try findings(example("wa-eviction-tenant.yaml")) == ["DEADLINE-MISSED@43"])
        #expect(
            try findings(example("ut-no-matter-type.yaml")) == [
                "LICENSE-NOT-VALID@35", "SCOPE-PROHIBITED@47", "MATTER-TYPE-NOT-GIVEN@14",
            ])
        #expect(try findings(example("us-federal-answer.yaml")) == ["DEADLINE-DUE-SOON@41"])
        #expect(try findings(example("ut-divorce-clean.yaml")) == [])
        #expect(
            try findings(example("ut-divorce-problems.yaml")) == [
                "DEADLINE-MISSED@47", "DEADLINE-LATE@48", "DEADLINE-LATE@50", "SCOPE-PROHIBITED@70",
            ])
        #expect(try findings(example("ut-eviction-tenant-clean.yaml")) == [])
        #expect(
            try findings(example("ut-eviction-tenant-problems.yaml")) == [
                "WAITING-PERIOD-VIOLATED@40", "DEADLINE-LATE@42", "SCOPE-PROHIBITED@57",
            ])
        #expect(try findings(example("az-dissolution-clean.yaml")) == [])
        #expect(
            try findings(example("az-dissolution-problems.yaml")) == [
                "FORM-MISSING@24", "DEADLINE-LATE@46", "DEADLINE-MISSED@46", "SCOPE-NOT-AUTHORIZED@50",
            ])
        #expect(try findings(example("az-eviction-answer-clean.yaml")) == [])
        #expect(
            try findings(example("az-eviction-answer-problems.yaml")) == [
                "WAITING-PERIOD-VIOLATED@49", "DEADLINE-LATE@51", "DEADLINE-LATE@52", "DEADLINE-MISSED@52",
                "SCOPE-PROHIBITED@57",
            ])
        #expect(try findings(example("co-dissolution-clean.yaml")) == [])
        #expect(
            try findings(example("co-dissolution-problems.yaml")) == [
                "FORM-MISSING@26", "FORM-MISSING@26", "DEADLINE-LATE@49", "WAITING-PERIOD-VIOLATED@50",
                "SCOPE-PROHIBITED@57", "FORM-LATE@66",
            ])
        #expect(try findings(example("or-dissolution-clean.yaml")) == [])
        #expect(
            try findings(example("or-dissolution-problems.yaml")) == [
                "SCOPE-PROHIBITED@41", "DEADLINE-LATE@44", "FORM-LATE@44",
            ])
        #expect(try findings(example("or-fed-clean.yaml")) == [])
        #expect(
            try findings(example("or-fed-problems.yaml")) == [
                "WAITING-PERIOD-VIOLATED@46", "DEADLINE-LATE@47", "WAITING-PERIOD-VIOLATED@48", "DEADLINE-LATE@49",
                "SCOPE-PROHIBITED@54",
            ])
        #expect(try findings(example("mn-dissolution-clean.yaml")) == [])
        #expect(
            try findings(example("mn-dissolution-problems.yaml")) == ["DEADLINE-LATE@36", "SCOPE-NOT-AUTHORIZED@40"])
        #expect(try findings(example("on-small-claims-claim-clean.yaml")) == [])
        #expect(
            try findings(example("on-small-claims-claim-problems.yaml")) == ["FORM-MISSING@14", "DEADLINE-DUE-SOON@26"])
        #expect(try findings(example("us-adjustment-of-status-clean.yaml")) == [])
        #expect(
            try findings(example("us-adjustment-of-status-problems.yaml")) == [
                "FORM-MISSING@24", "DEADLINE-MISSED@46", "SCOPE-PROHIBITED@49", "SCOPE-CONDITION-UNMET@53",
            ])
    }

    @Test func exitCodesFollowFailOn() throws {
        #expect(try CLI.run(["audit", example("wa-dissolution-clean.yaml")]).status == 0)
        #expect(try CLI.run(["audit", example("wa-dissolution-problems.yaml")]).status == 1)
        // Only a warning: clean by default, failing with --fail-on warning.
        #expect(try CLI.run(["audit", example("us-federal-answer.yaml")]).status == 0)
        #expect(try CLI.run(["audit", example("us-federal-answer.yaml"), "--fail-on", "warning"]).status == 1)
        #expect(try CLI.run(["audit", example("wa-dissolution-problems.yaml"), "--fail-on", "never"]).status == 0)
    }

    @Test func asOfAndHorizonChangeWhatIsDue() throws {
        // Served 2026-05-04: answer due Tuesday 2026-05-26. On 2026-05-27 it is missed; with a short horizon it is not
        // yet due soon.
        #expect(try findings(example("us-federal-answer.yaml"), ["--as-of", "2026-05-27"]) == ["DEADLINE-MISSED@41"])
        #expect(try findings(example("us-federal-answer.yaml"), ["--horizon", "5"]) == [])
    }

    @Test func theTextReportEndsWithTheFollowUpList() throws {
        let result = try CLI.run(["audit", example("wa-dissolution-problems.yaml")])
        let text = result.stdout
        #expect(text.contains("Errors: act now"))
        #expect(text.contains("  error   SCOPE-PROHIBITED  \(example("wa-dissolution-problems.yaml")):108:5"))
        #expect(text.contains("What to do: Refer court representation to a Washington lawyer"))
        let followUps = try #require(text.components(separatedBy: "Follow-up list").last)
        let dates = followUps.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.count >= 10 && trimmed.prefix(4).allSatisfy(\.isNumber) ? String(trimmed.prefix(10)) : nil
        }
        #expect(!dates.isEmpty && dates == dates.sorted())
        #expect(
            followUps.contains("FL All Family 140 (Parenting Plan (proposed, then final)): Prepare and file it now"))
    }

    @Test func aFolderIsACaseloadWorstFirstAndABadFileDoesNotStopTheOthers() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = try FileManager.default.contentsOfDirectory(
            atPath: Self.examples.appendingPathComponent("caseload").path)
        for name in names {
            try FileManager.default.copyItem(
                at: Self.examples.appendingPathComponent("caseload/\(name)"), to: folder.appendingPathComponent(name))
        }
        try "id: BAD\njurisdiction: us-wa\ntype: dissolutoin\n".write(
            to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["audit", folder.path])
        #expect(result.status == 2)
        // Every example matter is read and audited, and the bad file is counted, not skipped.
        #expect(result.stdout.contains("Caseload: \(names.count + 1) matter files (1 could not be read)"))
        #expect(
            result.stdout.contains(
                "bad.yaml:3:7: error: unknown matter type 'dissolutoin' in us-wa; did you mean 'dissolution'?"))
        let json = try CLI.json(try CLI.run(["audit", folder.path, "--format", "json"]).stdout)
        let matters = try #require(json["matters"] as? [[String: Any]])
        #expect(matters.count == names.count)
        let errors = matters.map { ($0["counts"] as! [String: Int])["errors"]! }
        #expect(errors == errors.sorted(by: >))
        #expect((json["unreadable"] as? [[String: Any]])?.count == 1)
    }

    @Test func theResultIsTheSameWhateverTheOrderOrNumberOfCores() throws {
        let caseload = Self.examples.appendingPathComponent("caseload")
        let first = try CLI.run(["audit", caseload.path, "--format", "json"]).stdout
        for _ in 0..<3 { #expect(try CLI.run(["audit", caseload.path, "--format", "json"]).stdout == first) }
        // The same files copied in the reverse order into another folder: the same report but for the paths.
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in try FileManager.default.contentsOfDirectory(atPath: caseload.path).sorted().reversed() {
            try FileManager.default.copyItem(
                at: caseload.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let copied = try CLI.run(["audit", folder.path, "--format", "json"]).stdout
        #expect(copied.replacingOccurrences(of: folder.path, with: caseload.path) == first)
        // One core instead of all of them.
        let taskset = "/usr/bin/taskset"
        try #require(FileManager.default.isExecutableFile(atPath: taskset))
        let oneCore = try CLI.run(
            ["-c", "0", CLI.binary.path, "audit", caseload.path, "--format", "json"],
            executable: URL(fileURLWithPath: taskset))
        #expect(oneCore.stdout == first)
    }

    @Test func theReportIsTheSameWithOneWorkerOrMany() throws {
        // The examples twice over (so there are more matters than workers) and two broken files: their
        // parts come from the workers too, and must keep their places.
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let caseload = Self.examples.appendingPathComponent("caseload")
        for name in try FileManager.default.contentsOfDirectory(atPath: caseload.path) {
            for copy in ["a", "b"] {
                try FileManager.default.copyItem(
                    at: caseload.appendingPathComponent(name), to: folder.appendingPathComponent("\(copy)-\(name)"))
            }
        }
        try "id: BAD\njurisdiction: us-wa\ntype: dissolutoin\n".write(
            to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        try "id: [\n".write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        for format in ["text", "json"] {
            let arguments = ["audit", folder.path, "--format", format, "--as-of", "2026-06-01"]
            let one = try CLI.run(arguments, environment: ["BAILIWICK_WORKERS": "1"])
            #expect(one.status == 2)
            #expect(one.stdout.contains("bad.yaml") && one.stdout.contains("broken.yaml"))
            for workers in ["2", "3", "16"] {
                let many = try CLI.run(arguments, environment: ["BAILIWICK_WORKERS": workers])
                #expect(many.status == one.status)
                #expect(many.stdout == one.stdout, "\(format) with \(workers) workers")
                #expect(many.stderr == one.stderr, "\(format) with \(workers) workers")
            }
        }
    }

    @Test func redactionRemovesNamesAndFreeTextFromEveryFormat() throws {
        let file = example("wa-dissolution-problems.yaml")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let names = ["Marcus Bell", "Dana Whitfield", "Okonkwo-Hale"].filter { text.contains($0) }
        #expect(!names.isEmpty)
        for format in ["text", "json", "html", "junit"] {
            let plain = try CLI.run(["audit", file, "--format", format]).stdout
            let redacted = try CLI.run(["audit", file, "--format", format, "--redact"]).stdout
            #expect(names.contains { plain.contains($0) }, "\(format) shows names without --redact")
            for name in names { #expect(!redacted.contains(name), "\(format) --redact still shows \(name)") }
        }
        let redacted = try CLI.run(["audit", file, "--redact"]).stdout
        #expect(redacted.contains("Technician 1: appear-in-court on 2026-05-01"))
        // Placeholders are stable: the same input gives the same report.
        #expect(try CLI.run(["audit", file, "--redact"]).stdout == redacted)
    }

    @Test func redactionNeverChangesTheFindings() throws {
        // Every example, including people who hold their licence in named areas only (Utah, Arizona).
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count > 20)
        for name in names {
            let file = example(name)
            #expect(try findings(file, ["--redact"]) == findings(file), "\(name): --redact changed the findings")
        }
    }

    @Test func junitIsWellFormedXMLWithAFailurePerError() throws {
        let result = try CLI.run([
            "audit", example("wa-dissolution-problems.yaml"), example("wa-dissolution-clean.yaml"), "--format", "junit",
        ])
        let data = Data(result.stdout.utf8)
        final class Counter: NSObject, XMLParserDelegate {
            var failures = 0
            var testcases = 0
            func parser(
                _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                if element == "failure" { failures += 1 }
                if element == "testcase" { testcases += 1 }
            }
        }
        let counter = Counter()
        let parser = XMLParser(data: data)
        parser.delegate = counter
        #expect(parser.parse(), "the JUnit report is not well-formed XML")
        #expect(counter.failures == 5)
        #expect(counter.testcases == 6)
    }

    @Test func htmlIsOneSelfContainedPageWithATimeline() throws {
        let result = try CLI.run(["audit", example("wa-dissolution-problems.yaml"), "--format", "html"])
        let html = result.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg viewBox="))
        #expect(html.contains("SCOPE-PROHIBITED"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
    }

    /// The problems example has a prohibited appearance and a permitted filing on 2026-05-01, and
    /// an act by Dana Whitfield, whose licence is in error: every red mark must be seen.
    @Test func theTimelineDrawsTheWorstMarkOfEachPlaceOnTop() throws {
        let html = try CLI.run(["audit", example("wa-dissolution-problems.yaml"), "--format", "html"]).stdout
        let pattern = try Regex(
            #"<g><title>([^<]*)</title>.*?<circle cx="(\d+)" cy="(\d+)" r="5" fill="(#[0-9a-f]{6})"/></g>"#)
        let marks = html.matches(of: pattern).map { match in
            (
                title: String(match.output[1].substring!),
                place: "\(match.output[2].substring!),\(match.output[3].substring!)",
                fill: String(match.output[4].substring!)
            )
        }
        let red = "#b3261e"
        let appearance = try #require(
            marks.lastIndex { $0.title.hasSuffix("Marcus Bell: Appear in court for the client") })
        #expect(marks[appearance].fill == red)
        // Drawn last at its place: nothing after it covers it.
        #expect(!marks[(appearance + 1)...].contains { $0.place == marks[appearance].place })
        #expect(marks.contains { $0.place == marks[appearance].place && $0.title.hasSuffix("File a document") })
        #expect(marks.first { $0.title.hasSuffix("Dana Whitfield: Fill in court forms") }?.fill == red)
        // Everywhere, a red mark is the last one drawn at its place.
        for place in Set(marks.map(\.place)) where marks.contains(where: { $0.place == place && $0.fill == red }) {
            #expect(marks.last { $0.place == place }?.fill == red, "a red mark is covered at \(place)")
        }
    }

    @Test func outputIsWrittenWholeAndNeverOverAnInput() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let matter = folder.appendingPathComponent("m.yaml")
        try FileManager.default.copyItem(atPath: example("us-federal-answer.yaml"), toPath: matter.path)
        let report = folder.appendingPathComponent("report.html")
        let written = try CLI.run(["audit", matter.path, "--format", "html", "--output", report.path])
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOf: report, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["m.yaml", "report.html"])
        // Writing again replaces the report.
        #expect(try CLI.run(["audit", matter.path, "--format", "json", "--output", report.path]).status == 0)
        #expect(try String(contentsOf: report, encoding: .utf8).hasPrefix("{"))
        let refused = try CLI.run(["audit", matter.path, "--output", matter.path])
        #expect(refused.status == 2 && refused.stderr.contains("is one of the matter files"))
    }

    @Test func aMissingFileOrAnUnknownKeyIsInvalidInput() throws {
        #expect(try CLI.run(["audit", "/nonexistent/matter.yaml"]).status == 2)
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let matter = folder.appendingPathComponent("m.json")
        try #"{"id": "J-1", "jurisdiction": "us", "type": "federal-civil-answer", "as-of": "2026-05-15", "judge": "X"}"#
            .write(to: matter, atomically: true, encoding: .utf8)
        let result = try CLI.run(["audit", matter.path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("m.json:1:92: error: unknown key 'judge' in a matter file"))
    }
}
