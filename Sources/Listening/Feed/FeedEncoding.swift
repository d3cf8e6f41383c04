import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Finds a feed's character encoding (byte-order mark, HTTP charset, XML declaration, in that order;
/// UTF-16/32 without a BOM by the shape of `<?`) and transcodes the bytes to UTF-8 for the XML parser,
/// rewriting the declaration so it no longer names another encoding. Undecodable bytes in a feed that
/// claims UTF-8 are read as Windows-1252, the usual culprit.
enum FeedEncoding {
    struct Result {
        var bytes: [UInt8], encoding: String, recovered: Bool
    }

    static func utf8(_ data: Data, httpCharset: String?) -> Result {
        let b = [UInt8](data)
        var body = b[...]
        var bomEncoding: String?
        if b.starts(with: [0xEF, 0xBB, 0xBF]) {
            bomEncoding = "utf-8"
            body = b[3...]
        } else if b.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            bomEncoding = "utf-32be"
            body = b[4...]
        } else if b.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            bomEncoding = "utf-32le"
            body = b[4...]
        } else if b.starts(with: [0xFE, 0xFF]) {
            bomEncoding = "utf-16be"
            body = b[2...]
        } else if b.starts(with: [0xFF, 0xFE]) {
            bomEncoding = "utf-16le"
            body = b[2...]
        } else if b.starts(with: [0x00, 0x00, 0x00, 0x3C]) {
            bomEncoding = "utf-32be"
        } else if b.starts(with: [0x3C, 0x00, 0x00, 0x00]) {
            bomEncoding = "utf-32le"
        } else if b.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
            bomEncoding = "utf-16be"
        } else if b.starts(with: [0x3C, 0x00, 0x3F, 0x00]) {
            bomEncoding = "utf-16le"
        }

        let http = httpCharset.map(normalize).flatMap { $0.isEmpty ? nil : $0 }
        let declared = bomEncoding == nil || bomEncoding == "utf-8" ? declaredEncoding(body).map(normalize) : nil
        // A UTF-16/32 document cannot really be in the ASCII-compatible charset a server claims.
        let chosen = bomEncoding ?? http ?? declared ?? "utf-8"

        var out: [UInt8]
        var recovered = false
        switch chosen {
        case "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968", "646", "iso646-us":
            if isValidUTF8(body) {
                out = Array(body)
            } else { out = lenientUTF8(body); recovered = true }
        case "iso-8859-1", "latin1", "latin-1", "l1", "iso8859-1", "iso_8859-1", "windows-1252", "cp1252", "x-cp1252":
            out = windows1252(body)
        default:
            if let t = iconv(body, from: chosen) {
                out = t
            } else if isValidUTF8(body) {
                out = Array(body)
                recovered = true
            } else { out = windows1252(body); recovered = true }
        }
        rewriteDeclaration(&out)
        return Result(bytes: out, encoding: chosen, recovered: recovered)
    }

    /// `"UTF-8"`, `'utf-8'`, ` utf-8 ` → `utf-8`.
    static func normalize(_ s: String) -> String {
        s.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")).lowercased()
    }

    /// `charset` parameter of a Content-Type header, tolerating `charset = "x"`, `charset:x` and quotes.
    static func charset(fromContentType ct: String?) -> String? {
        guard let ct = ct?.lowercased(), let r = ct.range(of: "charset") else { return nil }
        var rest = ct[r.upperBound...].drop { $0 == " " || $0 == "=" || $0 == ":" || $0 == "\"" || $0 == "'" }
        rest = rest.prefix { $0 != ";" && $0 != "\"" && $0 != "'" && $0 != " " }
        return rest.isEmpty ? nil : String(rest)
    }

    /// The `encoding` pseudo-attribute of an ASCII-compatible XML declaration.
    static func declaredEncoding(_ b: ArraySlice<UInt8>) -> String? {
        guard let r = declarationEncodingRange(b) else { return nil }
        return String(decoding: b[r], as: UTF8.self)
    }

    /// Range of the encoding value (without quotes) in `<?xml … encoding="…" ?>`.
    static func declarationEncodingRange(_ b: ArraySlice<UInt8>) -> Range<Int>? {
        let s = b.startIndex
        guard b.count > 5, b[s] == 0x3C, b[s + 1] == 0x3F, b[s + 2] | 0x20 == 0x78, b[s + 3] | 0x20 == 0x6D,
            b[s + 4] | 0x20 == 0x6C
        else { return nil }
        let end = min(b.endIndex, s + 240)
        var i = s + 5
        let key = Array("encoding".utf8)
        while i + key.count < end {
            if b[i] == 0x3F, b[i + 1] == 0x3E { return nil }
            if b[i..<(i + key.count)].elementsEqual(key) {
                var j = i + key.count
                while j < end, b[j] == 0x20 || b[j] == 0x3D || b[j] == 0x09 { j += 1 }
                guard j < end, b[j] == 0x22 || b[j] == 0x27 else { return nil }
                let q = b[j]
                let v = j + 1
                var k = v
                while k < end, b[k] != q, b[k] != 0x3F { k += 1 }
                return v..<k
            }
            i += 1
        }
        return nil
    }

    /// Makes the declaration say UTF-8 (the bytes now are).
    static func rewriteDeclaration(_ out: inout [UInt8]) {
        guard let r = declarationEncodingRange(out[...]) else { return }
        let v = out[r]
        if v.count == 5, v.map({ $0 | 0x20 }).elementsEqual(Array("utf-8".utf8)) { return }
        out.replaceSubrange(r, with: Array("utf-8".utf8))
    }

    static func isValidUTF8(_ b: ArraySlice<UInt8>) -> Bool {
        var ascii = true
        for c in b where c >= 0x80 { ascii = false; break }
        if ascii { return true }
        return b.withContiguousStorageIfAvailable { String(validating: $0, as: UTF8.self) != nil } ?? false
    }

    /// Valid UTF-8 sequences kept; every other byte read as Windows-1252.
    static func lenientUTF8(_ b: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 16)
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            if c < 0x80 { out.append(c); i += 1; continue }
            let len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0
            if len > 0, i + len <= b.endIndex, b[(i + 1)..<(i + len)].allSatisfy({ $0 & 0xC0 == 0x80 }),
                String(validating: b[i..<(i + len)], as: UTF8.self) != nil
            {
                out.append(contentsOf: b[i..<(i + len)])
                i += len
            } else { appendCP1252(c, &out); i += 1 }
        }
        return out
    }

    static func windows1252(_ b: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 8)
        for c in b { if c < 0x80 { out.append(c) } else { appendCP1252(c, &out) } }
        return out
    }

    @inline(__always) static func appendCP1252(_ c: UInt8, _ out: inout [UInt8]) {
        let v: UInt32 = c >= 0x80 && c <= 0x9F ? HTMLText.cp1252High[Int(c - 0x80)] : UInt32(c)
        out.append(contentsOf: UTF8.encode(Unicode.Scalar(v)!)!)
    }

    /// Any other encoding through the C library's iconv; nil when unknown or undecodable.
    static func iconv(_ b: ArraySlice<UInt8>, from name: String) -> [UInt8]? {
        #if canImport(Glibc)
            let cd = iconv_open("UTF-8", name.uppercased())
            guard let cd, Int(bitPattern: cd) != -1 else { return nil }
            defer { iconv_close(cd) }
            var input = Array(b)
            var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
            let used: Int? = input.withUnsafeMutableBufferPointer { inBuf in
                output.withUnsafeMutableBufferPointer { outBuf in
                    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?
                        .assumingMemoryBound(to: CChar.self)
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = inBuf.count
                    var outLeft = outBuf.count
                    while inLeft > 0 {
                        if Glibc.iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 {
                            guard errno == EILSEQ || errno == EINVAL, inLeft > 0, outLeft >= 3 else { return nil }
                            // Skip one undecodable byte, leaving U+FFFD.
                            inPtr = inPtr! + 1
                            inLeft -= 1
                            outPtr![0] = CChar(bitPattern: 0xEF)
                            outPtr![1] = CChar(bitPattern: 0xBF)
                            outPtr![2] = CChar(bitPattern: 0xBD)
                            outPtr = outPtr! + 3
                            outLeft -= 3
                        }
                    }
                    return outBuf.count - outLeft
                }
            }
            guard let used else { return nil }
            output.removeSubrange(used...)
            return output
        #else
            return nil
        #endif
    }
}
