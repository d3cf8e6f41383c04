import Foundation
import SwitchboardCore

extension BlueskySource {
    /// Decodes one `app.bsky.notification.listNotifications` page into mentions, as a poll would
    /// (reasons mention, reply and quote only): for fuzzing, benchmarks and replaying saved pages.
    public func mentions(fromNotificationsPage data: Data) throws -> [Mention] {
        let r = HTTPResponse(status: 200, headers: [:], body: data)
        return try NetworkCall.decode(Bluesky.NotificationsPage.self, from: r, label: client.label).notifications
            .filter { BlueskySource.reasons.contains($0.reason) }
            .map { mention(uri: $0.uri, cid: $0.cid, author: $0.author, record: $0.record, indexedAt: $0.indexedAt, via: $0.reason) }
    }

    /// Decodes one `app.bsky.feed.searchPosts` page into mentions, as a poll would.
    public func mentions(fromSearchPage data: Data) throws -> [Mention] {
        let r = HTTPResponse(status: 200, headers: [:], body: data)
        return try NetworkCall.decode(Bluesky.SearchPage.self, from: r, label: client.label).posts
            .map { mention(uri: $0.uri, cid: $0.cid, author: $0.author, record: $0.record, indexedAt: $0.indexedAt, via: "search") }
    }
}
