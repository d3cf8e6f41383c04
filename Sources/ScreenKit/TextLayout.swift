/// Text helpers for panes, by display width (cells), never splitting a grapheme cluster or a wide character.
public enum TextLayout {
    public enum Alignment: Sendable { case left, right, center }

    /// Word-wraps `text` to lines of at most `width` cells. Paragraphs ("\n") start new lines (an empty
    /// paragraph gives an empty line); spaces at a wrap point are dropped; a word longer than a line is
    /// broken between grapheme clusters. A single character wider than `width` gets a line of its own.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrapParagraph(paragraph, width: width, into: &lines)
        }
        return lines
    }

    static func wrapParagraph(_ p: Substring, width: Int, into lines: inout [String]) {
        if TextWidth.width(p) <= width { lines.append(String(p)); return }
        var line = ""
        var lineWidth = 0
        var pendingSpace = ""  // spaces between the line so far and the next word
        var spaceWidth = 0
        var word = ""
        var wordWidth = 0

        func flushWord() {
            guard !word.isEmpty else { return }
            if lineWidth > 0 && lineWidth + spaceWidth + wordWidth > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            } else if lineWidth > 0 {
                line += pendingSpace
                lineWidth += spaceWidth
            }
            // A word longer than a line: hard-break it.
            if wordWidth > width {
                for ch in word {
                    let w = TextWidth.width(ch)
                    if lineWidth + w > width && lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
                    line.append(ch)
                    lineWidth += w
                }
            } else { line += word; lineWidth += wordWidth }
            (word, wordWidth, pendingSpace, spaceWidth) = ("", 0, "", 0)
        }

        for ch in p {
            if ch == " " {
                flushWord()
                if lineWidth > 0 { pendingSpace.append(" "); spaceWidth += 1 }
            } else { word.append(ch); wordWidth += TextWidth.width(ch) }
        }
        flushWord()
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
    }

    /// `text` cut to at most `width` cells; when cut, it ends in `ellipsis` (default "…", pass "" for none).
    /// Never splits a wide character: the result may be one cell narrower than `width`.
    public static func clip(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if TextWidth.width(text) <= width { return text }
        let ew = TextWidth.width(ellipsis)
        let room = ew > width ? width : width - ew
        var out = ""
        var w = 0
        for ch in text {
            let cw = TextWidth.width(ch)
            if w + cw > room { break }
            out.append(ch)
            w += cw
        }
        return ew > width ? out : out + ellipsis
    }

    /// `text` clipped (with `ellipsis`) and padded with spaces to exactly `width` cells.
    public static func pad(_ text: String, width: Int, alignment: Alignment = .left, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let t = clip(text, width: width, ellipsis: ellipsis)
        let gap = width - TextWidth.width(t)
        if gap <= 0 { return t }
        switch alignment {
        case .left: return t + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + t
        case .center:
            let l = gap / 2
            return String(repeating: " ", count: l) + t + String(repeating: " ", count: gap - l)
        }
    }

    /// The prefix of `text` that fits in `width` cells (no ellipsis), and its width.
    public static func prefix(_ text: String, width: Int) -> (text: Substring, width: Int) {
        var w = 0
        var end = text.startIndex
        for i in text.indices {
            let cw = TextWidth.width(text[i])
            if w + cw > width { break }
            w += cw
            end = text.index(after: i)
        }
        return (text[..<end], w)
    }
}
