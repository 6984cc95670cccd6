import Bailiwick
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reading one input file (a pack or a matter), with the reason when it cannot be read. Messages
/// name the file and the reason only, never what the file holds.
public enum InputFile {
    /// The whole of a regular file as UTF-8 text, within `InputLimits.fileBytes`.
    public static func text(at path: String) throws(Diagnostic) -> String {
        let start = SourceLocation(file: path, line: 1, column: 1)
        // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked before any read.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Diagnostic(at: start, "cannot read the file: \(openFailure(errno, path: path))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw Diagnostic(at: start, "cannot read the file: \(reason(errno))")
        }
        if let kind = FileKind(info.st_mode), kind != .regular {
            throw Diagnostic(at: start, "cannot read the file: it is \(kind.description), not a regular file")
        }
        let limit = InputLimits.fileBytes
        if Int(info.st_size) > limit {
            throw Diagnostic(at: start, "the file is \(info.st_size) bytes, \(overLimit(limit))")
        }
        // Files of /proc and the like report a size of 0: the limit is kept while reading too. The bytes are read
        // straight into one buffer the file's size (and a byte, to see it end), grown 64 KiB at a time past that.
        // (`limit` may be as large as `Int.max`: one past it is never computed.)
        var bytes = [UInt8](repeating: 0, count: min(limit, max(4095, Int(info.st_size))) + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count <= limit else { break }
                bytes.append(contentsOf: repeatElement(0, count: min(1 << 16, limit - bytes.count + 1)))
            }
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw Diagnostic(at: start, "cannot read the file: \(reason(errno))")
            }
            filled += count
        }
        if filled > limit {
            throw Diagnostic(at: start, "the file is larger than \(limit) bytes, \(overLimit(limit))")
        }
        guard let text = String(validating: bytes[..<filled], as: UTF8.self) else {
            throw Diagnostic(at: start, "the file is not valid UTF-8 text")
        }
        return text
    }

    private static func overLimit(_ limit: Int) -> String {
        "more than the limit of \(limit) (set BAILIWICK_MAX_FILE_BYTES to raise it)"
    }

    /// Why `open(path)` failed with `code`, in words.
    public static func openFailure(_ code: Int32, path: String) -> String {
        switch code {
        case ENOENT:
            var info = stat()
            if lstat(path, &info) == 0, FileKind(info.st_mode) == .symbolicLink {
                return "it is a symbolic link to nothing (a dangling link)"
            }
            return "no such file"
        case ENXIO: return "it is a socket or a device without a reader, not a regular file"
        default: return reason(code)
        }
    }

    /// The reason an I/O call failed, in words ("permission denied").
    public static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ELOOP: return "too many levels of symbolic links (a loop)"
        case ENOTDIR: return "a part of the path is not a folder"
        case EISDIR: return "it is a folder, not a file"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}

/// The type of a file, from its `st_mode`.
public enum FileKind: Sendable, CustomStringConvertible {
    case regular, folder, symbolicLink, fifo, socket, characterDevice, blockDevice

    public init?(_ mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .regular: "a regular file"
        case .folder: "a folder"
        case .symbolicLink: "a symbolic link"
        case .fifo: "a FIFO (named pipe)"
        case .socket: "a socket"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        }
    }
}

/// A file as the file system knows it (device and inode), whatever path spells it: two paths
/// name the same file exactly when their identities are equal.
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    /// The identity of the file `path` names, following symbolic links; nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    public init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
