import Foundation
import SwitchboardCore

extension BlueskySource {
    /// Pages back from the newest until an item not newer than `since` (the first poll reads one page): `page`
    /// fetches the page after a cursor (its items and the next cursor), `take` turns an item into a mention, or
    /// skips it with nil (a skipped item still moves the new cursor, returned with the mentions).
    func pages<Item>(
        since: String?, indexedAt: (Item) -> String,
        page: (String?) async throws -> (items: [Item], cursor: String?), take: (Item) -> Mention?
    ) async throws -> ([Mention], String?) {
        var out: [Mention] = []
        var newest = since
        var cursor: String? = nil
        let sinceDate = since.flatMap(Timestamp.parse)
        for _ in 0..<max(1, maxPages) {
            let (items, next) = try await page(cursor)
            var reachedOld = false
            for item in items {
                let at = Timestamp.parse(indexedAt(item))
                if let s = sinceDate, let at, at < s { reachedOld = true; continue }
                if newest == nil || (at != nil && at! > (newest.flatMap(Timestamp.parse) ?? .distantPast)) {
                    newest = indexedAt(item)
                }
                if let m = take(item) { out.append(m) }
            }
            guard since != nil, !reachedOld, !items.isEmpty, let next, next != cursor else { break }
            cursor = next
        }
        return (out, newest)
    }

    /// Decodes one `app.bsky.notification.listNotifications` page into mentions, as a poll would
    /// (reasons mention, reply and quote only): for fuzzing, benchmarks and replaying saved pages.
    public func mentions(fromNotificationsPage data: Data) throws -> [Mention] {
        let r = HTTPResponse(status: 200, headers: [:], body: data)
        return try NetworkCall.decode(Bluesky.NotificationsPage.self, from: r, label: client.label).notifications
            .filter { take($0, tally: nil) }
            .map {
                mention(
                    uri: $0.uri, cid: $0.cid, author: $0.author, record: $0.record, indexedAt: $0.indexedAt,
                    via: $0.reason)
            }
    }

    /// Decodes one `app.bsky.feed.searchPosts` page into mentions, as a poll would.
    public func mentions(fromSearchPage data: Data) throws -> [Mention] {
        let r = HTTPResponse(status: 200, headers: [:], body: data)
        return try NetworkCall.decode(Bluesky.SearchPage.self, from: r, label: client.label).posts
            .map {
                mention(
                    uri: $0.uri, cid: $0.cid, author: $0.author, record: $0.record, indexedAt: $0.indexedAt,
                    via: "search")
            }
    }
}
