import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Reading back how the brand's videos did on YouTube (`videos?part=statistics`), against a loopback server: one
/// call for up to 50 ids, each charged to the quota ledger; a count YouTube hides left out; a spent quota or a rate
/// limit makes the poller wait; a broken answer is a clear error.
final class YouTubeMetricsReaderTests: YouTubeServerTestCase {
    let videos = "/youtube/v3/videos"

    func publisher(_ dir: DataDirectory, quota: Int? = nil) throws -> YouTubePublisher {
        try YouTubePublisher(
            config: YouTubeFixture.config(server, quota: quota), dataDir: dir, http: TestHTTPClient())
    }

    func testStatisticsOfFiftyVideosACallWithHiddenCountsLeftOut() async throws {
        let dir = try YouTubeFixture.dataDir(self)
        server.handle("GET", videos) { r in
            let ids = (r.query("id") ?? "").split(separator: ",").map(String.init)
            let items: [[String: Any]] = ids.map { id in
                var stats: [String: Any] = ["viewCount": "1234", "likeCount": "56", "favoriteCount": "0"]
                if id == "v2" { stats = ["viewCount": "99", "commentCount": "0"] }  // likes hidden
                return ["kind": "youtube#video", "etag": "e", "id": id, "statistics": stats]
            }
            return YouTubeFixture.page(items.filter { $0["id"] as? String != "v60" }, kind: "videoListResponse")
        }
        let ids = (1...60).map { "v\($0)" }
        let m = try await publisher(dir).metrics(ids)
        let calls = server.requests("GET", videos)
        XCTAssertEqual(calls.map { $0.query("id")?.split(separator: ",").count }, [50, 10])
        XCTAssertEqual(calls.first?.query("part"), "statistics")
        XCTAssertEqual(calls.first?.header("Authorization"), "Bearer ya29.token-yt")
        XCTAssertEqual(m["v1"]?.views, 1234)
        XCTAssertEqual(m["v1"]?.likes, 56)
        XCTAssertNil(m["v1"]?.replies, "no commentCount (comments off): left out, not 0")
        XCTAssertNil(m["v2"]?.likes, "hidden likes: left out, not 0")
        XCTAssertEqual(m["v2"]?.replies, 0)
        XCTAssertNil(m["v2"]?.reposts)
        XCTAssertNil(m["v60"], "a video YouTube no longer shows is left out")
        let ledger = YouTubeQuotaLedger(file: YouTubeQuotaLedger.file(dir, id: "yt"), budget: nil)
        XCTAssertEqual(ledger.today(now: Date()).used, 2, "one unit a call")
    }

    func testASpentQuotaWaitsUntilMidnightPacificAndARateLimitForItsTime() async throws {
        let dir = try YouTubeFixture.dataDir(self)
        server.on(
            "GET", videos,
            YouTubeFixture.error(
                403, "quotaExceeded", "The request cannot be completed because you have exceeded your quota."))
        do {
            _ = try await publisher(dir).metrics(["v1"])
            XCTFail("no error")
        } catch SourceError.rateLimited(let at, let detail) {
            XCTAssertEqual(at, YouTubeQuotaLedger.nextReset(after: Date()))
            XCTAssertTrue(detail.contains("quota exhausted"), detail)
        }
        // The ledger now knows the day is spent: the next reading asks nothing.
        do {
            _ = try await publisher(dir).metrics(["v1"])
            XCTFail("no error")
        } catch SourceError.rateLimited {}
        XCTAssertEqual(server.requests("GET", videos).count, 1)

        let dir2 = try YouTubeFixture.dataDir(self, ids: ["yt"])
        let s2 = try NetworkTestServer()
        defer { s2.stop() }
        s2.on(
            "GET", videos,
            .json(#"{"error":{"code":429,"message":"slow down"}}"#, status: 429, headers: ["Retry-After": "120"]))
        let p2 = try YouTubePublisher(config: YouTubeFixture.config(s2), dataDir: dir2, http: TestHTTPClient())
        let before = Date()
        do {
            _ = try await p2.metrics(["v1"])
            XCTFail("no error")
        } catch SourceError.rateLimited(let at, _) {
            XCTAssertGreaterThanOrEqual(at.timeIntervalSince(before), 119)
        }
    }

    func testABodyThatIsNotTheDocumentedJSONIsAClearError() async throws {
        let dir = try YouTubeFixture.dataDir(self)
        server.on("GET", videos, .json(#"{"items":[{"id":"v1","statistics":{"viewCount":"#, status: 200))
        do {
            _ = try await publisher(dir).metrics(["v1"])
            XCTFail("no error")
        } catch SourceError.malformed(let why, let sample) {
            XCTAssertTrue(why.contains("youtube account yt"), why)
            XCTAssertTrue(why.contains("not the documented JSON"), why)
            XCTAssertTrue(sample.contains("statistics"), sample)
        }
    }
}
