import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// YouTube Data API bodies written for the tests (the shapes of the documented `youtube#comment`,
/// `youtube#commentThread` and `youtube#searchResult`), and a data directory with a YouTube source.
enum YouTubeFixture {
    static let channel = "UCacmeCLOUDchannel00000"

    static func comment(
        _ id: String, text: String, at: String, author: String = "Jörg Weiß", authorChannel: String = "UCjoerg",
        video: String? = "vid1", parent: String? = nil
    ) -> [String: Any] {
        var s: [String: Any] = [
            "authorDisplayName": author, "authorChannelUrl": "http://www.youtube.com/channel/\(authorChannel)",
            "authorChannelId": ["value": authorChannel], "textDisplay": text, "textOriginal": text,
            "canRate": true, "viewerRating": "none", "likeCount": 2, "publishedAt": at, "updatedAt": at,
        ]
        if let video { s["videoId"] = video; s["channelId"] = channel }
        if let parent { s["parentId"] = parent }
        return ["kind": "youtube#comment", "etag": "e", "id": id, "snippet": s]
    }

    static func thread(
        _ id: String, text: String, at: String, video: String = "vid1", replies: [[String: Any]] = [],
        total: Int? = nil, author: String = "Jörg Weiß"
    ) -> [String: Any] {
        var t: [String: Any] = [
            "kind": "youtube#commentThread", "etag": "e", "id": id,
            "snippet": [
                "channelId": channel, "videoId": video,
                "topLevelComment": comment(id, text: text, at: at, author: author, video: video),
                "canReply": true, "totalReplyCount": total ?? replies.count, "isPublic": true,
            ],
        ]
        if !replies.isEmpty { t["replies"] = ["comments": replies] }
        return t
    }

    static func page(_ items: [[String: Any]], next: String? = nil, kind: String = "commentThreadListResponse")
        -> NetworkTestServer.Response
    {
        var p: [String: Any] = [
            "kind": "youtube#\(kind)", "etag": "e", "items": items, "pageInfo": ["resultsPerPage": 100],
        ]
        if let next { p["nextPageToken"] = next }
        return .json(object: p)
    }

    static func search(_ videos: [(String, String, String)]) -> NetworkTestServer.Response {
        page(
            videos.map { v in
                [
                    "kind": "youtube#searchResult", "id": ["kind": "youtube#video", "videoId": v.0],
                    "snippet": ["publishedAt": v.2, "title": v.1, "channelId": "UCother"],
                ]
            }, kind: "searchListResponse")
    }

    static func error(_ status: Int, _ reason: String, _ message: String = "refused") -> NetworkTestServer.Response {
        .json(
            object: [
                "error": [
                    "code": status, "message": message,
                    "errors": [["message": message, "domain": "youtube.api", "reason": reason]],
                ]
            ], status: status)
    }

    static func config(_ server: NetworkTestServer, id: String = "yt", search: [String] = [], quota: Int? = nil)
        -> SourceConfig
    {
        var c = SourceConfig(id: id, type: "youtube")
        c.api = server.baseURL.absoluteString + "/youtube/v3"
        c.channelID = channel
        c.tokenFile = "secrets/\(id).token"
        c.comments = true
        c.search = search.isEmpty ? nil : search
        c.interval = "10m"
        c.dailyQuota = quota
        return c
    }

    /// A data directory with a token file for each id (`token` as JSON when given, else a plain access token).
    static func dataDir(_ test: XCTestCase, ids: [String] = ["yt"], token: OAuthToken? = nil) throws -> DataDirectory {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-yt-\(UUID().uuidString)")
        test.addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        let dir = DataDirectory(root: root)
        try FileIO.makeDirectory(dir.root)
        for id in ids {
            let t = token ?? OAuthToken(accessToken: "ya29.token-\(id)")
            try OAuthTokenStore(file: dir.root.appendingPathComponent("secrets/\(id).token"), what: "t").save(t)
        }
        let team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        try FileIO.writeDocument(try JSONEncoder().encode(team), to: dir.teamFile)
        return dir
    }
}

/// A clock tests move by hand.
final class YouTubeTestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var t: Date
    init(_ t: Date) { self.t = t }
    var now: Date { lock.withLock { t } }
    func set(_ d: Date) { lock.withLock { t = d } }
    func advance(_ s: TimeInterval) { lock.withLock { t = t.addingTimeInterval(s) } }
}

/// A test case with a loopback server started before each test and stopped after it.
class YouTubeServerTestCase: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }
}
