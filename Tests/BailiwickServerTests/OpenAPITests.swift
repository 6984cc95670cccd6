import BailiwickLoading
import Foundation
import Hummingbird
import Testing

/// The API answers as its OpenAPI document says: each operation is exercised, each status it
/// returns is declared, and each JSON body validates against the declared schema.
@Suite struct OpenAPITests {
    /// One request per operation and outcome. Every operation of the document must appear.
    static let samples: [(method: HTTPRequest.Method, path: String, uri: String, body: String?, status: Int)] = [
        (.get, "/v1/packs", "/v1/packs", nil, 200),
        (.get, "/v1/packs/{jurisdiction}", "/v1/packs/us-ut", nil, 200),
        (.get, "/v1/packs/{jurisdiction}", "/v1/packs/nowhere", nil, 404),
        (
            .get, "/v1/check",
            "/v1/check?jurisdiction=us-az&license=lp&action=appear-in-court&area=family&on=2026-01-05", nil, 200
        ),
        (.get, "/v1/check", "/v1/check?jurisdiction=us-wa&license=lllt&action=negotiate", nil, 200),
        (.get, "/v1/check", "/v1/check?jurisdiction=us-wa", nil, 400),
        (.get, "/v1/deadlines", "/v1/deadlines?jurisdiction=us-wa&rule=answer-to-complaint&from=2026-03-08", nil, 200),
        (.get, "/v1/deadlines", "/v1/deadlines?jurisdiction=us&from=2026-01-09&hours=48&at=09:30", nil, 200),
        (.get, "/v1/deadlines", "/v1/deadlines?jurisdiction=us&from=2026-01-09&days=21&format=ics", nil, 200),
        (.get, "/v1/deadlines", "/v1/deadlines?jurisdiction=us&from=2026-01-09", nil, 400),
        (.get, "/v1/holidays", "/v1/holidays?jurisdiction=us-co&year=2027", nil, 200),
        (.get, "/v1/holidays", "/v1/holidays?jurisdiction=us-co&year=20270", nil, 400),
        (.get, "/v1/quiz", "/v1/quiz?count=8&seed=3", nil, 200),
        (.get, "/v1/quiz", "/v1/quiz?count=0", nil, 400),
        (.post, "/v1/audit", "/v1/audit?as-of=2026-06-15", "Examples/wa-dissolution-clean.yaml", 200),
        (.post, "/v1/audit", "/v1/audit?format=html", "Examples/wa-dissolution-clean.yaml", 200),
        (.post, "/v1/audit", "/v1/audit?horizon=-1", "Examples/wa-dissolution-clean.yaml", 400),
        (.post, "/v1/audit", "/v1/audit", "-", 422),
        (.post, "/v1/audit", "/v1/audit?redact=perhaps", "Examples/wa-dissolution-clean.yaml", 400),
        (.post, "/v1/audit", "/v1/audit", "+", 413),
        (.get, "/openapi.json", "/openapi.json", nil, 200),
        // The desk, over the example caseload (CaseloadFixture).
        (.get, "/caseload", "/caseload?group=lawyer&severity=warning", nil, 200),
        (.get, "/caseload", "/caseload?severity=fatal", nil, 400),
        (.get, "/caseload/matter/{id}", "/caseload/matter/OR-2026-0214", nil, 200),
        (.get, "/caseload/matter/{id}", "/caseload/matter/OR-2026-0214?redact=perhaps", nil, 400),
        (.get, "/caseload/matter/{id}", "/caseload/matter/XX-1", nil, 404),
        (.get, "/caseload/calendar.ics", "/caseload/calendar.ics", nil, 200),
        // Renata Kowal's id: made from her name, so the same in every run and every release.
        (.get, "/caseload/people/{person}/calendar.ics", "/caseload/people/pd71fc40fd5dc/calendar.ics", nil, 200),
        (.get, "/caseload/people/{person}/calendar.ics", "/caseload/people/p000000000000/calendar.ics", nil, 404),
    ]

