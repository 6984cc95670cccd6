import Bailiwick
import BailiwickLoading
import Foundation
import Testing

@testable import BailiwickReports

/// Caseloads and the server write each citation's members once for the packs (`FindingJSONParts`) and
/// copy them into every finding that carries the citation: the reports must be those written in place,
/// byte for byte.
@Suite struct AuditAnswerTests {
    /// Every citation of every rule, licence, deadline and its variants, form and reminder of every
    /// jurisdiction, copied from its parts and written in place inside a matter of a caseload's report.
    @Test func everyCitationIsWrittenTheSameFromItsPartsAsInPlace() throws {
        let packs = Server.packs
        let parts = FindingJSONParts(packs: packs)
        var citations: [(String, Citation)] = packs.rules.map { ("rule \($0.id)", $0.citation) }
        citations += packs.licenses.map { ("licence \($0.key)", $0.citation) }
        for deadline in packs.deadlines {
            citations.append(("deadline \(deadline.jurisdiction) \(deadline.id)", deadline.citation))
            citations += deadline.variants.compactMap(\.citation).map { ("variant of \(deadline.id)", $0) }
        }
        for type in packs.matterTypes {
            citations += type.forms.map { ("form \(type.id) \($0.code)", $0.citation) }
            citations += type.followUps.map { ("reminder of \(type.id)", $0.citation) }
        }
        #expect(citations.count > 300)
        #expect(Set(packs.jurisdictions.map(\.id)).subtracting(packs.deadlines.map(\.jurisdiction)).count < 3)
        for (name, citation) in citations {
            #expect(parts.citation(citation, at: FindingJSONParts.citationDepth) != nil, "\(name) has no parts")
            let copied = Self.finding(citation, parts: parts)
            #expect(copied == Self.finding(citation, parts: nil), "\(name)")
            // The members as the report wrote them before they had parts: the citation's value.
            var value = JSONWriter(indent: 2)
            value.object {
                $0.member("findings", array: { $0.object { $0.member("citation", PackJSON.citation(citation)) } })
            }
            #expect(copied == value.text, "\(name)")
        }
        // A writer at another depth (the journal's reports) is given no parts: it writes in place.
        let first = try #require(citations.first?.1)
        #expect(parts.citation(first, at: FindingJSONParts.citationDepth - 2) == nil)
    }

    /// A citation inside a finding of a matter of a caseload's report, as `FindingJSON` writes it.
    private static func finding(_ citation: Citation, parts: FindingJSONParts?) -> String {
        var writer = JSONWriter(indent: 2)
        writer.object { writer in
            writer.member(
                "findings",
                array: { writer in
                    writer.object { writer in
                        writer.key("citation")
                        writer.object { writer in
                            if let fragment = parts?.citation(citation, at: writer.depth) {
                                writer.append(fragment)
                            } else {
                                PackJSON.writeCitation(citation, to: &writer)
                            }
                        }
                    }
                })
        }
        return writer.text
    }

    /// Every example matter's JSON report, as a caseload's part and as the server's answer (in bytes),
    /// with the citations copied and written in place; every citation its findings carry had parts.
    @Test func everyExampleReportIsTheSameWithCitationsCopied() throws {
        let packs = Server.packs
        let parts = FindingJSONParts(packs: packs)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples")
        var files = try FileManager.default.contentsOfDirectory(atPath: root.path).map { "Examples/\($0)" }
        files += try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("caseload").path)
            .map { "Examples/caseload/\($0)" }
        let request = AuditRequest(asOf: CivilDate("2026-06-01"))
        var copiedCitations = 0
        for file in files.sorted() where file.hasSuffix(".yaml") {
            let matter = try MatterLoader.load(text: try Server.repositoryFile(file), file: file, packs: packs)
            let report = request.audit(matter, in: packs, today: CivilDate("2026-06-01")!)
            let written = AuditFormat.json.document(of: report, for: request, packs: packs)
            #expect(
                AuditFormat.json.document(of: report, for: request, packs: packs, parts: parts) == written, "\(file)")
            let bytes = AuditFormat.jsonBytes(of: report, for: request, parts: parts)
            #expect(String(decoding: bytes, as: UTF8.self) == written, "\(file), as the server sends it")
            let reporter = AuditFormat.json.reporter(style: .plain, parts: parts)
            #expect(reporter.matter(report, in: true) == AuditJSON().matter(report, in: true), "\(file)")
            for finding in report.findings {
                guard let citation = finding.citation else { continue }
                #expect(parts.citation(citation, at: FindingJSONParts.citationDepth) != nil, "\(file) \(finding.code)")
                copiedCitations += 1
            }
        }
        #expect(files.count > 30)
        #expect(copiedCitations > 200)
    }
}
