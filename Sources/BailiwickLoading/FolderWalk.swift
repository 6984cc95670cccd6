import Bailiwick
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The files under a folder, for caseloads and pack sets. Symbolic links to folders are followed;
/// a link back to a folder already on the way down (a loop) is reported, not followed. Nothing is
/// left out silently: a folder that cannot be listed, an entry whose type cannot be known (a
/// dangling link, one that cannot be examined) and a loop are each a problem at that path.
/// The result is sorted, so it never depends on the order the file system lists entries in.
public enum FolderWalk {
    public struct Result: Sendable {
        public var files: [String] = []
        public var problems: [Diagnostic] = []
    }

    /// The files under `folder` (at any depth) whose names `accept` takes.
    public static func files(under folder: String, accept: (String) -> Bool) -> Result {
        var result = Result()
        var info = stat()
        guard stat(folder, &info) == 0 else {
            let reason = InputFile.openFailure(errno, path: folder)
            result.problems.append(problem(folder, "cannot list the folder: \(reason)"))
            return result
        }
        walk(folder, ancestors: [FileIdentity(info)], accept: accept, into: &result)
        result.files.sort()
        result.problems.sort { $0.location < $1.location }
        return result
    }

    /// True for names ending in one of `extensions` (".yaml"), in any case.
    public static func hasExtension(_ name: String, in extensions: [String]) -> Bool {
        let lowered = name.lowercased()
        return extensions.contains { lowered.hasSuffix($0) }
    }

    private static func walk(
        _ folder: String, ancestors: Set<FileIdentity>, accept: (String) -> Bool,
        into result: inout Result
    ) {
        for name in list(folder, into: &result) {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else {
                result.problems.append(problem(path, "cannot examine this entry: \(InputFile.reason(errno))"))
                continue
            }
            if FileKind(info.st_mode) == .symbolicLink {
                guard stat(path, &info) == 0 else {
                    let reason = InputFile.openFailure(errno, path: path)
                    result.problems.append(problem(path, "cannot follow this link: \(reason)"))
                    continue
                }
            }
            if FileKind(info.st_mode) == .folder {
                let identity = FileIdentity(info)
                guard !ancestors.contains(identity) else {
                    result.problems.append(problem(path, "a link back to a folder it is inside (a loop); not followed"))
                    continue
                }
                walk(path, ancestors: ancestors.union([identity]), accept: accept, into: &result)
            } else if accept(name) {
                result.files.append(path)
            }
        }
    }

    /// The names in a folder, sorted; a folder that cannot be listed (or listed whole) is a problem.
    private static func list(_ folder: String, into result: inout Result) -> [String] {
        guard let stream = opendir(folder) else {
            result.problems.append(problem(folder, "cannot list the folder: \(InputFile.reason(errno))"))
            return []
        }
        defer { closedir(stream) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 {
                    result.problems.append(problem(folder, "cannot list the whole folder: \(InputFile.reason(errno))"))
                }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(validatingCString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard let name else {
                result.problems.append(problem(folder, "holds an entry whose name is not valid UTF-8; rename it"))
                continue
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    private static func problem(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), message)
    }
}
