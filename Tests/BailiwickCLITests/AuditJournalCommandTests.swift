import Foundation
import Testing

/// `bailiwick audit --journal` and `bailiwick history`, as a user runs them, on an SQLite journal.
@Suite struct AuditJournalCommandTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Examples").standardized

    /// The problem example, under a file name that names the client.
    static func matter(in folder: URL, id: String = "WA-2026-0153") throws -> String {
        let text = try String(
            contentsOf: examples.appendingPathComponent("wa-dissolution-problems.yaml"), encoding: .utf8)
        let path = folder.appendingPathComponent("Okonkwo-Hale.yaml").path
        try text.replacingOccurrences(of: "id: WA-2026-0153", with: "id: \(id)")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func sinceTakesTheJournalAndRecordsTheNewAudit() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let matter = try Self.matter(in: folder)
        let journal = folder.appendingPathComponent("journal.sqlite").path
        _ = try CLI.run(["audit", matter, "--as-of", "2026-03-20", "--journal", journal])
        // Against the journal's last audit: the parenting plan, due then, is missing now.
        let since = try CLI.run([
            "audit", matter, "--as-of", "2026-05-22", "--since", journal, "--journal", journal, "--format", "json",
        ])
        #expect(since.status == 1, "\(since.stderr)")
        let json = try CLI.json(since.stdout)
        let matters = try #require(json["matters"] as? [[String: Any]])
        #expect(matters.map { $0["status"] as? String } == ["compared"])
        let changes = try #require(matters.first?["changes"] as? [[String: Any]])
        #expect(
            changes.contains {
                ($0["old"] as? [String: Any])?["code"] as? String == "FORM-DUE"
                    && ($0["new"] as? [String: Any])?["code"] as? String == "FORM-MISSING"
            })
        // The journal holds no names (no --journal-names), so the audit made now is compared redacted:
        // the findings about people are the same findings, not new ones.
        #expect(!changes.contains { $0["change"] as? String == "added" }, "\(changes)")
        // The audit compared was recorded too, so the next --since starts from it.
        let history = try CLI.run(["history", "WA-2026-0153", "--journal", journal])
        #expect(history.stdout.contains("Matter WA-2026-0153: 2 audits in the journal"), "\(history.stdout)")
        let again = try CLI.run(["audit", matter, "--as-of", "2026-05-22", "--since", journal])
        #expect(again.stdout.contains("0 matters with changes, 1 without"), "\(again.stdout)")
        // A journal that holds no audit of the matter: the matter is new, not skipped.
        let empty = folder.appendingPathComponent("other.sqlite").path
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        _ = try CLI.run(["audit", try Self.matter(in: elsewhere, id: "WA-OTHER"), "--journal", empty])
        let added = try CLI.json(
            try CLI.run(["audit", matter, "--since", empty, "--format", "json"]).stdout)
        #expect((added["matters"] as? [[String: Any]])?.first?["status"] as? String == "added")
    }

    @Test func twoAuditsAreRecordedAndHistoryShowsWhatChanged() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let matter = try Self.matter(in: folder)
        let journal = folder.appendingPathComponent("journal.sqlite").path
        // Before the decree (2026-05-01) the parenting plan is not yet missing; after it, it is.
        let early = try CLI.run(["audit", matter, "--as-of", "2026-03-20", "--journal", journal, "--auditor", "R. Lee"])
        #expect(early.status == 1, "\(early.stderr)")
        let late = try CLI.run(["audit", matter, "--as-of", "2026-05-22", "--journal", journal])
        #expect(late.status == 1, "\(late.stderr)")

        let text = try CLI.run(["history", "WA-2026-0153", "--journal", journal])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Matter WA-2026-0153: 2 audits in the journal"))
        #expect(text.stdout.contains("as of 2026-03-20  by R. Lee  via cli"))
        #expect(text.stdout.contains("as of 2026-05-22  by (not given)  via cli"))
        #expect(text.stdout.contains("packs shipped 0.1.0 sha256:"))
        // The parenting plan was due, and is now missing: the same form, changed.
        #expect(text.stdout.contains("~ FORM-MISSING error FL All Family 140"))
        #expect(text.stdout.contains("(was FORM-DUE warning 2026-05-01)"))

        let json = try CLI.json(
            try CLI.run(["history", "WA-2026-0153", "--journal", journal, "--format", "json"]).stdout)
        let audits = try #require(json["audits"] as? [[String: Any]])
        #expect(audits.count == 2)
        #expect(audits[0]["auditor"] as? String == "R. Lee")
        #expect(audits[1]["auditor"] is NSNull)
        #expect(audits[1]["matter-changed"] as? Bool == false)
        let changed = try #require(audits[1]["changed"] as? [[String: [String: Any]]])
        #expect(
            changed.contains {
                $0["before"]?["code"] as? String == "FORM-DUE" && $0["after"]?["code"] as? String == "FORM-MISSING"
                    && $0["after"]?["form"] as? String == "FL All Family 140"
            })
        let first = try #require(audits[0]["findings"] as? [[String: Any]])
        #expect(try #require(audits[0]["added"] as? [[String: Any]]).count == first.count)
        // The file's SHA-256, as sha256sum gives it.
        let sum = try CLI.run(
            ["-c", "sha256sum \"$0\" | cut -c1-64", matter], executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(audits[0]["matter-sha256"] as? String == sum.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func theJournalFileIsCreatedReadableByItsOwnerOnly() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appendingPathComponent("journal.sqlite").path
        let result = try CLI.run(["audit", try Self.matter(in: folder), "--journal", journal])
        #expect(result.status == 1, "\(result.stderr)")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: journal)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
    }

    /// The client's names, the title and the file's name are in the journal only with --journal-names,
    /// and never under --redact: the database file's bytes are searched for them.
    @Test func namesReachTheJournalOnlyWhenAskedAndNotRedacted() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let matter = try Self.matter(in: folder)
        let clientData = ["Adaeze", "Simon Hale", "Marcus Bell", "Dana Whitfield", "Okonkwo-Hale"]
        func journalBytes(_ options: [String]) throws -> String {
            let journal = folder.appendingPathComponent("journal-\(UUID().uuidString).sqlite").path
            let result = try CLI.run(["audit", matter, "--as-of", "2026-05-22", "--journal", journal] + options)
            #expect(result.status == 1, "\(result.stderr)")
            return String(decoding: try Data(contentsOf: URL(fileURLWithPath: journal)), as: UTF8.self)
        }
        let plain = try journalBytes([])
        #expect(plain.contains("WA-2026-0153") && plain.contains("FORM-MISSING"))
        for name in clientData { #expect(!plain.contains(name)) }
        let redacted = try journalBytes(["--journal-names", "--redact"])
        for name in clientData { #expect(!redacted.contains(name)) }
        let named = try journalBytes(["--journal-names"])
        // The technicians' names (in findings), the title and the file's name: the client and the
        // other party appear in no finding.
        for name in ["Marcus Bell", "Dana Whitfield", "Okonkwo-Hale dissolution", "Okonkwo-Hale.yaml"] {
            #expect(named.contains(name))
        }
    }

    @Test func aCaseloadIsRecordedMatterByMatter() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appendingPathComponent("journal.sqlite").path
        let caseload = Self.examples.appendingPathComponent("caseload").path
        let result = try CLI.run(["audit", caseload, "--journal", journal, "--as-of", "2026-05-22", "--format", "json"])
        #expect(result.status != 2, "\(result.stderr)")
        let matters = try #require(try CLI.json(result.stdout)["matters"] as? [[String: Any]])
        #expect(!matters.isEmpty)
        for matter in matters {
            let id = try #require(matter["id"] as? String)
            let history = try CLI.run(["history", id, "--journal", journal, "--format", "json"])
            #expect(history.status == 0, "\(id): \(history.stderr)")
            let audits = try #require(try CLI.json(history.stdout)["audits"] as? [[String: Any]])
            #expect(audits.count == 1)
            let findings = try #require(audits.first?["findings"] as? [[String: Any]])
            #expect(findings.count == (matter["findings"] as? [Any])?.count)
        }
    }

    @Test func aMatterTheJournalDoesNotHoldExitsOne() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appendingPathComponent("journal.sqlite").path
        #expect(try CLI.run(["audit", try Self.matter(in: folder), "--journal", journal]).status == 1)
        let result = try CLI.run(["history", "NO-SUCH-MATTER", "--journal", journal])
        #expect(result.status == 1)
        #expect(result.stdout == "No audit of matter NO-SUCH-MATTER is in the journal.\n")
        let json = try CLI.run(["history", "NO-SUCH-MATTER", "--journal", journal, "--format", "json"])
        #expect(json.status == 1)
        #expect((try CLI.json(json.stdout)["audits"] as? [Any])?.isEmpty == true)
    }

    /// `history` reads a journal; a path where there is none is an error, and no journal is made there.
    @Test func historyOfAJournalThatIsNotThereIsAnError() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appendingPathComponent("typo.sqlite").path
        let result = try CLI.run(["history", "WA-2026-0153", "--journal", journal])
        #expect(result.status == 2)
        #expect(result.stderr == "error: there is no journal at \(journal)\n")
        #expect(!FileManager.default.fileExists(atPath: journal))
    }

    @Test func journalOptionsWithoutAJournalAreUsageErrors() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let matter = try Self.matter(in: folder)
        let auditor = try CLI.run(["audit", matter, "--auditor", "R. Lee"])
        #expect(auditor.status == 2)
        #expect(auditor.stderr.contains("--auditor needs --journal"))
        let names = try CLI.run(["audit", matter, "--journal-names"])
        #expect(names.status == 2)
        #expect(names.stderr.contains("--journal-names needs --journal"))
        let serve = try CLI.run(["serve", "--port", "0", "--journal-names"])
        #expect(serve.status == 2)
    }

    /// A journal that cannot be opened stops the audit before any report is written, without the matter's data.
    @Test func aJournalThatCannotBeOpenedFailsBeforeTheAudit() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let matter = try Self.matter(in: folder)
        // The matter file itself given as the journal: not a database, and left as it was.
        let before = try String(contentsOfFile: matter, encoding: .utf8)
        let result = try CLI.run(["audit", matter, "--journal", matter])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("cannot"))
        #expect(!result.stderr.contains("Adaeze"))
        #expect(try String(contentsOfFile: matter, encoding: .utf8) == before)
        let missing = try CLI.run([
            "audit", matter, "--journal", folder.appendingPathComponent("no/such/j.sqlite").path,
        ])
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
    }
}