    static func document() async throws -> [String: Any] {
        try #require(try await Server.request("/openapi.json").json as [String: Any]?)
    }

    @Test func everyOperationOfTheDocumentIsExercised() async throws {
        let paths = try #require(try await Self.document()["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        let sampled = Set(Self.samples.map { "\($0.method.rawValue) \($0.path)" })
        #expect(documented == sampled)
    }

    @Test func responsesMatchTheirDeclaredStatusAndSchema() async throws {
        let document = try await Self.document()
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let caseload = try CaseloadFixture()
        defer { caseload.remove() }
        await caseload.desk.refresh()
        for sample in Self.samples {
            let body = try sample.body.map { name in
                switch name {
                case "-": "id: [unclosed"
                case "+": String(repeating: "#", count: InputLimits.fileBytes + 1)
                default: try Server.repositoryFile(name)
                }
            }
            let answer =
                sample.path.hasPrefix("/caseload")
                ? try await caseload.request(sample.uri)
                : try await Server.request(sample.uri, method: sample.method, body: body)
            #expect(Int(answer.status.code) == sample.status, "\(sample.uri)")
            let operation = try #require(paths[sample.path]?[sample.method.rawValue.lowercased()] as? [String: Any])
            var response = try #require(
                (operation["responses"] as? [String: Any])?[String(sample.status)] as? [String: Any],
                "\(sample.uri): status \(sample.status) is not declared")
            if let reference = response["$ref"] as? String { response = try #require(resolve(reference, in: document)) }
            guard let content = response["content"] as? [String: Any] else { continue }
            let type = String(answer.header("Content-Type")?.split(separator: ";").first ?? "")
            let media = try #require(content[type] as? [String: Any], "\(sample.uri): \(type) is not declared")
            guard type == "application/json" else { continue }
            let value = try JSONSerialization.jsonObject(with: Data(answer.body.utf8))
            let problems = validate(value, against: media["schema"] as? [String: Any] ?? [:], in: document, at: "$")
            #expect(problems.isEmpty, "\(sample.uri): \(problems)")
        }
    }

    private func resolve(_ reference: String, in document: [String: Any]) -> [String: Any]? {
        var node: Any = document
        for key in reference.dropFirst(2).split(separator: "/") {
            guard let next = (node as? [String: Any])?[String(key)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    /// The parts of JSON Schema the document uses: $ref, type (one or several), enum, required,
    /// properties, items and oneOf.
    private func validate(_ value: Any, against schema: [String: Any], in document: [String: Any], at path: String)
        -> [String]
    {
        if let reference = schema["$ref"] as? String {
            guard let target = resolve(reference, in: document) else { return ["\(path): unresolved \(reference)"] }
            return validate(value, against: target, in: document, at: path)
        }
        if let choices = schema["oneOf"] as? [[String: Any]] {
            let matching = choices.filter { validate(value, against: $0, in: document, at: path).isEmpty }.count
            return matching == 1 ? [] : ["\(path): matches \(matching) of oneOf"]
        }
        var problems: [String] = []
        let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] } ?? []
        if !types.isEmpty && !types.contains(where: { isType(value, $0) }) {
            return ["\(path): \(type(of: value)) is not \(types)"]
        }
        if let allowed = schema["enum"] as? [String], let text = value as? String, !allowed.contains(text) {
            problems.append("\(path): '\(text)' is not one of \(allowed)")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): '\(key)' is missing")
            }
            for (key, property) in schema["properties"] as? [String: [String: Any]] ?? [:] {
                if let member = object[key] {
                    problems += validate(member, against: property, in: document, at: "\(path).\(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() {
                problems += validate(element, against: items, in: document, at: "\(path)[\(index)]")
            }
        }
        return problems
    }

    /// JSON's true and false, which Foundation hands back as numbers of type char.
    private func isBoolean(_ value: Any) -> Bool {
        (value as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
    }

    private func isType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBoolean(value)
        case "integer":
            return !isBoolean(value) && (value as? NSNumber).map { $0.doubleValue.rounded() == $0.doubleValue } ?? false
        default: return false
        }
    }
}
