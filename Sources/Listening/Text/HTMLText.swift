import Foundation

/// Turns HTML (feed summaries, Mastodon statuses) into clean, terminal-safe text, and cleans plain text
/// from the network.
///
/// - Tags are removed; block elements (`p`, `div`, `li`, `h1`…, `tr`) and `<br>` become line breaks.
/// - Character references are decoded: named (HTML 4 set), decimal and hexadecimal; `&#150;` means
///   what browsers show (Windows-1252), NUL and surrogates become U+FFFD.
/// - `script`, `style`, `template`, comments and processing instructions are dropped; CDATA is kept as text.
/// - Whitespace runs collapse to one space; at most two line breaks in a row; no leading or trailing space.
/// - Control characters, ANSI/OSC/DCS escape sequences (7- and 8-bit) and bidi overrides never survive,
///   whether written raw or as character references.
public enum HTMLText {
    /// Clean text of an HTML fragment (line breaks kept where blocks were).
    /// With `keepNewlines: false` the text is one line (titles).
    public static func text(fromHTML html: String, keepNewlines: Bool = true, options: Options = .feed) -> String {
        var c = TextCleaner(markup: true, keepNewlines: keepNewlines, capacity: html.utf8.count)
        c.options = options
        c.run(sanitizing: html)
        return c.result()
    }

    /// Plain text from the network made safe: controls and escape sequences removed, whitespace collapsed.
    /// With `keepNewlines`, line breaks survive (at most two in a row); otherwise everything is one line.
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        if isCleanLine(text) { return text }
        var c = TextCleaner(markup: false, keepNewlines: keepNewlines, capacity: text.utf8.count)
        c.run(sanitizing: text)
        return c.result()
    }

    /// Decodes character references only (no tag handling), then cleans like `clean(_:)`.
    public static func decodeEntities(_ text: String, keepNewlines: Bool = false) -> String {
        var c = TextCleaner(markup: false, keepNewlines: keepNewlines, capacity: text.utf8.count)
        c.entities = true
        c.run(sanitizing: text)
        return c.result()
    }

    /// Whether a string looks like HTML markup: a tag (`<p>`, `</a>`, `<br/>`) or a character reference.
    public static func looksLikeHTML(_ text: String) -> Bool {
        var s = text
        return s.withUTF8 { b in
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c == UInt8(ascii: "<"), i + 1 < n {
                    let d = b[i + 1]
                    if isAlpha(d) || d == UInt8(ascii: "/") || d == UInt8(ascii: "!") { return true }
                } else if c == UInt8(ascii: "&"), i + 1 < n {
                    var j = i + 1
                    if b[j] == UInt8(ascii: "#") { j += 1 }
                    let start = j
                    while j < n, j - start < 32, isAlnum(b[j]) { j += 1 }
                    if j > start, j < n, b[j] == UInt8(ascii: ";") { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Fast path: printable ASCII without leading, trailing or doubled spaces needs no work.
    static func isCleanLine(_ s: String) -> Bool {
        var prevSpace = true
        for b in s.utf8 {
            if b < 0x20 || b >= 0x7F { return false }
            let sp = b == 0x20
            if sp && prevSpace { return false }
            prevSpace = sp
        }
        return !prevSpace || s.isEmpty
    }

    @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isAlpha(c) || (c >= 0x30 && c <= 0x39) }

    /// Elements that end a line of text.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    ]
    /// Elements whose content is never text.
    static let droppedElements: Set<String> = [
        "script", "style", "template", "head", "iframe", "object", "noembed", "noframes",
    ]
    /// Table cells and similar: a space between neighbours.
    static let spacedElements: Set<String> = ["td", "th", "img", "input", "option"]
}
