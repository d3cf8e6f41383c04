import Foundation
import Listening
import SwitchboardCore

extension FuzzTarget {
    /// Listening's Reddit decoder: a listing page (or an array of listings) as RedditSource turns it into mentions
    /// (lenient things, deleted and removed placeholders, threads). Every mention is terminal-safe and survives the
    /// store's encoder and both of its decoders unchanged.
    public static let reddit = FuzzTarget(name: "reddit", summary: "Listening Reddit listings: safe mentions") { data in
        let mentions: [Mention]
        do { mentions = try NetworkFixtures.reddit.mentions(fromListingPage: data) } catch { return }
        for m in mentions { try Invariants.mentionSafe(m, tabs: true); try Invariants.storeRoundTrip(m) }
    }
}

extension NetworkFixtures {
    static let reddit: RedditSource = {
        var c = SourceConfig(id: "fuzz-reddit", type: "reddit")
        c.api = "https://oauth.reddit.example"
        return try! RedditSource(config: c, dataDir: dataDir, http: NoHTTP())
    }()
}
