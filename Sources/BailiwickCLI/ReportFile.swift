import BailiwickLoading
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where a report goes: standard output, or a file written whole. The file is made unnamed in
/// the target's folder (O_TMPFILE, mode 0600) and only given a name, the target's, once it is
/// complete, so no other process sees half a report and nothing is left behind if the command
/// fails or is killed, even by SIGKILL. Where the file system has no O_TMPFILE, a hidden file
/// beside the target, created new (O_EXCL, so never an existing file) with mode 0600, stands in;
/// it is removed on every exit path but SIGKILL (`TemporaryName`).
final class ReportSink {
    private let target: String?
    private var descriptor: Int32 = -1
    /// The stand-in's name while it has one (no O_TMPFILE).
    private var named: (path: String, name: TemporaryName)?
    private var finished = false
    /// Written straight to the target, which is not a regular file.
    private var direct = false

    /// Standard output when `path` is nil.
    init(path: String?) throws(WriteFailure) {
        target = path
        guard let path else { return }
        var info = stat()
        if stat(path, &info) == 0, let kind = FileKind(info.st_mode), kind != .regular {
            guard kind != .folder else { throw WriteFailure("cannot write the report to \(path): it is a folder") }
            // A device or a FIFO (/dev/stdout, a pipe) is written to as it is: renaming a file
            // over it would replace the device, and "whole" means nothing for a stream.
            descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw WriteFailure("cannot write the report to \(path): \(WriteFailure.reason(errno))")
            }
            direct = true
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        // Naming an unnamed file needs /proc/self/fd (linkat without privileges).
        if access("/proc/self/fd", F_OK) == 0 {
            descriptor = open(folder, TemporaryName.unnamedFile | O_WRONLY | O_CLOEXEC, 0o600)
        }
        if descriptor < 0 {
            named = try TemporaryName.whileBlocked { () throws(WriteFailure) in
                var code = EEXIST
                for attempt in 0..<100 where code == EEXIST {
                    let candidate = Self.hiddenName(beside: path, attempt: attempt)
                    let name = try TemporaryName(candidate)
                    descriptor = open(candidate, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
                    if descriptor >= 0 { return (candidate, name) }
                    code = errno
                    name.clear()
                }
                throw WriteFailure("cannot create the report beside \(path): \(WriteFailure.reason(code))")
            }
        }
    }

    deinit { discard() }

    func write(_ text: String) throws(WriteFailure) {
        guard let target else { return try Console.print(text, terminator: "") }
        do {
            try Console.write(text, to: descriptor, what: target)
        } catch {
            discard()
            throw error
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(WriteFailure) {
        do {
            try Console.write(bytes, to: target == nil ? STDOUT_FILENO : descriptor, what: what)
        } catch {
            discard()
            throw error
        }
    }

    /// What the report is written to, for messages.
    private var what: String { target ?? "standard output" }

    /// Gives the complete report its name, replacing the target in one step (rename(2)).
    func finish() throws(WriteFailure) {
        guard let target, !finished else { return }
        if direct {
            finished = true
            close(descriptor)
            descriptor = -1
            return
        }
        do {
            try place(at: target)
        } catch {
            discard()
            throw error
        }
        finished = true
        // Mode 0600 while unnamed or hidden; once complete, the mode any new file would get.
        let mask = umask(0o022)
        umask(mask)
        fchmod(descriptor, 0o666 & ~mask)
        close(descriptor)
        descriptor = -1
    }

    /// Removes the unfinished report: closing an unnamed file frees it; a named one is unlinked.
    func discard() {
        guard !finished else { return }
        finished = true
        named?.name.remove()
        named = nil
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    private func place(at target: String) throws(WriteFailure) {
        if let named {
            guard rename(named.path, target) == 0 else {
                throw WriteFailure("cannot write the report to \(target): \(WriteFailure.reason(errno))")
            }
            named.name.clear()
            self.named = nil
            return
        }
        let source = "/proc/self/fd/\(descriptor)"
        if linkat(AT_FDCWD, source, AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0 { return }
        guard errno == EEXIST else {
            throw WriteFailure("cannot write the report to \(target): \(WriteFailure.reason(errno))")
        }
        // The target exists: link under a hidden name, then rename over the target in one step.
        try TemporaryName.whileBlocked { () throws(WriteFailure) in
            for attempt in 0..<100 {
                let candidate = Self.hiddenName(beside: target, attempt: attempt)
                let name = try TemporaryName(candidate)
                if linkat(AT_FDCWD, source, AT_FDCWD, candidate, AT_SYMLINK_FOLLOW) == 0 {
                    guard rename(candidate, target) == 0 else {
                        let code = errno
                        name.remove()
                        throw WriteFailure("cannot write the report to \(target): \(WriteFailure.reason(code))")
                    }
                    name.clear()
                    return
                }
                let code = errno
                name.clear()
                guard code == EEXIST else {
                    throw WriteFailure("cannot write the report to \(target): \(WriteFailure.reason(code))")
                }
            }
            throw WriteFailure("cannot write the report to \(target): no free temporary name beside it")
        }
    }

    /// `.report.json.<pid>.<n>.tmp` beside `path`.
    private static func hiddenName(beside path: String, attempt: Int) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = ".\((path as NSString).lastPathComponent).\(getpid()).\(attempt).tmp"
        return folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }
}
