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
        func head(_ key: String) -> String {
            let labels = ["feed", "link", "format", "entries"].map { L10n.t("cli.feed.label." + $0) + ":" }
            let width = labels.map(\.count).max()! + 1
            return Output.pad(L10n.t("cli.feed.label." + key) + ":", width)
        }
        let noTitle = "(" + L10n.t("cli.feed.noTitle") + ")"
        if multiple { out += "==> \(HTMLText.clean(source)) <==\n" }
        out += head("feed") + HTMLText.clean(f.title ?? noTitle) + "\n"
        out += head("link") + HTMLText.clean(f.link ?? "-") + "\n"
        out +=
            head("format") + (f.version ?? L10n.t("cli.feed.unknown")) + ", \(f.encoding)"
            + (f.recovered ? ", " + L10n.t("cli.feed.recovered") : "") + "\n"
        out += head("entries") + Output.count(f.entries.count) + "\n"
        let fields = ["id", "link", "author", "published", "updated"]
        let width = fields.map { L10n.t("cli.feed.field." + $0).count }.max()! + 1
        for (i, e) in f.entries.enumerated() {
            out += "\n[\(i + 1)] \(HTMLText.clean(e.title ?? noTitle))\n"
            func line(_ key: String, _ v: String?) {
                if let v, !v.isEmpty {
                    out += "    \(Output.pad(L10n.t("cli.feed.field." + key) + ":", width)) \(HTMLText.clean(v))\n"
                }
            }
            line("id", e.id)
            line("link", e.link)
            line("author", e.author)
            line("published", e.published.map { LocalFormat.moment($0) })
            line("updated", e.updated.map { LocalFormat.moment($0) })
            if let s = e.summary ?? e.content, !s.isEmpty {
                let text = HTMLText.clean(s, keepNewlines: true)
                let clipped = text.count > 600 ? String(text.prefix(600)) + "…" : text
                for l in clipped.split(separator: "\n", omittingEmptySubsequences: false) { out += "    | \(l)\n" }
            }
        }
        Output.write(out)
    }
}
