import Foundation
import Listening
import SwitchboardCore

/// Output of `feed parse`: text for people, JSON for scripts. Every string passes through
/// `HTMLText.clean` again, so nothing from the network reaches the terminal as a control sequence.
enum FeedPrinter {
    struct EntryJSON: Encodable {
        var id, title, link, author, published, updated, summary, content: String?
    }

    struct FeedJSON: Encodable {
        var source: String
        var error: String?
        var title, link, version, encoding: String?
        var recovered: Bool?
        var entries: [EntryJSON]?
    }

    static func printJSON(source: String, feed: Feed?, error: String?) {
        var doc = FeedJSON(source: source, error: error.map { HTMLText.clean($0) })
        if let f = feed {
            doc.title = f.title.map { HTMLText.clean($0) }
            doc.link = f.link.map { HTMLText.clean($0) }
            (doc.version, doc.encoding, doc.recovered) = (f.version, f.encoding, f.recovered)
            doc.entries = f.entries.map { e in
                EntryJSON(
                    id: e.id.map { HTMLText.clean($0) }, title: e.title.map { HTMLText.clean($0) },
                    link: e.link.map { HTMLText.clean($0) }, author: e.author.map { HTMLText.clean($0) },
                    published: e.published.map(Timestamp.format), updated: e.updated.map(Timestamp.format),
                    summary: e.summary.map { HTMLText.clean($0, keepNewlines: true) },
                    content: e.content.map { HTMLText.clean($0, keepNewlines: true) })
            }
        }
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var data = try? enc.encode(doc) else { return }
        data.append(10)
        Output.write(data)
    }

    static func printText(_ f: Feed, multiple: Bool, source: String) {
        var out = ""
        if multiple { out += "==> \(HTMLText.clean(source)) <==\n" }
        out += "Feed:    \(HTMLText.clean(f.title ?? "(no title)"))\n"
        out += "Link:    \(HTMLText.clean(f.link ?? "-"))\n"
        out +=
            "Format:  \(f.version ?? "unknown"), \(f.encoding)\(f.recovered ? ", recovered from ill-formed XML" : "")\n"
        out += "Entries: \(f.entries.count)\n"
        for (i, e) in f.entries.enumerated() {
            out += "\n[\(i + 1)] \(HTMLText.clean(e.title ?? "(no title)"))\n"
            func line(_ label: String, _ v: String?) {
                if let v, !v.isEmpty { out += "    \(label) \(HTMLText.clean(v))\n" }
            }
            line("id:       ", e.id)
            line("link:     ", e.link)
            line("author:   ", e.author)
            line("published:", e.published.map(Timestamp.format))
            line("updated:  ", e.updated.map(Timestamp.format))
            if let s = e.summary ?? e.content, !s.isEmpty {
                let text = HTMLText.clean(s, keepNewlines: true)
                let clipped = text.count > 600 ? String(text.prefix(600)) + "…" : text
                for l in clipped.split(separator: "\n", omittingEmptySubsequences: false) { out += "    | \(l)\n" }
            }
        }
        Output.write(out)
    }
}
