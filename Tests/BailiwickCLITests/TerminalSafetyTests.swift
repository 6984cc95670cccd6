import Foundation
import Testing

/// Control characters from matter files and packs never reach the terminal: every text report
/// shows them escaped, and the JSON and HTML reports escape them too.
struct TerminalSafetyTests {
    /// One value holding an erase-line sequence, a carriage return, a backspace, a right-to-left
    /// override, a zero-width space, an 8-bit CSI, an OSC 8 link ended by BEL, a newline and a
    /// backslash, as written in a YAML double-quoted string.
    static let yaml = #""A\e[2K\rB\bC\u202ED\u200BE\x9bF\e]8;;x\aG\nH\\I""#
    /// The same value as text reports show it (the zero-width space is kept: it moves nothing).
    static let shown = #"A\u{1B}[2K\rB\u{8}C\u{202E}D"# + "\u{200B}" + #"E\u{9B}F\u{1B}]8;;x\u{7}G\nH\\I"#
    /// The same value as a JSON string.
    static let json = #""A\u001b[2K\rB\u0008C\u202eD"# + "\u{200B}" + #"E\u009bF\u001b]8;;x\u0007G\nH\\I""#

    /// Every character that may act on a terminal, except the line breaks and tabs the report
    /// itself writes: C0 controls, DEL, C1 controls, line separators, bidirectional controls.
    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x09, 0x0A: false
            case 0x00...0x1F, 0x7F...0x9F, 0x2028...0x202E, 0x2066...0x2069: true
            default: false
            }
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The clean Washington example with the hostile value as its title and in a note, and an id
    /// holding a zero-width space and an escape sequence.
    static func hostileMatter(id: String = #""WA-\u200B0118\e[8m""#) throws -> String {
        let example = try String(
            contentsOf: repository.appendingPathComponent("Examples/wa-dissolution-clean.yaml"),
            encoding: .utf8)
        let matter = example.replacingOccurrences(of: "id: WA-2026-0118", with: "id: \(id)")
            .replacingOccurrences(of: "title: Marsh dissolution (petitioner, two children)", with: "title: \(yaml)")
        #expect(matter != example)
        return matter
    }

    /// A copy of the shipped packs (Rules/ and us-wa) whose jurisdiction name, licence title,
    /// holiday and deadline names, and one new rule carry the hostile value, with a source whose
    /// key holds a zero-width space.
    static func hostilePacks(in folder: URL) throws -> URL {
        let packs = folder.appendingPathComponent("packs")
        let manager = FileManager.default
        try manager.createDirectory(
            at: packs.appendingPathComponent("Jurisdictions"),
            withIntermediateDirectories: true)
        // The shared rules' tests are about the federal jurisdiction: it comes too, unchanged.
        for path in ["Rules", "Jurisdictions/us", "Jurisdictions/us-wa"] {
            try manager.copyItem(at: repository.appendingPathComponent(path), to: packs.appendingPathComponent(path))
        }
        let washington = packs.appendingPathComponent("Jurisdictions/us-wa")
        func patch(_ file: String, _ old: String, _ new: String) throws {
            let url = washington.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old), "\(file) no longer holds \(old)")
            try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        }
        try patch("jurisdiction.yaml", "  name: Washington\n", "  name: \(yaml)\n")
        try patch(
            "jurisdiction.yaml", "  sources:\n",
            "  sources:\n    - {key: \"WA\\u200B99\", title: \(yaml), url: \"https://example.org\"}\n")
        try patch("licenses.yaml", "title: Limited License Legal Technician", "title: \(yaml)")
        try patch("calendar.yaml", "name: New Year's Day", "name: \(yaml)")
        try patch("deadlines.yaml", "name: Notice of appeal", "name: \(yaml)")
        try """
        rules:
          - {id: wa-lllt-hostile, summary: \(yaml), effect: permit, licenses: [lllt], actions: [take-deposition],
             citation: \(yaml), source: unverified, note: \(yaml)}
        """.write(to: washington.appendingPathComponent("hostile.yaml"), atomically: true, encoding: .utf8)
        return packs
    }

    @Test func anAuditReportShowsControlsFromTheMatterFileEscaped() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let matter = folder.appendingPathComponent("matter.yaml")
        try Self.hostileMatter().write(to: matter, atomically: true, encoding: .utf8)
        let result = try CLI.run(["audit", matter.path])
        // A warning is shown, and does not change the exit status of a clean matter.
        #expect(result.status == 0, "\(result.stderr)")
        let id = #"WA-"# + "\u{200B}" + #"0118\u{1B}[8m"#
        #expect(result.stdout.hasPrefix("\(id) · \(Self.shown) · Dissolution of marriage (petitioner) · Washington\n"))
        #expect(
            result.stdout.contains(
                "\n  \(matter.path):27:5: warning: 'id' holds an invisible character, U+200B, "
                    + "at character 4: it would look like another id\n"))
        #expect(Self.rawControls(result.stdout) == [])
        #expect(Self.rawControls(result.stderr) == [])

        let report = folder.appendingPathComponent("report.txt")
        #expect(try CLI.run(["audit", matter.path, "--output", report.path]).status == 0)
        #expect(try String(contentsOf: report, encoding: .utf8) == result.stdout)
    }

    @Test func aCaseloadSummaryShowsIdsAndTitlesEscaped() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, id) in [("a.yaml", #""WA-1\r\e[1A""#), ("b.yaml", #""WA-2\u202E""#)] {
            let file = folder.appendingPathComponent(name)
            try Self.hostileMatter(id: id).write(to: file, atomically: true, encoding: .utf8)
        }
        let result = try CLI.run(["audit", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#"  WA-1\r\u{1B}[1A  us-wa"#))
        #expect(result.stdout.contains(#"  WA-2\u{202E}     us-wa"#))
        #expect(result.stdout.contains("\n" + #"WA-2\u{202E} · "# + Self.shown + " · "))
        #expect(Self.rawControls(result.stdout) == [])
    }

    @Test func jsonAndHTMLReportsEscapeControlsToo() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let matter = folder.appendingPathComponent("matter.yaml")
        try Self.hostileMatter().write(to: matter, atomically: true, encoding: .utf8)
        let json = try CLI.run(["audit", matter.path, "--format", "json"])
        #expect(json.stdout.contains("\"title\": \(Self.json),\n"))
        #expect(Self.rawControls(json.stdout) == [])
        let matters = try CLI.json(json.stdout)["matters"] as? [[String: Any]]
        #expect(matters?.first?["id"] as? String == "WA-\u{200B}0118\u{1B}[8m")
        // A page is not a terminal, but an override would reorder what the reader sees there.
        let html = try CLI.run(["audit", matter.path, "--format", "html"])
        #expect(html.stdout.contains("<h2>WA-\u{200B}0118\\u{1B}[8m · \(Self.shown)</h2>"))
        #expect(Self.rawControls(html.stdout.replacingOccurrences(of: "\r\n", with: "\n")) == [])
    }

    @Test func packTextIsEscapedInEveryTextCommand() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let packs = try Self.hostilePacks(in: folder).path
        let runs: [(arguments: [String], expected: [String])] = [
            (
                ["check", "-j", "us-wa", "-l", "lllt", "-a", "take-deposition", "--on", "2026-03-01"],
                [
                    "\(Self.shown) (lllt), \(Self.shown): take-deposition",
                    "    \(Self.shown)\n    \(Self.shown) · in force", "\n    source: unverified (",
                ]
            ),
            (
                ["explain", "wa-lllt-hostile"],
                ["\n\(Self.shown)\n", "Citation:   \(Self.shown)\n", "Note:       \(Self.shown)\n"]
            ),
            (["list", "rules", "-j", "us-wa"], ["permit  unverified        \(Self.shown)\n"]),
            (["list", "jurisdictions"], ["us-wa  \(Self.shown)  reviewed"]),
            (["list", "licenses", "-j", "us-wa"], ["  \(Self.shown)\n"]),
            (
                ["deadlines", "-j", "us-wa", "--rule", "notice-of-appeal", "--from", "2026-05-01"],
                ["\(Self.shown) · \(Self.shown) · "]
            ),
            (
                ["holidays", "-j", "us-wa", "--year", "2026"],
                ["\(Self.shown) court holidays, 2026", "Thu 2026-01-01  \(Self.shown)\n"]
            ),
            (
                ["quiz", "-j", "us-wa", "--topic", "deadlines", "--count", "3", "--seed", "1"],
                [" in \(Self.shown). "]
            ),
        ]
        for run in runs {
            let result = try CLI.run(run.arguments + ["--packs", packs])
            #expect(result.status == 0 || result.status == 1, "\(run.arguments): \(result.stderr)")
            for expected in run.expected {
                #expect(result.stdout.contains(expected), "\(run.arguments) does not show \(expected)")
            }
            #expect(Self.rawControls(result.stdout) == [], "\(run.arguments)")
            #expect(Self.rawControls(result.stderr) == [], "\(run.arguments)")
        }
    }

    @Test func theInteractiveQuizShowsPackTextEscaped() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let packs = try Self.hostilePacks(in: folder).path
        let arguments = ["quiz", "--interactive", "-j", "us-wa", "--topic", "deadlines", "--count", "3", "--seed", "1"]
        let result = try CLI.run(arguments + ["--packs", packs], input: "A\nA\nA\n")
        #expect(result.status == 0, "\(result.stderr)")
        // The session wraps its text to the terminal's width: the name may start a new line.
        #expect(result.stdout.replacingOccurrences(of: "\n", with: " ").contains(" in \(Self.shown). "))
        #expect(Self.rawControls(result.stdout) == [])
    }

    @Test func packTestNamesAreEscapedInTheTestReport() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("Jurisdictions/us-wa/hostile-tests.yaml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try """
        tests:
          - name: \(Self.yaml)
            license: lllt
            action: appear-in-court
            on: 2026-03-01
            facts: {written-contract: true, client.pro-se: true, represents-other-party: false, issues: []}
            expect: permitted
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["test", file.path, "--jurisdiction", "us-wa"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("  FAIL \(Self.shown)  \(file.path):2:5\n"))
        #expect(Self.rawControls(result.stdout) == [])
        let json = try CLI.run(["test", file.path, "--jurisdiction", "us-wa", "--format", "json"])
        #expect(json.stdout.contains("\"name\": \(Self.json),"))
        let junit = try CLI.run(["test", file.path, "--jurisdiction", "us-wa", "--format", "junit"])
        #expect(junit.stdout.contains("name=\"A[2K&#xD;BC&#x202E;D\u{200B}E&#x9B;F]8;;xG\nH\\I\""))
        #expect(Self.rawControls(junit.stdout) == [])
    }

    @Test func validateShowsMessagesAndSourceLinesEscaped() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("Jurisdictions/us-wa/bad.yaml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        // The override is written raw on the line (YAML allows it); the escape is in the quoted id.
        let rule =
            "{id: wa-x, summary: \u{202E}s, effect: permit, licenses: [lllt], actions: [\"a\\e[2J\"],"
            + "citation: c,source: secondary}"
        try "rules:\n  - \(rule)\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", file.path])
        #expect(result.status == 2)
        // Shown escaped, with the caret under the quoted id, past the override's escape.
        let line =
            "  - " + #"{id: wa-x, summary: \u{202E}s, effect: permit, licenses: [lllt], actions: ["a\\e[2J"],"#
            + "citation: c,source: secondary}"
        let column = line.distance(from: line.startIndex, to: line.range(of: #""a\\e"#)!.lowerBound)
        let caret = String(repeating: " ", count: 4 + column)
        #expect(result.stdout.hasPrefix(#"\#(file.path):2:73: error: unknown action 'a\u{1B}[2J'"#), "\(result.stdout)")
        #expect(result.stdout.contains("\n    \(line)\n\(caret)^\n"), "\(result.stdout)")
        #expect(Self.rawControls(result.stdout) == [])
    }

    @Test func anInvisibleCharacterInAnIdIsAWarningThatDoesNotFailValidation() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let packs = try Self.hostilePacks(in: folder)
        let file = packs.appendingPathComponent("Jurisdictions/us-wa/jurisdiction.yaml").path
        let result = try CLI.run(["validate", "--packs", packs.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stdout.hasPrefix(
                "\(file):11:13: warning: 'key' holds an invisible character, U+200B, "
                    + "at character 3: it would look like another key\n"), "\(result.stdout)")
        #expect(result.stdout.contains("\nok: ") && result.stdout.hasSuffix(" (1 warning)\n"))
        #expect(Self.rawControls(result.stdout) == [])
        let json = try CLI.json(try CLI.run(["validate", "--packs", packs.path, "--format", "json"]).stdout)
        #expect(json["valid"] as? Bool == true)
        #expect((json["diagnostics"] as? [[String: Any]])?.map { $0["severity"] as? String } == ["warning"])
    }
}
