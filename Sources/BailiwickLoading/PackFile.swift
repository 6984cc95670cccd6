import Bailiwick
import Foundation

/// One YAML file of a pack set.
public struct PackFile: Sendable {
    /// The path shown in messages: as the user gave it, or `Rules/…` for a shipped file.
    public let displayPath: String
    /// The path inside the pack set: `Rules/actions.yaml`, `Jurisdictions/us-wa/scope.yaml`.
    public let packPath: String
    public let text: String

    public init(displayPath: String, packPath: String, text: String) {
        self.displayPath = displayPath
        self.packPath = packPath
        self.text = text
    }

    /// True when the file holds nothing but a `tests:` section: commands other than `test` and
    /// `validate` can skip it without parsing it. Reads the bytes, not characters: splitting every
    /// pack file into characters took more of `check`'s time than parsing the YAML it needed.
    public var holdsOnlyTests: Bool {
        var sawTests = false
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let first = bytes[lineStart]
            // A top-level key starts its line with an ASCII letter.
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20),
                let colon = bytes[lineStart..<lineEnd].firstIndex(of: UInt8(ascii: ":"))
            {
                guard bytes[lineStart..<colon].elementsEqual("tests".utf8) else { return false }
                sawTests = true
            }
            lineStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
        }
        return sawTests
    }

    /// The jurisdiction folder the file sits in, or nil for `Rules/`.
    var jurisdictionFolder: String? {
        let parts = packPath.split(separator: "/")
        guard parts.count >= 3, parts[0] == "Jurisdictions" else { return nil }
        return String(parts[1])
    }
}

/// Where pack files come from: files on disk, or the copy compiled into the binary (`PackFiles.shipped`
/// and `PackFiles.resolve(packsOption:)`, in BailiwickPacks, which the build makes with this loader).
public enum PackFiles {
    /// The environment variable that names a pack-set folder to use instead of the shipped one.
    public static let environmentVariable = "BAILIWICK_PACKS"

    /// The files a command about one jurisdiction needs: the shared `Rules/` and that
    /// jurisdiction's folder, without files that hold only tests.
    public static func needed(for jurisdiction: String?, from files: [PackFile]) -> [PackFile] {
        files.filter { file in
            !file.holdsOnlyTests
                && (jurisdiction == nil || file.jurisdictionFolder == nil || file.jurisdictionFolder == jurisdiction)
        }
    }

    /// Every YAML file of a folder laid out like the repository (`Rules/`, `Jurisdictions/`).
    public static func packSet(at folder: String) throws(DiagnosticList) -> [PackFile] {
        guard isPackSetRoot(folder) else {
            throw DiagnosticList([
                Diagnostic(
                    at: SourceLocation(file: folder, line: 1, column: 1),
                    "not a pack set: expected a folder holding Rules/ and Jurisdictions/")
            ])
        }
        var files: [PackFile] = []
        var problems: [Diagnostic] = []
        for top in ["Rules", "Jurisdictions"] where isFolder((folder as NSString).appendingPathComponent(top)) {
            let found = yamlFiles(under: (folder as NSString).appendingPathComponent(top))
            problems += found.problems
            for path in found.files {
                let relative = String(path.dropFirst(folder.count).drop { $0 == "/" })
                do { files.append(try read(path, packPath: relative)) } catch { problems.append(error) }
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return files
    }

    /// The shipped (or `base`) pack set with the given files and folders laid over it: a folder
    /// holding `Rules/` or `Jurisdictions/` replaces the whole set; a file or a jurisdiction folder
    /// replaces or adds the files at the same place in the set.
    public static func overlay(_ paths: [String], on base: [PackFile]) throws(DiagnosticList) -> [PackFile] {
        var files = base
        var problems: [Diagnostic] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                problems.append(
                    Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), "no such file or folder"))
                continue
            }
            do {
                if isFolder.boolValue && isPackSetRoot(path) {
                    files = try packSet(at: path)
                    continue
                }
                let found = isFolder.boolValue ? yamlFiles(under: path) : FolderWalk.Result(files: [path])
                problems += found.problems
                for file in found.files {
                    guard let packPath = packPath(of: file) else {
                        problems.append(
                            Diagnostic(
                                at: SourceLocation(file: file, line: 1, column: 1),
                                "cannot tell which pack this file belongs to: it must sit under a Rules/ or "
                                    + "Jurisdictions/<id>/ folder"
                            ))
                        continue
                    }
                    let loaded = try read(file, packPath: packPath)
                    files.removeAll { $0.packPath == packPath }
                    files.append(loaded)
                }
            } catch let error as DiagnosticList {
                problems += error.diagnostics
            } catch {
                problems.append(Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), "\(error)"))
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return files.sorted { $0.packPath < $1.packPath }
    }

    static func isPackSetRoot(_ folder: String) -> Bool {
        ["Rules", "Jurisdictions"].contains { isFolder((folder as NSString).appendingPathComponent($0)) }
    }

    private static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// `…/Jurisdictions/us-wa/scope.yaml` → `Jurisdictions/us-wa/scope.yaml`.
    static func packPath(of file: String) -> String? {
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        let parts = absolute.split(separator: "/", omittingEmptySubsequences: true)
        guard let start = parts.lastIndex(where: { $0 == "Rules" || $0 == "Jurisdictions" }) else { return nil }
        if parts[start] == "Jurisdictions" && parts.count - start < 3 { return nil }
        return parts[start...].joined(separator: "/")
    }

    /// The pack files under a folder: `.yaml` and `.yml` in any case, through linked folders.
    static func yamlFiles(under folder: String) -> FolderWalk.Result {
        FolderWalk.files(under: folder) { FolderWalk.hasExtension($0, in: [".yaml", ".yml"]) }
    }

    /// Reads a file as UTF-8 text, refusing anything else with a located error.
    public static func read(_ path: String, packPath: String) throws(Diagnostic) -> PackFile {
        PackFile(displayPath: path, packPath: packPath, text: try InputFile.text(at: path))
    }
}
