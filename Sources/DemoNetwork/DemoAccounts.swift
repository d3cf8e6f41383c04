import Foundation

/// The brand's accounts on the demo's network and their secrets (the Mastodon access token and the Bluesky app
/// password the demo writes into `secrets/`).
public struct DemoAccounts: Sendable {
    public var mastodonToken: String
    public var blueskyPassword: String
    /// The Mastodon account: `acct` as other servers see it (`acmecloud@mastodon.social`).
    public var mastodonAcct = "acmecloud@mastodon.social"
    public var blueskyHandle = "acmecloud.bsky.social"
    public var blueskyDID = "did:plc:wulwvd5gkxpsafeanfxyfcf5"
    /// The X account: its OAuth token (the demo's `secrets/x.token`), numeric id and username.
    public var xToken = ""
    public var xUserID = "1600000000000000001"
    public var xUsername = "acmecloud"
    public var displayName = "Acme Cloud"
    /// The YouTube channel and the access token the demo writes into `secrets/yt.token`.
    public var youtubeChannel = "UCacmeCloudDemoChannel01"
    public var youtubeToken = ""
    public var followers = 18400
    /// The token the demo's Instagram account and Facebook Page accept (nil: no Graph endpoint).
    public var graphToken: String?
    /// The Reddit account (u/acmecloud) and its access token (a plain token: it never expires in the demo).
    public var redditUser = "acmecloud"
    public var redditToken = ""
    /// Only what people write in this language (`"de"` for the German demo: a German brand's day); nil: all.
    public var onlyLanguage: String?

    public init(mastodonToken: String, blueskyPassword: String) {
        (self.mastodonToken, self.blueskyPassword) = (mastodonToken, blueskyPassword)
    }

    var mastodonUser: String { String(mastodonAcct.split(separator: "@").first ?? "acmecloud") }
    var mastodonHost: String {
        let p = mastodonAcct.split(separator: "@")
        return p.count > 1 ? String(p[1]) : "mastodon.social"
    }

    /// A random secret for a new demo directory (hex, 32 characters).
    public static func newSecret() -> String {
        (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }
}
