import Foundation
import Listening
import SwitchboardCore

extension FuzzTarget {
    /// Listening's Mastodon decoder: a `GET /api/v1/notifications` page as MastodonSource turns it into
    /// mentions (Status/Account models, status HTML to text, content warnings). Every mention is
    /// terminal-safe and survives the store's encoder and both of its decoders unchanged.
    public static let mastodon = FuzzTarget(
        name: "mastodon", summary: "Listening Mastodon models + HTML: safe mentions"
    ) { data in
        let mentions: [Mention]
        do { mentions = try NetworkFixtures.mastodon.mentions(fromNotificationsPage: data) } catch { return }
        for m in mentions { try Invariants.mentionSafe(m, tabs: true); try Invariants.storeRoundTrip(m) }
    }

    /// Listening's Bluesky decoder: the same bytes as a `listNotifications` page and as a `searchPosts`
    /// page, turned into mentions as BlueskySource does (facets rendered by UTF-8 byte ranges).
    public static let bluesky = FuzzTarget(name: "bluesky", summary: "Listening Bluesky models + facets: safe mentions")
    { data in
        var mentions: [Mention] = []
        if let n = try? NetworkFixtures.bluesky.mentions(fromNotificationsPage: data) { mentions += n }
        if let s = try? NetworkFixtures.bluesky.mentions(fromSearchPage: data) { mentions += s }
        for m in mentions { try Invariants.mentionSafe(m, tabs: true); try Invariants.storeRoundTrip(m) }
    }
}

/// Sources that only decode: their HTTP client is never called.
enum NetworkFixtures {
    struct NoHTTP: HTTPClient {
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            throw SourceError.transient("fuzzing: no network")
        }
    }

    static let dataDir = DataDirectory(
        root: FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-fuzz-unused"))

    static let mastodon: MastodonSource = {
        var c = SourceConfig(id: "fuzz-mastodon", type: "mastodon")
        c.instance = "https://social.example"
        return try! MastodonSource(config: c, dataDir: dataDir, http: NoHTTP())
    }()

    static let bluesky: BlueskySource = {
        var c = SourceConfig(id: "fuzz-bluesky", type: "bluesky")
        c.handle = "acme.bsky.social"
        return try! BlueskySource(config: c, dataDir: dataDir, http: NoHTTP())
    }()
}
