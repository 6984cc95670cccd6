/// The byte form of data compiled at build time (the shipped packs): unsigned numbers in 6-bit digits
/// whose bytes are all ASCII, and strings as UTF-8, each string once in a table and referred to by
/// its number. Every byte sequence it writes is valid UTF-8, so the build can embed it in a Swift
/// string literal that the binary holds as static data, and reading it allocates only the strings.
package struct CompactWriter {
    /// Bumped whenever the layout of anything written changes, so a stale form is refused, not misread.
    package static let formatVersion = 1
    static let magic = Array("BWKP".utf8)

    private var body: [UInt8] = []
    private var numbers: [String: Int] = [:]
    private var strings: [String] = []

    package init() {}

    /// The header, the string table, then the body.
    package var bytes: [UInt8] {
        var head = CompactWriter()
        head.body = Self.magic
        head.unsigned(UInt(Self.formatVersion))
        head.unsigned(UInt(strings.count))
        for string in strings {
            head.unsigned(UInt(string.utf8.count))
            head.body += string.utf8
        }
        return head.body + body
    }

    package mutating func unsigned(_ value: UInt) {
        var rest = value
        repeat {
            let digit = UInt8(rest & 0x3F)
            rest >>= 6
            // Bit 6 says another digit follows; bit 7 is never set, so every byte is ASCII.
            body.append(rest == 0 ? digit : digit | 0x40)
        } while rest != 0
    }

    package mutating func int(_ value: Int) {
        // Zigzag, so small negative numbers stay short.
        unsigned(UInt(bitPattern: (value << 1) ^ (value >> (Int.bitWidth - 1))))
    }

    package mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

    package mutating func string(_ value: String) {
        if let number = numbers[value] {
            unsigned(UInt(number))
        } else {
            numbers[value] = strings.count
            unsigned(UInt(strings.count))
            strings.append(value)
        }
    }

    package mutating func optional<T>(_ value: T?, _ write: (inout CompactWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    package mutating func array<T>(_ values: [T], _ write: (inout CompactWriter, T) -> Void) {
        unsigned(UInt(values.count))
        for value in values { write(&self, value) }
    }
}

/// Reads what a `CompactWriter` wrote, refusing (never trapping on) anything out of shape.
package struct CompactReader {
    package struct Malformed: Error, Sendable, CustomStringConvertible {
        package let offset: Int
        package var description: String { "the compiled pack form is malformed at byte \(offset)" }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var table: [String] = []

    /// Reads the header and the string table; `bytes` must outlive the reader.
    package init(_ bytes: UnsafeBufferPointer<UInt8>) throws(Malformed) {
        self.bytes = bytes
        guard bytes.count >= CompactWriter.magic.count,
            bytes.prefix(CompactWriter.magic.count).elementsEqual(CompactWriter.magic)
        else { throw Malformed(offset: 0) }
        offset = CompactWriter.magic.count
        guard try unsigned() == UInt(CompactWriter.formatVersion) else { throw Malformed(offset: offset) }
        let total = try self.count()
        table.reserveCapacity(total)
        for _ in 0..<total {
            let length = try self.count()
            let text = UnsafeBufferPointer(rebasing: bytes[offset..<offset + length])
            table.append(String(decoding: text, as: UTF8.self))
            offset += length
        }
    }

    package var isAtEnd: Bool { offset == bytes.count }

    package mutating func unsigned() throws(Malformed) -> UInt {
        var value: UInt = 0
        var shift: UInt = 0
        while true {
            guard offset < bytes.count, shift < UInt(UInt.bitWidth) else { throw Malformed(offset: offset) }
            let byte = bytes[offset]
            offset += 1
            value |= UInt(byte & 0x3F) << shift
            if byte & 0x40 == 0 { return value }
            shift += 6
        }
    }

    package mutating func int() throws(Malformed) -> Int {
        let zigzag = try unsigned()
        return Int(bitPattern: zigzag >> 1) ^ -Int(bitPattern: zigzag & 1)
    }

    /// A count of things still to read: never more than the bytes left, so a bad count cannot exhaust memory.
    package mutating func count() throws(Malformed) -> Int {
        let value = try unsigned()
        guard value <= UInt(bytes.count - offset) else { throw Malformed(offset: offset) }
        return Int(value)
    }

    package mutating func bool() throws(Malformed) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Malformed(offset: offset) }
        offset += 1
        return bytes[offset - 1] == 1
    }

    package mutating func string() throws(Malformed) -> String {
        let number = try unsigned()
        guard number < UInt(table.count) else { throw Malformed(offset: offset) }
        return table[Int(number)]
    }

    package mutating func optional<T>(
        _ read: (inout CompactReader) throws(Malformed) -> T
    ) throws(Malformed) -> T? {
        try bool() ? try read(&self) : nil
    }

    package mutating func array<T>(
        _ read: (inout CompactReader) throws(Malformed) -> T
    ) throws(Malformed) -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    /// A case of a `String`-backed enum, by its raw value.
    package mutating func raw<T: RawRepresentable>(_: T.Type) throws(Malformed) -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw Malformed(offset: offset) }
        return value
    }

    package func malformed() -> Malformed { Malformed(offset: offset) }
}
