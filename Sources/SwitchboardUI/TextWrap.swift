import ScreenKit

/// Width-aware text helpers (private to the UI until ScreenKit's TextLayout lands; the lead dedupes).
enum TextWrap {
    /// The longest prefix of `s` that fits `width` cells, never splitting a wide character.
    static func clip(_ s: String, width: Int) -> String {
        guard width > 0 else { return "" }
        var w = 0
        var end = s.startIndex
        for i in s.indices {
            let cw = TextWidth.width(s[i])
            if w + cw > width { return String(s[..<i]) }
            w += cw
            end = s.index(after: i)
        }
        return String(s[..<end])
    }

    /// Clips with a trailing "…" when the text does not fit.
    static func ellipsize(_ s: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if TextWidth.width(s) <= width { return s }
        return clip(s, width: width - 1) + "…"
    }

    /// Pads (or clips) to exactly `width` cells.
    static func pad(_ s: String, width: Int) -> String {
        let c = clip(s, width: width)
        let w = TextWidth.width(c)
        return w < width ? c + String(repeating: " ", count: width - w) : c
    }

    static func padLeft(_ s: String, width: Int) -> String {
        let c = clip(s, width: width)
        let w = TextWidth.width(c)
        return w < width ? String(repeating: " ", count: width - w) + c : c
    }

    /// Greedy word wrap to `width` cells; explicit newlines start new lines; words longer than a line are
    /// broken between characters (never inside a wide character).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for para in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineW = 0
            for word in para.split(separator: " ", omittingEmptySubsequences: true) {
                var w = String(word)
                var ww = TextWidth.width(w)
                let sep = lineW == 0 ? 0 : 1
                if lineW + sep + ww <= width {
                    if sep == 1 { line += " " }
                    line += w; lineW += sep + ww
                    continue
                }
                if lineW > 0 { out.append(line); line = ""; lineW = 0 }
                while ww > width {
                    let head = clip(w, width: width)
                    if head.isEmpty { break }
                    out.append(head)
                    w = String(w.dropFirst(head.count))
                    ww = TextWidth.width(w)
                }
                line = w; lineW = ww
            }
            out.append(line)
        }
        return out
    }
}
