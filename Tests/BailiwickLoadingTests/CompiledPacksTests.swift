import Bailiwick
import BailiwickLoading
import BailiwickPacks
import Testing

/// The shipped packs the build compiled decode to exactly what the loader makes of the YAML.
struct CompiledPacksTests {
    /// Every set the build embeds: every pack, and each jurisdiction folder with the shared rules.
    static let subsets: [String?] =
        [nil] + Set(PackFiles.shipped.compactMap { $0.packPath.jurisdictionFolder }).sorted()

    @Test(arguments: subsets)
    func theCompiledFormDecodesToTheLoadedPackSet(jurisdiction: String?) throws {
        let loaded = try PackSetLoader.load(PackFiles.needed(for: jurisdiction, from: PackFiles.shipped))
        let form = try #require(
            EmbeddedPacks.compiled(for: jurisdiction), "no compiled form for \(jurisdiction ?? "all")")
        let decoded = try form.withUTF8Buffer { bytes in Result { try CompiledPackSet.decode(bytes) } }.get()
        let expected = Structure.of(loaded)
        let actual = Structure.of(decoded)
        #expect(expected.count > 2_000, "the comparison should walk the whole model")
        #expect(actual == expected, "first difference at line \(Structure.firstDifference(expected, actual))")
        #expect(ShippedPacks.load(jurisdiction: jurisdiction).map(Structure.of) == expected)
    }

    @Test func anUnknownJurisdictionGetsEveryPack() throws {
        let all = try #require(ShippedPacks.load(jurisdiction: nil))
        let unknown = try #require(ShippedPacks.load(jurisdiction: "xx-nowhere"))
        #expect(Structure.of(unknown) == Structure.of(all))
        #expect(EmbeddedPacks.compiled(for: "xx-nowhere") == nil)
    }

    @Test func theCompiledFormsWereMadeFromTheEmbeddedTexts() {
        #expect(EmbeddedPacks.compiledFrom == PackDigest.of(PackFiles.shipped))
        #expect(EmbeddedPacks.compiledFrom.count == 16)
    }

    @Test func aDamagedFormIsRefusedNotMisread() throws {
        let form = try #require(EmbeddedPacks.compiled(for: "us-wa"))
        let bytes = form.withUTF8Buffer { Array($0) }
        for damaged in [Array(bytes.dropLast(7)), Array(bytes.prefix(3)), [UInt8](), Array("BWKP\u{3F}".utf8)] {
            #expect(throws: CompactReader.Malformed.self) {
                try damaged.withUnsafeBufferPointer { try CompiledPackSet.decode($0) }
            }
        }
        #expect(throws: CompactReader.Malformed.self) {
            try (bytes + [0]).withUnsafeBufferPointer { try CompiledPackSet.decode($0) }
        }
    }

    @Test func aPackSetWithWarningsKeepsThem() throws {
        // A key with an invisible character is loaded with a warning, which the compiled form must carry.
        let packs = try PackSetLoader.load([
            PackFile(
                displayPath: "Rules/sources.yaml", packPath: "Rules/sources.yaml",
                text: "sources:\n  - key: \"state\u{200B}-rule\"\n    title: A rule\n")
        ])
        let bytes = CompiledPackSet.encode(packs)
        let decoded = try bytes.withUnsafeBufferPointer { try CompiledPackSet.decode($0) }
        #expect(!packs.warnings.isEmpty)
        #expect(Structure.of(decoded) == Structure.of(packs))
    }
}

extension String {
    fileprivate var jurisdictionFolder: String? {
        let parts = split(separator: "/")
        return parts.count >= 3 && parts[0] == "Jurisdictions" ? String(parts[1]) : nil
    }
}

/// Every stored property of a value, all the way down (private and package ones too), one per line,
/// with dictionaries and sets in a fixed order: two values with the same lines hold the same data.
enum Structure {
    static func of(_ value: Any) -> [String] {
        var lines: [String] = []
        walk(value, label: "packs", depth: 0, into: &lines)
        return lines
    }

    static func firstDifference(_ a: [String], _ b: [String]) -> String {
        for (index, (x, y)) in zip(a, b).enumerated() where x != y { return "\(index): \(x) | \(y)" }
        return "\(min(a.count, b.count)) (one is longer)"
    }

    private static func walk(_ value: Any, label: String, depth: Int, into lines: inout [String]) {
        let mirror = Mirror(reflecting: value)
        let indent = String(repeating: " ", count: depth)
        // A calendar's table of observed holidays is a cache filled on use, not data.
        if String(describing: mirror.subjectType) == "HolidayTable" { return }
        // The decision tables copied to memory of their own (`DecisionTables.Buffers`): the same data as
        // `decisionTables`, which is compared, at addresses that differ from run to run.
        if label == "decisionBuffers" { return }
        switch mirror.displayStyle {
        case .dictionary, .set:
            var entries: [[String]] = []
            for child in mirror.children {
                var entry: [String] = []
                walk(child.value, label: "entry", depth: depth + 1, into: &entry)
                entries.append(entry)
            }
            lines.append("\(indent)\(label): \(mirror.subjectType) of \(entries.count)")
            for entry in entries.sorted(by: { $0.joined(separator: "\n") < $1.joined(separator: "\n") }) {
                lines += entry
            }
        case .optional where mirror.children.isEmpty:
            lines.append("\(indent)\(label): nil")
        case nil,
            .enum where mirror.children.isEmpty:
            lines.append("\(indent)\(label): \(value)")
        default:
            lines.append("\(indent)\(label): \(mirror.subjectType)")
            var children = Array(mirror.children)
            var superclass = mirror.superclassMirror
            while let parent = superclass {
                children += parent.children
                superclass = parent.superclassMirror
            }
            for (index, child) in children.enumerated() {
                walk(child.value, label: child.label ?? "\(index)", depth: depth + 1, into: &lines)
            }
        }
    }
}
