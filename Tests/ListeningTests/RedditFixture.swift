import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Reddit API bodies for the connector tests, written by us in the shape the API documents (and PRAW's recordings
/// show): listings of `t1` comments and `t3` posts, `json.errors` replies, token replies.
enum RedditFixture {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z

    static func comment(
        _ id: String, body: String, author: String = "anna_k", parent: String = "t3_post1", link: String? = "t3_post1",
        created: Double = 1_799_999_000, linkTitle: String? = "Acme sync stuck at 99%?", sub: String = "acme"
    ) -> [String: Any] {
        var d: [String: Any] = [
            "id": id, "name": "t1_" + id, "body": body, "author": author, "parent_id": parent, "created_utc": created,
            "subreddit": sub, "permalink": "/r/\(sub)/comments/post1/acme_sync/\(id)/", "score": 3, "edited": false,
            "replies": "",
        ]
        if let link { d["link_id"] = link }
        if let linkTitle { d["link_title"] = linkTitle }
        return ["kind": "t1", "data": d]
    }

    static func post(
        _ id: String, title: String, selftext: String = "", author: String = "bernd", created: Double = 1_799_999_500,
        sub: String = "acme"
    ) -> [String: Any] {
        [
            "kind": "t3",
            "data": [
                "id": id, "name": "t3_" + id, "title": title, "selftext": selftext, "author": author,
                "created_utc": created, "subreddit": sub, "permalink": "/r/\(sub)/comments/\(id)/slug/",
                "url": "https://www.reddit.com/r/\(sub)/comments/\(id)/slug/", "num_comments": 0, "edited": 1.5e9,
            ] as [String: Any],
        ]
    }

    static func listing(_ things: [[String: Any]], after: String? = nil) -> NetworkTestServer.Response {
        var data: [String: Any] = ["children": things, "dist": things.count, "modhash": NSNull(), "before": NSNull()]
        data["after"] = after ?? NSNull()
        return .json(object: ["kind": "Listing", "data": data])
    }

    static func empty() -> NetworkTestServer.Response { listing([]) }

    static func commentReply(_ name: String, body: String, parent: String, created: Double) -> String {
        let thing: [String: Any] = [
            "kind": "t1",
            "data": [
                "id": String(name.dropFirst(3)), "name": name, "body": body, "author": "acmecloud",
                "parent_id": parent, "link_id": "t3_post1", "created_utc": created, "subreddit": "acme",
            ] as [String: Any],
        ]
        let obj: [String: Any] = ["json": ["errors": [], "data": ["things": [thing]]]]
        let d = try! JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])
        return String(decoding: d, as: UTF8.self)
    }

    static func jsonError(_ code: String, _ message: String, field: String? = nil) -> NetworkTestServer.Response {
        .json(object: ["json": ["errors": [[code, message, field.map { $0 as Any } ?? NSNull()] as [Any]]]])
    }

    static func token(_ access: String, refresh: String? = nil, expiresIn: Int = 3600) -> NetworkTestServer.Response {
        var o: [String: Any] = [
            "access_token": access, "token_type": "bearer", "expires_in": expiresIn, "scope": "identity read submit",
        ]
        if let refresh { o["refresh_token"] = refresh }
        return .json(object: o)
    }
}

extension XCTestCase {
    /// A Reddit source config against the test server: account `acmecloud`, app `cid`, the inbox and mentions on.
    func redditConfig(
        _ server: NetworkTestServer, id: String = "rd", subreddits: [String] = [], search: [String] = [],
        inbox: Bool = true, mentions: Bool = true
    ) -> SourceConfig {
        var c = SourceConfig(id: id, type: "reddit")
        c.api = server.baseURL.absoluteString
        (c.username, c.clientID, c.secretFile, c.tokenFile) = (
            "acmecloud", "cid", "secrets/rd.secret", "secrets/\(id).token"
        )
        (c.inbox, c.mentions, c.subreddits, c.search) = (inbox, mentions, subreddits, search)
        return c
    }

    /// A data directory with the app secret and a token file (JSON; `token: nil` writes none).
    func redditDataDir(token: OAuthToken? = OAuthToken(accessToken: "tok-1", expiresAt: RedditFixture.t0 + 3600))
        throws -> DataDirectory
    {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-reddit-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        let dir = DataDirectory(root: root)
        try FileIO.makeDirectory(dir.root)
        try Secrets.write("s3cret", to: dir.root.appendingPathComponent("secrets/rd.secret"))
        if let token {
            try OAuthTokenStore(file: dir.root.appendingPathComponent("secrets/rd.token"), what: "t").save(token)
        }
        let team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        try FileIO.writeDocument(try JSONEncoder().encode(team), to: dir.teamFile)
        return dir
    }
}

/// The Reddit connector tests' common ground: a loopback server per test, a fixed clock, and the connector's parts
/// built against them.
class RedditTestCase: XCTestCase {
    var server: NetworkTestServer!
    let now = RedditFixture.t0
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func source(_ c: SourceConfig, _ dir: DataDirectory, timeout: TimeInterval = 30) throws -> RedditSource {
        let t = now
        return try RedditSource(config: c, dataDir: dir, http: TestHTTPClient(), timeout: timeout, now: { t })
    }

    func publisher(_ dir: DataDirectory) throws -> RedditPublisher {
        let t = now
        return try RedditPublisher(config: redditConfig(server), dataDir: dir, http: TestHTTPClient(), now: { t })
    }

    func moderator() throws -> RedditModerator {
        let t = now
        return try RedditModerator(
            config: redditConfig(server), dataDir: try redditDataDir(), http: TestHTTPClient(), now: { t })
    }
}
