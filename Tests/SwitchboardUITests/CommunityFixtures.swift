import Foundation
import ScreenKit
import SwitchboardCore

@testable import SwitchboardUI

/// Issue 9 in the workbench: people with roles (a critic, a multiplier), a second account of the critic, and a
/// routing rule that names the support team.
enum CommunityFixtures {
    static let team = TeamConfig(
        brand: .init(name: "Acme", terms: ["acme"]),
        team: [.init(user: "alice", name: "Alice Smith", role: "agent")],
        extra: [
            "routing": .array([
                .object([
                    "name": .string("billing"), "when": .string("is:complaint tag:billing"),
                    "team": .string("support"), "dir": .string("handoff/support"),
                ])
            ])
        ])

    static func mentions() -> [Mention] {
        func by(_ m: Mention, name: String) -> Mention {
            var m = m
            m.author?.name = name
            return m
        }
        return [
            by(
                mention(
                    "a1", "Still no refund, this is the worst support ever.", author: "anna@social.example",
                    minutesAgo: 5, sentiment: .negative,
                    intents: [.complaint], followers: 800), name: "Anna Berg"),
            by(
                mention(
                    "a2", "Acme lost my parcel again.", author: "anna@social.example", minutesAgo: 60 * 24 * 8,
                    sentiment: .negative,
                    intents: [.complaint], followers: 800), name: "Anna Berg"),
            by(
                mention(
                    "a3", "Ordered from Acme today.", author: "anna@social.example", minutesAgo: 60 * 24 * 15,
                    sentiment: .neutral,
                    followers: 800), name: "Anna Berg"),
            by(
                mention(
                    "m1", "Acme's new release is great, recommended!", author: "mia@tech.example", minutesAgo: 30,
                    sentiment: .positive,
                    intents: [.praise], followers: 52_000), name: "Mia Tech"),
            by(
                mention(
                    "b1", "Acme support was quick to help, thanks", author: "ben.bsky.social", minutesAgo: 90,
                    platform: "bluesky",
                    sentiment: .positive, followers: 40), name: "Ben"),
            by(
                mention(
                    "x1", "Acme refund still missing", author: "annab.bsky.social", minutesAgo: 120,
                    platform: "bluesky",
                    sentiment: .negative, followers: 300), name: "Anna B."),
        ]
    }

    static func app(size: Size = Size(width: 120, height: 40)) throws -> TestApp {
        try TestApp(mentions(), size: size, team: team)
    }

    /// Selects the feed row of mention `id` (platform:id key).
    static func select(_ app: TestApp, _ id: String, platform: String = "mastodon") {
        let key = MentionKey.make(platform: platform, id: id)
        guard let row = app.state.feed.rows.firstIndex(where: { app.state.feed.items[Int($0)].key == key }) else {
            return
        }
        app.state.feed.move(to: row, viewport: 30)
    }
}
