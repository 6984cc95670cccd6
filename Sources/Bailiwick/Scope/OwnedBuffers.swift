extension UnsafeMutableBufferPointer {
    /// A buffer of its own holding a copy of `array`, for tables made once and read by pointer;
    /// its owner frees it (`free`).
    static func copy(_ array: [Element]) -> UnsafeMutableBufferPointer {
        let buffer = UnsafeMutableBufferPointer.allocate(capacity: array.count)
        _ = buffer.initialize(from: array)
        return buffer
    }

    func free() {
        deinitialize()
        deallocate()
    }
}
