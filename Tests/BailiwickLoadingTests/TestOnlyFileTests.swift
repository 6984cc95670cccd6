import BailiwickLoading
import BailiwickPacks
import Testing

/// Which pack files commands other than `test` and `validate` may skip unparsed.
struct TestOnlyFileTests {
    static func file(_ text: String) -> PackFile {
        PackFile(displayPath: "Rules/x.yaml", packPath: "Rules/x.yaml", text: text)
    }

    @Test func theShippedTestFilesAreExactlyTheOnesSkipped() {
        let skipped = PackFiles.shipped.filter(\.holdsOnlyTests).map(\.packPath)
        #expect(skipped == PackFiles.shipped.map(\.packPath).filter { $0.hasSuffix("tests.yaml") })
        #expect(skipped.count >= 16)
    }

    @Test(arguments: [
        ("tests:\n  - name: x\n", true), ("# a comment\ntests:\n  - name: x\n", true),
        ("tests:\r\n  - name: x\r\n", true), ("Tests:\n", false), ("tests:\nrules:\n", false),
        ("rules:\r\ntests:\r\n", false), ("", false), ("\n\n", false), ("testsuite:\n", false),
        ("tests: []\nfacts:\n", false),
    ])
    func aFileIsSkippedOnlyWhenTestsIsItsOneSection(text: String, skipped: Bool) {
        #expect(Self.file(text).holdsOnlyTests == skipped)
    }
}
