#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GB18030 (and so GBK and GB2312) decoding through the C library's iconv.
enum GB18030 {
    struct Result {
        var text: String
        var replaced: Int
        var firstBadOffset: Int?
    }

    /// Returns nil when iconv cannot convert and `lossy` is false, or when iconv lacks GB18030.
    static func decode(_ bytes: [UInt8], lossy: Bool) -> Result? {
        let cd = iconv_open("UTF-8", "GB18030")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }

        var output = [UInt8]()
        output.reserveCapacity(bytes.count * 3 / 2 + 16)
        var replaced = 0
        var firstBad: Int?
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes
        let total = input.count
        var offset = 0
        while offset < total {
            let (consumed, produced, failure) = input.withUnsafeMutableBufferPointer { inBuf -> (Int, Int, Int32) in
                chunk.withUnsafeMutableBufferPointer { outBuf -> (Int, Int, Int32) in
                    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress! + offset)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = total - offset
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count
                    let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    let err: Int32 = rc == -1 ? errno : 0
                    return ((total - offset) - inLeft, outBuf.count - outLeft, err)
                }
            }
            output.append(contentsOf: chunk[0..<produced])
            offset += consumed
            switch failure {
            case 0, E2BIG:
                continue
            default:
                // EILSEQ (bad sequence) or EINVAL (cut off at the end)
                guard lossy else { return nil }
                replaced += 1
                if firstBad == nil { firstBad = offset }
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                offset += 1
            }
        }
        return Result(text: String(decoding: output, as: UTF8.self), replaced: replaced, firstBadOffset: firstBad)
    }
}
