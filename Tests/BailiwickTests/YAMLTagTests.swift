import Bailiwick
import BailiwickLoading
import Testing

/// Explicit YAML tags in matter files: a value is what its tag says, never retyped by the loader.
struct YAMLTagTests {
    let packs: PackSet

    init() throws {
        packs = try AuditTests.packs()
    }

    func load(_ old: String, _ new: String) throws -> Result<Matter, DiagnosticList> {
        try #require(AuditTests.clean.contains(old))
        let text = AuditTests.clean.replacingOccurrences(of: old, with: new)
        do {
            return .success(try MatterLoader.load(text: text, file: "m.yaml", packs: packs))
        } catch {
            return .failure(error)
        }
    }

    func problems(_ old: String, _ new: String) throws -> [String] {
        guard case .failure(let error) = try load(old, new) else { return [] }
        return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    @Test func textTaggedStrIsNeverABooleanOrANumber() throws {
        #expect(
            try problems("written-contract: true", "written-contract: !!str true")
                == ["7:27: 'written-contract' must be true or false, not text (a quoted value, or one tagged !!str)"])
        #expect(
            try problems("written-contract: true", "written-contract: 'true'")
                == ["7:27: 'written-contract' must be true or false, not text (a quoted value, or one tagged !!str)"])
        #expect(
            try problems("children: 0", "children: !!str 2")
                == ["7:58: 'children' must be a whole number, not text (a quoted value, or one tagged !!str)"])
        #expect(
            try problems("children: 0", "children: !!bool true")
                == ["7:58: 'children' must be a whole number, not a value tagged !!bool"])
    }

    @Test func textTaggedStrStaysTextWhereTextIsAllowed() throws {
        let matter = try load("id: T-1", "id: !!str true").get()
        #expect(matter.id == "true")
        // `!!str null` is the word null, not a missing value.
        let named = try load("id: T-1", "id: !!str null").get()
        #expect(named.id == "null")
        #expect(try problems("id: T-1", "id: null") == ["1:1: a matter file is missing the required key 'id'"])
    }

    @Test func valuesTaggedWithTheirOwnTypeAreAccepted() throws {
        let matter = try load(
            "{written-contract: true, consent: true, children: 0",
            "{written-contract: !!bool true, consent: true, children: !!int 2"
        ).get()
        #expect(matter.facts[try #require(packs.fact("children")).slot] == .integer(2))
        #expect(matter.facts[try #require(packs.fact("written-contract")).slot] == .boolean(true))
        // `!!null` is no value: the fact is unknown.
        let unknown = try load("children: 0", "children: !!null").get()
        #expect(unknown.facts[try #require(packs.fact("children")).slot] == nil)
    }

    @Test func aValueMustBeWhatItsTagSays() throws {
        #expect(
            try problems("children: 0", "children: !!int two")
                == ["7:58: a value tagged !!int must be a whole number"])
        #expect(
            try problems("consent: true", "consent: !!bool yes")
                == ["7:42: a value tagged !!bool must be true or false"])
        #expect(try problems("children: 0", "children: !!null 0") == ["7:58: a value tagged !!null must be empty"])
    }

    @Test func otherTagsAreRefusedWithoutRepeatingThem() throws {
        let understood =
            "write the value without a tag (the tags understood are !!str, !!int, !!bool and !!null, "
            + "and !!seq and !!map on lists and mappings)"
        #expect(
            try problems("children: 0", "children: !!float 0")
                == ["7:58: the tag !!float is not supported here: " + understood])
        #expect(
            try problems("id: T-1", "id: !client-secret T-1")
                == ["1:5: an unknown tag is not supported here: " + understood])
        #expect(
            try problems("facts: {", "facts: !!seq {")
                == ["7:8: the tag !!seq is not supported here: " + understood])
        #expect(try problems("facts: {", "facts: !!map {") == [])
    }
}
