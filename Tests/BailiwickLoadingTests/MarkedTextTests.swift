import Testing

/// The helper the diagnostics tests count positions with.
struct MarkedTextTests {
    @Test func markersAreTakenOutAndNameTheirPlaces() {
        // "e" and a combining acute accent are one character but two scalars: columns count scalars.
        let marked = MarkedText("a: 1️⃣b\n  2️⃣c: e\u{301}3️⃣d\n")
        #expect(marked.text == "a: b\n  c: e\u{301}d\n")
        #expect(marked["1️⃣"] == "1:4")
        #expect(marked["2️⃣"] == "2:3")
        #expect(marked["3️⃣"] == "2:8")
        #expect(marked.markers == ["1️⃣", "2️⃣", "3️⃣"])
    }

    @Test func aDigitAloneIsText() {
        let marked = MarkedText("days: 21\n")
        #expect(marked.text == "days: 21\n")
        #expect(marked.markers.isEmpty)
    }

    @Test func aMarkerThatIsNotThereFailsTheTest() {
        withKnownIssue {
            _ = MarkedText("a: b\n")["1️⃣"]
        }
    }
}
