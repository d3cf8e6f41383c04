import Foundation

/// Makes text from strangers safe to draw: C0/C1 controls, ESC sequences (CSI, OSC — including OSC 52
/// and OSC 8 —, DCS, SOS/PM/APC) and bidi overrides never reach a cell. Newlines and tabs become spaces
/// in single-line mode; in multi-line mode newlines are kept (the wrapper splits on them).
/// Private to the UI until ScreenKit's Sanitizer lands (the lead dedupes).
enum ScreenText {
    /// Bidi embedding/override/isolate controls and other invisible formatting that can reorder text.
    @inline(__always)
    static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    static func sanitize(_ s: String, singleLine: Bool = true) -> String {
        // Fast path: plain printable ASCII (the common case in a feed).
        var clean = true
        for b in s.utf8 where b < 0x20 || b == 0x7F || b >= 0x80 { clean = false; break }
        if clean { return s }

        var out = String.UnicodeScalarView()
        var it = s.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return it.next()
        }
        var lastWasSpace = false
        func emitSpace() { if !lastWasSpace { out.append(" "); lastWasSpace = true } }
        while let c = next() {
            let v = c.value
            switch v {
            case 0x1B: // ESC: drop the whole sequence
                guard let n = next() else { break }
                switch n.value {
                case 0x5B: skipCSI(&it)                      // CSI
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: skipString(&it) // OSC, DCS, SOS, PM, APC
                case 0x20...0x2F: _ = it.next()               // ESC + intermediate + final
                default: break                                // two-character sequence
                }
            case 0x9B: skipCSI(&it)
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F: skipString(&it)
            case 0x0A, 0x0D:
                if singleLine { emitSpace() } else if v == 0x0A { out.append("\n"); lastWasSpace = false }
            case 0x09: emitSpace()
            case 0x00..<0x20, 0x7F, 0x80..<0xA0: break
            default:
                if isBidiControl(v) { break }
                out.append(c)
                lastWasSpace = v == 0x20
            }
        }
        return String(out)
    }

    /// CSI: parameters and intermediates up to a final byte 0x40–0x7E.
    private static func skipCSI(_ it: inout String.UnicodeScalarView.Iterator) {
        while let c = it.next() {
            if (0x40...0x7E).contains(c.value) { return }
            if c.value < 0x20 || c.value > 0x7E { return }
        }
    }

    /// OSC/DCS/…: up to BEL, ST (ESC \) or the C1 ST (0x9C).
    private static func skipString(_ it: inout String.UnicodeScalarView.Iterator) {
        while let c = it.next() {
            switch c.value {
            case 0x07, 0x9C: return
            case 0x1B: _ = it.next(); return
            default: continue
            }
        }
    }
}

/// Sanitises a string from a mention (or any outside source) before it is drawn. See `ScreenText`.
func sanitizeForScreen(_ s: String, singleLine: Bool = true) -> String { ScreenText.sanitize(s, singleLine: singleLine) }
