import CWidth

/// Display width of text in terminal cells, from the same wcwidth table ncurses uses (cached per scalar).
/// The first query sets up a UTF-8 locale when the program has not (wcwidth needs one); programs call
/// `setupLocale()` once at start-up anyway, before ncurses starts.
public enum TextWidth {
    /// Call once at start-up: UTF-8 locale from the environment, else C.UTF-8.
    @discardableResult
    public static func setupLocale() -> Bool { cwidth_setup_locale() != 0 }

    /// Width of one scalar: 0 for combining marks and zero-width characters, 2 for wide ones.
    @inline(__always)
    public static func width(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v >= 0x20 && v < 0x7F { return 1 }
        let w = Int(cwidth_scalar(v))
        return w < 0 ? 0 : w
    }

    /// Width of a grapheme cluster: the sum of its scalars' widths, as ncurses adds them (at most 2).
    @inline(__always)
    public static func width(_ c: Character) -> Int {
        if let a = c.asciiValue { return a >= 0x20 && a < 0x7F ? 1 : 0 }
        var w = 0
        for s in c.unicodeScalars { w += width(s) }
        return min(w, 2)
    }

    public static func width(_ s: String) -> Int {
        // ASCII fast path: printable ASCII is one cell per byte.
        var ascii = true
        var n = 0
        for b in s.utf8 {
            if b >= 0x80 { ascii = false; break }
            if b >= 0x20 && b != 0x7F { n += 1 }
        }
        if ascii { return n }
        // Scalar path: the sum of scalar widths equals the sum of grapheme widths unless a cluster holds
        // more than one spacing scalar (emoji ZWJ sequences and modifiers, Indic and other complex scripts);
        // only those fall back to grapheme iteration.
        var w = 0
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x7F {
                if v >= 0x20 { w += 1 }
                continue
            }
            if mayJoinSpacingScalars(v) { return width(s[...]) }
            w += width(u)
        }
        return w
    }

    /// Scalars that can put two spacing scalars into one grapheme cluster.
    @inline(__always)
    static func mayJoinSpacingScalars(_ v: UInt32) -> Bool {
        switch v {
        case 0x0900...0x0DFF, 0x0E00...0x0FFF, 0x1000...0x109F, 0x1780...0x17FF, 0x1B00...0x1BFF,
            0xA800...0xABFF, 0x200D, 0x1F3FB...0x1F3FF, 0x11000...0x11FFF:
            return true
        default:
            return false
        }
    }

    public static func width(_ s: Substring) -> Int {
        var w = 0
        for c in s { w += width(c) }
        return w
    }
}
