/// A caseload's report on its way out, assembled from the reporter's pieces and the spooled parts,
/// gathered into writes of about 64 KiB. A part is copied from the spool's memory, or read from its
/// file, straight into the buffer: no part is made a `String` or copied again. (The kernel's copy
/// between the files, copy_file_range, was measured too: on ext4 it splices page by page and cost
/// as much as the read and the write.)
final class ReportAssembly {
    private let sink: ReportSink
    private let spool: Spool
    private var buffer: UnsafeMutableRawBufferPointer
    private var count = 0

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
        if span.inMemory { return try append(spool.bytes(of: span)) }
        let length = span.length
        if count + length > buffer.count { try flush() }
        if length > buffer.count {
            buffer.deallocate()
            buffer = .allocate(byteCount: length, alignment: 1)
        }
        try spool.read(span, into: buffer.baseAddress! + count)
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
        guard !bytes.isEmpty else { return }
        if count + bytes.count > buffer.count { try flush() }
        guard bytes.count <= buffer.count else { return try sink.write(bytes) }
        (buffer.baseAddress! + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count += bytes.count
        if count >= Self.writeSize { try flush() }
    }
}
