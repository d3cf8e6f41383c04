import Foundation
import SwitchboardCore

/// What the Instagram, Facebook and Threads sources share: a list of feeds (each with its cursor key) read in
/// order through one `GraphClient`, their mentions built by one `GraphFeed`, and one poll over them all
/// (`PollResult.gatherGraph`: the usage headers slow the next poll down).
protocol GraphSource: Source {
    associatedtype Feed
    /// `instagram`, `facebook`, `threads`: the mentions' network.
    static var platform: String { get }
    var config: SourceConfig { get }
    var client: GraphClient { get }
    var maxPages: Int { get }
    /// The feeds to read this poll, in order, with their cursor keys.
    var feeds: [(key: String, feed: Feed)] { get }
    /// One feed's new mentions since its cursor, its new cursor and how long it asks to wait.
    func read(_ feed: Feed, since: String?) async throws -> (items: [Mention], newest: String?, wait: Date?)
}

extension GraphSource {
    var feed: GraphFeed { GraphFeed(client: client, platform: Self.platform, source: id, maxPages: maxPages) }

    /// Every feed read in order (see `PollResult.gatherGraph`).
    func pollFeeds(cursor: [String: String]) async throws -> PollResult {
        try await PollResult.gatherGraph(
            feeds, cursor: cursor, client: client, interval: config.intervalSeconds, key: \.key
        ) { f, since in try await read(f.feed, since: since) }
    }
}
