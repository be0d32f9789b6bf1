extension String {
    /// A string of `scalars`, encoded straight into the string's storage.
    ///
    /// Appending scalars to `unicodeScalars` one by one was the slowest step of typesetting
    /// a long article; this is several times faster.
    init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var byteCount = 0
        for scalar in scalars { byteCount &+= UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: byteCount) { buffer in
            var position = 0
            for scalar in scalars {
                let value = scalar.value
                switch value {
                case 0..<0x80:
                    buffer[position] = UInt8(value)
                    position &+= 1
                case 0x80..<0x800:
                    buffer[position] = UInt8(0xC0 | value >> 6)
                    buffer[position &+ 1] = UInt8(0x80 | value & 0x3F)
                    position &+= 2
                case 0x800..<0x10000:
                    buffer[position] = UInt8(0xE0 | value >> 12)
                    buffer[position &+ 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[position &+ 2] = UInt8(0x80 | value & 0x3F)
                    position &+= 3
                default:
                    buffer[position] = UInt8(0xF0 | value >> 18)
                    buffer[position &+ 1] = UInt8(0x80 | value >> 12 & 0x3F)
                    buffer[position &+ 2] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[position &+ 3] = UInt8(0x80 | value & 0x3F)
                    position &+= 4
                }
            }
            return position
        }
    }
}
