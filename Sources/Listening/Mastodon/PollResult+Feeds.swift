import Foundation
import SwitchboardCore

extension PollResult {
    /// Polls a source's feeds in order into one result (Mastodon, Bluesky): `read` fetches one feed from its
    /// cursor and returns its items, the feed's new cursor, and a time to wait until (then the feeds after it
    /// wait for the next poll). An item already seen in an earlier feed (same `id`) is left out.
    ///
    /// A feed that fails with a `SourceError` ends the poll: the error itself is thrown when it needs a login or
    /// nothing was read yet, else a `PartialPoll` with what was read so far (and the end of a rate limit).
    static func gather<Feed, Item>(
        _ feeds: [Feed], cursor: [String: String], key: (Feed) -> String,
        read: (Feed, String?) async throws -> (items: [Item], newest: String?, wait: Date?),
        id: (Item) -> String, mention: (Item, Feed) -> Mention
    ) async throws -> PollResult {
        var result = PollResult(mentions: [], cursor: cursor)
        var seen = Set<String>()
        for feed in feeds {
            do {
                let (items, newest, wait) = try await read(feed, cursor[key(feed)])
                for item in items where seen.insert(id(item)).inserted { result.mentions.append(mention(item, feed)) }
                if let newest { result.cursor[key(feed)] = newest }
                if let wait { result.notBefore = wait; break }
            } catch let e as SourceError {
                if case .needsLogin = e { throw e }
                if result.mentions.isEmpty && result.cursor == cursor { throw e }
                if case .rateLimited(let at, _) = e { result.notBefore = at }
                throw PartialPoll(result: result, error: e)
            }
        }
        return result
    }
}
