import Foundation
import SwitchboardCore

extension RSSSource {
    /// Longest text kept from a summary (the whole article is behind the link).
    static let maxTextLength = 4000

    /// A feed entry as a mention: platform `rss`; id = entry id, else link, else a hash of title and date;
    /// an id without a scheme (`123`) is qualified by the feed URL so two feeds' `123`s stay distinct.
    func mention(_ e: FeedEntry, feed: Feed, feedURL: URL, fetchedAt: Date) -> Mention {
        var id: String
        if let eid = e.id, !eid.isEmpty {
            id = eid
        } else if let link = e.link, !link.isEmpty {
            id = link
        } else {
            let stamp = (e.published ?? e.updated).map(Timestamp.format) ?? ""
            id =
                "hash:"
                + MentionKey.make(
                    platform: "rss", id: (e.title ?? "") + "\u{1F}" + stamp + "\u{1F}" + (e.summary ?? ""))
        }
        if !id.contains(":") { id = feedURL.absoluteString + "#" + id }
        var text = e.title ?? ""
        if let body = e.summary ?? e.content, !body.isEmpty, body != e.title {
            let clipped =
                body.count > RSSSource.maxTextLength ? String(body.prefix(RSSSource.maxTextLength)) + "…" : body
            text += text.isEmpty ? clipped : "\n" + clipped
        }
        var author: Author?
        if e.authorName != nil || e.authorEmail != nil || e.author != nil {
            author = Author(
                handle: e.authorEmail ?? e.authorName ?? e.author ?? "", name: e.authorName, url: e.authorURL)
        }
        var extra: [String: JSONValue] = [:]
        if let k = config.kind, !k.isEmpty { extra["kind"] = .string(k) }
        if let t = feed.title { extra["feed_title"] = .string(t) }
        return Mention(
            platform: "rss", id: id, text: text, createdAt: e.published ?? e.updated ?? fetchedAt,
            fetchedAt: fetchedAt, url: e.link.map(RSSSource.unwrapRedirect), author: author, source: config.id,
            title: e.title, extra: extra.isEmpty ? nil : extra)
    }

    /// Google Alerts links go through `https://www.google.com/url?…&url=REAL&…`: keep the real page.
    static func unwrapRedirect(_ link: String) -> String {
        guard link.hasPrefix("https://www.google.com/url?") || link.hasPrefix("http://www.google.com/url?"),
            let items = URLComponents(string: link)?.queryItems,
            let real = items.first(where: { $0.name == "url" || $0.name == "q" })?.value,
            real.hasPrefix("http://") || real.hasPrefix("https://")
        else { return link }
        return real
    }
}
