import Bailiwick
import BailiwickLoading
import Testing

/// The mapping file is read strictly, with every error at its file, line and column (issue 19, item 1).
struct ImportMappingTests {
    static func errors(_ text: String) -> [Diagnostic] {
        do {
            _ = try ImportFixtures.mapping(text)
            return []
        } catch {
            return error.errors
        }
    }

    @Test func anUnknownFactIsLocatedWithASuggestion() {
        let errors = Self.errors(
            """
            jurisdiction: us-wa
            facts:
              - {field: Kids, fact: childern}
            """)
        #expect(errors.map(\.location.description) == ["firm.yaml:3:25"])
        #expect(errors.first?.message.contains("did you mean 'children'") == true)
    }

    @Test func aFieldsWordIsTypeCheckedAgainstItsFact() {
        let errors = Self.errors(
            """
            jurisdiction: us-wa
            facts:
              - field: Service method
                fact: served-by-publication
                values: {Personal: false, Publication: maybe}
            """)
        #expect(errors.map(\.location.description) == ["firm.yaml:5:44"])
        #expect(errors.first?.message.contains("served-by-publication") == true)
    }

    /// The matter type, the deadline rule, the date (written month first), the action and an unknown key.
    @Test func idsAreCheckedAgainstThePacks() {
        let errors = Self.errors(
            """
            jurisdiction: us-wa
            matter-types:
              - {practice-area: Family, type: dissolutoin}
            deadlines:
              - {name: Response Due, rule: dissolution-respons}
            people:
              - {user: 1, id: kim, role: technician, license: lllt, licensed-from: 03/01/2021}
            actions:
              - {activity: A109, action: apear-in-court, colour: red}
            """)
        #expect(
            errors.map(\.location.description) == [
                "firm.yaml:3:35", "firm.yaml:5:32", "firm.yaml:7:72", "firm.yaml:9:30", "firm.yaml:9:46",
            ])
    }
}
