import Foundation
import TextSafety

/// One pass over sanitised UTF-8 bytes (see `run(sanitizing:)`): tags (when `markup`), character references
/// (when `markup` or `entities`) and whitespace. Output is built as UTF-8 bytes.
struct TextCleaner {
    let markup: Bool
    let keepNewlines: Bool
    var entities: Bool
    var out: [UInt8] = []
    var pendingSpace = false
    var pendingBreaks = 0
    var options = HTMLText.Options.feed
    /// An open link being rewritten (`Options.rewritesLinks`): where its visible text starts in `out`.
    var link: (start: Int, href: [UInt8], isTag: Bool)?

    init(markup: Bool, keepNewlines: Bool, capacity: Int) {
        (self.markup, self.keepNewlines, self.entities) = (markup, keepNewlines, markup)
        out.reserveCapacity(capacity)
    }

    func result() -> String { String(decoding: out, as: UTF8.self) }

    // MARK: output

    @inline(__always) mutating func space() { pendingSpace = true }

    @inline(__always) mutating func lineBreak(_ add: Bool = false, atLeast: Int = 1) {
        guard keepNewlines else { pendingSpace = true; return }
        pendingBreaks = add ? min(2, pendingBreaks + 1) : max(atLeast, pendingBreaks)
    }

    @inline(__always) mutating func flush() {
        if !out.isEmpty {
            if pendingBreaks > 0 {
                for _ in 0..<pendingBreaks { out.append(10) }
            } else if pendingSpace {
                out.append(32)
            }
        }
        pendingSpace = false
        pendingBreaks = 0
    }

    @inline(__always) mutating func emit(_ b: UInt8) {
        flush()
        out.append(b)
    }

    /// A decoded scalar: whitespace like raw input; anything TextSafety calls unsafe is dropped.
    mutating func emit(scalar v: UInt32) {
        switch v {
        case 0x09, 0x20, 0xA0, 0x3000, 0x1680, 0x2000...0x200A, 0x202F, 0x205F: space()
        case 0x0A, 0x0D, 0x0C, 0x0B, 0x85, 0x2028, 0x2029: if markup { space() } else { lineBreak(true) }
        case 0xD800...0xDFFF: emit(scalar: 0xFFFD)
        default:
            guard let u = Unicode.Scalar(v), !SafeText.isUnsafe(u, after: previousScalar()) else { return }
            flush()
            out.append(contentsOf: UTF8.encode(u)!)
        }
    }

    /// The scalar a new one would follow (only tag characters ask: emoji tag sequences).
    func previousScalar() -> Unicode.Scalar {
        if pendingSpace || pendingBreaks > 0 { return " " }
        return String(decoding: out.suffix(4), as: UTF8.self).unicodeScalars.last ?? " "
    }

    // MARK: input

    /// Runs over `text` after TextSafety's sanitiser (escape sequences and unsafe characters gone, every line
    /// break a "\n"): what is left is markup, references, whitespace and text.
    mutating func run(sanitizing text: String) {
        var s = SafeText.clean(text, newlines: .keep, tabs: .keep)
        s.withUTF8 { run($0) }
    }

    mutating func run(_ b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 {
                switch c {
                case 0x3C where markup: i = tag(b, i)
                case 0x26 where entities: i = reference(b, i)
                case 0x20, 0x09:
                    space()
                    i += 1
                case 0x0A:
                    if markup { space() } else { lineBreak(true) }
                    i += 1
                case 0..<0x20, 0x7F: i += 1
                default:
                    emit(c)
                    i += 1
                }
                continue
            }
            // Multi-byte UTF-8 (the input is a valid Swift string): decode to find whitespace.
            let len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
            guard i + len <= n else { break }
            var v = UInt32(c) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
            for k in 1..<len { v = v << 6 | UInt32(b[i + k] & 0x3F) }
            if v <= 0xA0 || (v >= 0x2000 && v <= 0x206F) || v == 0x3000 || v == 0x1680 {
                emit(scalar: v)
            } else {
                flush()
                for k in 0..<len { out.append(b[i + k]) }
            }
            i += len
        }
    }
}
