import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// X API v2 bodies written for the tests (the shapes of the API reference: `data`, `includes`, `errors`, `meta`).
enum XFixture {
    static func tweet(
        _ id: String, _ text: String, author: String = "201", created: String = "2027-01-15T08:00:00.000Z",
        conversation: String? = nil, lang: String = "en", refs: [(String, String)] = [], urls: [(String, String)] = []
    ) -> [String: Any] {
        var t: [String: Any] = [
            "id": id, "text": text, "author_id": author, "created_at": created, "lang": lang,
            "conversation_id": conversation ?? id, "edit_history_tweet_ids": [id],
            "public_metrics": ["retweet_count": 0, "reply_count": 0, "like_count": 1, "quote_count": 0],
        ]
        if !refs.isEmpty { t["referenced_tweets"] = refs.map { ["type": $0.0, "id": $0.1] } }
        if !urls.isEmpty {
            t["entities"] = ["urls": urls.map { ["url": $0.0, "expanded_url": $0.1, "display_url": $0.1, "start": 0] }]
        }
        return t
    }

    static func user(_ id: String, _ username: String, _ name: String) -> [String: Any] {
        ["id": id, "username": username, "name": name, "verified": false]
    }

    static func page(
        _ tweets: [[String: Any]], users: [[String: Any]] = [], included: [[String: Any]] = [],
        errors: [[String: Any]] = [], next: String? = nil
    ) -> String {
        var o: [String: Any] = [:]
        if !tweets.isEmpty { o["data"] = tweets }
        var inc: [String: Any] = [:]
        if !users.isEmpty { inc["users"] = users }
        if !included.isEmpty { inc["tweets"] = included }
        if !inc.isEmpty { o["includes"] = inc }
        if !errors.isEmpty { o["errors"] = errors }
        var meta: [String: Any] = ["result_count": tweets.count]
        if let first = tweets.first?["id"] { meta["newest_id"] = first }
        if let last = tweets.last?["id"] { meta["oldest_id"] = last }
        if let next { meta["next_token"] = next }
        o["meta"] = meta
        let d = try! JSONSerialization.data(withJSONObject: o, options: [.sortedKeys])
        return String(decoding: d, as: UTF8.self)
    }

    /// `count` posts with ids counting down from `top`, by user 201.
    static func posts(_ count: Int, top: Int = 1_900_000_000_000_000_100, text: String = "Acme ist super") -> [[String:
        Any]]
    {
        (0..<count).map { tweet(String(top - $0), "\(text) #\($0)") }
    }

    static let rate = [
        "x-rate-limit-limit": "450", "x-rate-limit-remaining": "449", "x-rate-limit-reset": "1800000900",
    ]
}

func xConfig(
    _ server: NetworkTestServer, id: String = "xacme", search: [String] = [], mentions: Bool = true,
    budget: Int? = nil
) -> SourceConfig {
    var c = SourceConfig(id: id, type: "x")
    c.api = server.baseURL.absoluteString
    c.userID = "100"
    c.tokenFile = "secrets/\(id).token"
    c.clientID = "client-abc"
    c.mentions = mentions
    c.search = search
    c.monthlyReadBudget = budget
    c.interval = "2m"
    return c
}

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var t: Date
    init(_ t: Date) { self.t = t }
    var now: Date { lock.withLock { t } }
    func set(_ d: Date) { lock.withLock { t = d } }
    func advance(_ s: TimeInterval) { lock.withLock { t = t.addingTimeInterval(s) } }
}

extension XCTestCase {
    /// A data directory with an X token file for source `id` (plain token, or JSON when it may expire).
    func xDataDir(id: String = "xacme", token: OAuthToken = OAuthToken(accessToken: "x-access-1")) throws
        -> DataDirectory
    {
        let dir = try makeDataDir()
        try OAuthTokenStore(file: dir.root.appendingPathComponent("secrets/\(id).token"), what: "test").save(token)
        return dir
    }
}
