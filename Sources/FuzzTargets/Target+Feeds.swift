import Foundation
import Listening

extension FuzzTarget {
    /// Listening's `FeedParser` (RSS 0.9x/1.0/2.0, Atom, repair of broken XML, encodings): never crashes,
    /// and every text field of the feed and its entries is terminal-safe.
    public static let feed = FuzzTarget(
        name: "feed", summary: "Listening FeedParser: RSS/Atom, every field terminal-safe"
    ) { data in
        let parsed: Feed
        do {
            parsed = try FeedParser.parse(data, url: URL(string: "https://feeds.example/news/feed.xml"))
        } catch let e as FeedError {
            try Invariants.terminalSafe(e.description, "FeedError", newlines: false)
            return
        }
        try Invariants.terminalSafe(parsed.title, "feed.title", newlines: false)
        try Invariants.terminalSafe(parsed.link, "feed.link", newlines: false)
        for e in parsed.entries {
            try Invariants.terminalSafe(e.id, "entry.id", newlines: false)
            try Invariants.terminalSafe(e.title, "entry.title", newlines: false)
            try Invariants.terminalSafe(e.link, "entry.link", newlines: false)
            try Invariants.terminalSafe(e.author, "entry.author", newlines: false)
            try Invariants.terminalSafe(e.authorName, "entry.authorName", newlines: false)
            try Invariants.terminalSafe(e.authorEmail, "entry.authorEmail", newlines: false)
            try Invariants.terminalSafe(e.authorURL, "entry.authorURL", newlines: false)
            try Invariants.terminalSafe(e.summary, "entry.summary", newlines: true)
            try Invariants.terminalSafe(e.content, "entry.content", newlines: true)
        }
    }

    /// Listening's HTML-to-text (`HTMLText`; `MastodonHTML` + `NetworkText.content`): terminal-safe output, at most two line
    /// breaks in a row, no leading or trailing whitespace, one line when newlines are not kept.
    public static let html = FuzzTarget(name: "html", summary: "Listening HTMLText/MastodonHTML: safe, tidy text") {
        data in
        let s = Invariants.text(data)
        let results: [(String, String, Bool)] = [
            ("HTMLText.text", HTMLText.text(fromHTML: s), true),
            ("HTMLText.text(keepNewlines: false)", HTMLText.text(fromHTML: s, keepNewlines: false), false),
            ("HTMLText.clean", HTMLText.clean(s), false),
            ("HTMLText.clean(keepNewlines: true)", HTMLText.clean(s, keepNewlines: true), true),
            ("HTMLText.decodeEntities", HTMLText.decodeEntities(s), false),
        ]
        for (what, out, newlines) in results {
            try Invariants.terminalSafe(out, what, newlines: newlines)
            if out.contains("\n\n\n") {
                throw FuzzViolation("\(what): three line breaks in a row in \(out.debugDescription.prefix(200))")
            }
            if let f = out.unicodeScalars.first, f == " " || f == "\n" {
                throw FuzzViolation("\(what): leading whitespace in \(out.debugDescription.prefix(200))")
            }
            if let l = out.unicodeScalars.last, l == " " || l == "\n" {
                throw FuzzViolation("\(what): trailing whitespace in \(out.debugDescription.prefix(200))")
            }
        }
        _ = HTMLText.looksLikeHTML(s)
        // Mastodon's converter leaves cleaning to NetworkText.content, as MastodonSource does.
        try Invariants.terminalSafe(
            NetworkText.content(MastodonHTML.text(s)), "NetworkText.content(MastodonHTML.text)", newlines: true,
            tabs: true)
    }
}
