import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A caseload's report on its way out, assembled from the reporter's pieces and the spooled parts.
/// Pieces are gathered into writes of about 64 KiB; a part is copied from the spool to the output by
/// the kernel (copy_file_range) where it accepts the two files, and read from the spool straight into
/// the buffer where it does not (standard output a pipe or a terminal, another kind of file system,
/// a file opened to append). No part is made a `String`.
final class ReportAssembly {
    private let sink: ReportSink
    private let spool: Spool
    private var buffer: UnsafeMutableRawBufferPointer
    private var count = 0
    /// Cleared at the first copy the kernel refuses: the rest goes through the buffer.
    private var copying = ReportAssembly.copyFileRange != nil

    private static let writeSize = 64 << 10

    init(to sink: ReportSink, from spool: Spool) {
        self.sink = sink
        self.spool = spool
        buffer = .allocate(byteCount: 2 * Self.writeSize, alignment: 1)
    }

    deinit { buffer.deallocate() }

    /// A piece the reporter wrote (the head, a separator, the tail, a part made in memory).
    func append(_ text: String) throws(WriteFailure) {
        var text = text
        let failure = text.withUTF8 { bytes -> WriteFailure? in
            do throws(WriteFailure) {
                try append(UnsafeRawBufferPointer(bytes))
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// The part spooled for `index` (nothing for a part never stored, or an empty one).
    func appendPart(_ index: Int) throws(WriteFailure) {
        guard let span = spool.span(index), span.length > 0 else { return }
        var offset = span.offset
        var length = span.length
        if copying, length >= Self.copyAtLeast {
            try flush()
            while length > 0, let copied = copy(from: offset, length) {
                offset += copied
                length -= copied
            }
            if length == 0 { return }
        }
        if count + length > buffer.count { try flush() }
        if length > buffer.count {
            buffer.deallocate()
            buffer = .allocate(byteCount: length, alignment: 1)
        }
        try spool.read(offset: offset, length: length, into: buffer.baseAddress! + count)
        count += length
        if count >= Self.writeSize { try flush() }
    }

    /// Writes what is gathered.
    func flush() throws(WriteFailure) {
        guard count > 0 else { return }
        let gathered = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
        count = 0
        try sink.write(gathered)
    }

    private func append(_ bytes: UnsafeRawBufferPointer) throws(WriteFailure) {
        if count + bytes.count > buffer.count { try flush() }
        guard bytes.count <= buffer.count else { return try sink.write(bytes) }
        (buffer.baseAddress! + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count += bytes.count
        if count >= Self.writeSize { try flush() }
    }

    /// Copies up to `length` bytes at `offset` of the spool to the output's position; nil, and no
    /// more copies, when the kernel refuses (the buffer then writes the rest, and reports a failure
    /// of the output itself as any write does).
    private func copy(from offset: Int, _ length: Int) -> Int? {
        var from = Int64(offset)
        while true {
            let copied = Self.copyFileRange!(spool.descriptor, &from, sink.output, nil, length, 0)
            if copied > 0 { return copied }
            if copied < 0 && errno == EINTR { continue }
            copying = false
            return nil
        }
    }

    /// Parts smaller than this are read into the buffer: a copy of its own costs more than it saves.
    private static let copyAtLeast = 1 << 10

    private typealias CopyFileRange =
        @convention(c) (
            Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32
        ) -> Int

    /// glibc's copy_file_range (2.27 and later), looked up as the module map does not declare it.
    private static let copyFileRange: CopyFileRange? = dlsym(nil, "copy_file_range").map {
        unsafeBitCast($0, to: CopyFileRange.self)
    }
}
