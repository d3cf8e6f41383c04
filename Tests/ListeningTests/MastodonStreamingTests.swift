import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

final class MastodonStreamingTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func eventStream() -> NetworkTestServer.Response {
        let mention = MastodonFixture.notification(id: "501", status: "150001")
        let favourite = MastodonFixture.notification(id: "502", type: "favourite", status: "150002")
        let body =
            ":thump\n\nevent: update\ndata: \(MastodonFixture.status(id: "150003"))\n\nevent: notification\ndata: \(favourite)\n\nevent: notification\r\ndata: \(mention)\r\n\r\nevent: notification\ndata: {\"broken\n\n"
        return NetworkTestServer.Response(headers: ["Content-Type": "text/event-stream"], body: Data(body.utf8))
    }

    func testMentionEventsBecomeMentions() async throws {
        let dir = try makeDataDir()
        server.on("GET", "/api/v1/streaming/user/notification", eventStream())
        var c = mastodonConfig(server)
        c.streaming = true
        let source = try MastodonSource(config: c, dataDir: dir, http: TestHTTPClient())
        XCTAssertTrue(source.wantsStreaming)
        let got = MentionBox()
        try await source.stream { got.add($0) }
        XCTAssertEqual(
            got.all.map(\.reply?.uri), ["150001"],
            "only mention notifications; updates, favourites and broken events are skipped")
        XCTAssertEqual(got.all.first?.extra?["via"], .string("stream"))
        XCTAssertEqual(
            server.requests.map(\.path), ["/api/v2/instance", "/api/v1/streaming/user/notification"],
            "no streaming host named: the instance itself")
        let req = try XCTUnwrap(server.requests.last)
        XCTAssertEqual(req.header("authorization"), "Bearer masto-secret-token-123")
        XCTAssertEqual(req.header("accept"), "text/event-stream")
    }

    func testStreamingFromTheHostTheInstanceNames() async throws {
        let streamingHost = try NetworkTestServer()
        defer { streamingHost.stop() }
        let dir = try makeDataDir()
        let wsURL = streamingHost.baseURL.absoluteString.replacingOccurrences(of: "http://", with: "ws://")
        server.on(
            "GET", "/api/v2/instance",
            .json(#"{"domain":"social.example","title":"Social","configuration":{"urls":{"streaming":"\#(wsURL)"}}}"#))
        streamingHost.on("GET", "/api/v1/streaming/user/notification", eventStream())
        var c = mastodonConfig(server)
        c.streaming = true
        let got = MentionBox()
        try await MastodonSource(config: c, dataDir: dir, http: TestHTTPClient()).stream { got.add($0) }
        XCTAssertEqual(got.all.count, 1)
        XCTAssertEqual(server.requests.map(\.path), ["/api/v2/instance"])
        XCTAssertEqual(streamingHost.requests.first?.header("authorization"), "Bearer masto-secret-token-123")
    }

    func testRefusedStreamNeedsLogin() async throws {
        let dir = try makeDataDir()
        server.on(
            "GET", "/api/v1/streaming/user/notification",
            .json(#"{"error":"The access token is invalid"}"#, status: 401))
        var c = mastodonConfig(server)
        c.streaming = true
        let source = try MastodonSource(config: c, dataDir: dir, http: TestHTTPClient())
        do {
            try await source.stream { _ in }
            XCTFail("a 401 must end the stream with an error")
        } catch SourceError.needsLogin(let s) {
            XCTAssertTrue(
                s.hasPrefix(
                    "mastodon source masto (streaming): the server refused the login (HTTP 401: The access token is invalid)"
                ), s)
        }
    }

    func testListenerStoresStreamedMentionsBesidePolling() async throws {
        let dir = try makeDataDir()
        server.on("GET", "/api/v1/streaming/user/notification", eventStream())
        server.on("GET", "/api/v1/notifications", .json("[]"))
        var c = mastodonConfig(server)
        c.streaming = true
        c.interval = "1h"
        var team = TeamConfig(brand: .init(name: "Acme", terms: []))
        team.sources = [c]
        let store = try Store(dir: dir)
        let log = LogBox()
        let l = Listener(
            store: store, team: team,
            makeSource: { cfg in try Listener.networkSource(cfg, dataDir: dir, http: TestHTTPClient()) },
            log: { log.append($0) })
        let task = Task { await l.run() }
        for _ in 0..<500 where store.count < 1 { try await Task.sleep(nanoseconds: 10_000_000) }
        l.stop()
        await task.value
        XCTAssertEqual(store.count, 1)
        XCTAssertEqual(store.mentions.first?.reply?.uri, "150001")
        XCTAssertEqual(l.state.health("masto").cursor, [:], "streaming never moves the cursor: polling does")
        XCTAssertTrue(log.lines.contains { $0.hasSuffix("masto: 1 new from the stream") }, "\(log.lines)")
    }
}

final class MentionBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Mention] = []
    func add(_ m: [Mention]) { lock.withLock { items += m } }
    var all: [Mention] { lock.withLock { items } }
}
