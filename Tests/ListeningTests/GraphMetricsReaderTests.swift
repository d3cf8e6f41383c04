import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Reading back how the brand's posts did on Instagram, Facebook and Threads, against a loopback server: the exact
/// requests, the counts (the recorded shapes of `../shared/fixtures/meta` where there is one), a count Meta does not
/// give left out, a deleted post left out, a rate limit (Graph error 4, 17, 32) with Meta's time, a broken answer.
final class GraphMetricsReaderTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    /// A recorded body from `../shared/fixtures/meta/testdata`, else `fallback` (the same shape, written here).
    func recorded(_ file: String, fallback: String) -> Data {
        let url = MetaReplayTests.root.appendingPathComponent("testdata/" + file)
        return (try? Data(contentsOf: url)) ?? Data(fallback.utf8)
    }

    func testInstagramAsksForLikeAndCommentCountsOfEachMedia() async throws {
        // The recorded `medias_fields.json` answers several ids at once; one object of it is what `GET /{id}` gives.
        let all = try JSONSerialization.jsonObject(
            with: recorded(
                "instagram/apidata/medias/medias_fields.json",
                fallback: #"{"17893085207160254":{"id":"17893085207160254","comments_count":0,"like_count":1}}"#))
        let one = (all as? [String: Any])?["17893085207160254"] as? [String: Any] ?? [:]
        server.on("GET", "/v24.0/17893085207160254", .json(object: one))
        server.on("GET", "/v24.0/17900000000000001", .json(#"{"id":"17900000000000001","comments_count":7}"#))
        let p = try InstagramPublisher(
            config: GraphFixture.config("instagram", server), dataDir: try GraphFixture.dataDir(self),
            http: TestHTTPClient())
        let m = try await p.metrics(["17893085207160254", "17900000000000001"])
        let r = server.requests("GET", "/v24.0/17893085207160254")
        XCTAssertEqual(r.count, 1)
        XCTAssertEqual(r.first?.query("fields"), "like_count,comments_count")
        XCTAssertEqual(r.first?.query("access_token"), GraphFixture.token)
        XCTAssertEqual(m["17893085207160254"]?.likes, 1)
        XCTAssertEqual(m["17893085207160254"]?.replies, 0, "a count of 0 Meta gives is 0")
        XCTAssertEqual(m["17900000000000001"]?.replies, 7)
        XCTAssertNil(m["17900000000000001"]?.likes, "likes hidden on the post: left out, not 0")
        XCTAssertNil(m["17900000000000001"]?.reposts, "Instagram has no reposts count")
        XCTAssertNil(m["17900000000000001"]?.views)
    }

    func testFacebookReadsReactionsCommentsAndSharesSummaries() async throws {
        let post = "175154750010052_424924701699721"
        // Recorded: reactions total 1, comments total 0, no `shares` (Meta leaves it out when nobody shared).
        server.on(
            "GET", "/v24.0/" + post,
            .init(
                headers: ["Content-Type": "application/json"],
                body: recorded(
                    "facebook/apidata/posts/single_post_data.json",
                    fallback: #"{"id":"\#(post)","comments":{"data":[],"summary":{"total_count":0}},"#
                        + #""reactions":{"data":[],"summary":{"total_count":1}}}"#)))
        server.on(
            "GET", "/v24.0/19292868552_2",
            .json(
                #"{"id":"19292868552_2","shares":{"count":12},"reactions":{"data":[],"summary":{"total_count":230}},"#
                    + #""comments":{"data":[],"summary":{"total_count":"oops"}}}"#))
        let p = try FacebookPublisher(
            config: GraphFixture.config("facebook", server), dataDir: try GraphFixture.dataDir(self),
            http: TestHTTPClient())
        let m = try await p.metrics([post, "19292868552_2"])
        XCTAssertEqual(
            server.requests("GET", "/v24.0/" + post).first?.query("fields"),
            "shares,reactions.limit(0).summary(total_count),comments.limit(0).summary(total_count)")
        XCTAssertEqual(m[post]?.likes, 1)
        XCTAssertEqual(m[post]?.replies, 0)
        XCTAssertNil(m[post]?.reposts, "no shares field: left out")
        XCTAssertEqual(m["19292868552_2"]?.reposts, 12)
        XCTAssertEqual(m["19292868552_2"]?.likes, 230)
        XCTAssertNil(m["19292868552_2"]?.replies, "a count that is not a number is not believed")
    }

    func testThreadsInsightsAndAPostThatIsGone() async throws {
        server.handle("GET", "/v1.0/1801/insights") { _ in
            .json(
                #"{"data":[{"name":"likes","period":"lifetime","values":[{"value":42}],"id":"1801/insights/likes/lifetime"},"#
                    + #"{"name":"replies","period":"lifetime","values":[{"value":5}]},"#
                    + #"{"name":"views","period":"lifetime","total_value":{"value":3100}}]}"#)
        }
        server.on(
            "GET", "/v1.0/1802/insights",
            GraphFixture.error(100, subcode: 33, message: "Unsupported get request. Object does not exist"))
        let p = try ThreadsPublisher(
            config: GraphFixture.config("threads", server), dataDir: try GraphFixture.dataDir(self),
            http: TestHTTPClient())
        let m = try await p.metrics(["1801", "1802"])
        XCTAssertEqual(
            server.requests("GET", "/v1.0/1801/insights").first?.query("metric"), "likes,replies,reposts,quotes,views")
        XCTAssertEqual(m["1801"]?.likes, 42)
        XCTAssertEqual(m["1801"]?.replies, 5)
        XCTAssertEqual(m["1801"]?.views, 3100)
        XCTAssertNil(m["1801"]?.reposts, "a metric Threads did not answer is left out")
        XCTAssertNil(m["1801"]?.quotes)
        XCTAssertNil(m["1802"], "a deleted post is left out, the others are still read")
    }

    func testRateLimitCodesWaitForTheTimeMetaGives() async throws {
        for code in [4, 17, 32] {
            let s = try NetworkTestServer()
            defer { s.stop() }
            s.on(
                "GET", "/v1.0/1801/insights",
                GraphFixture.error(
                    code, message: "(#\(code)) Application request limit reached", status: 403,
                    headers: [
                        "X-App-Usage": #"{"call_count":100,"total_cputime":10,"total_time":12}"#,
                        "X-Business-Use-Case-Usage":
                            #"{"7001":[{"type":"threads","call_count":100,"total_cputime":4,"total_time":5,"estimated_time_to_regain_access":42}]}"#,
                    ]))
            let p = try ThreadsPublisher(
                config: GraphFixture.config("threads", s), dataDir: try GraphFixture.dataDir(self),
                http: TestHTTPClient())
            let before = Date()
            do {
                _ = try await p.metrics(["1801", "1802"])
                XCTFail("code \(code): no error")
            } catch PublishError.rateLimited(let at, let detail) {
                XCTAssertGreaterThan(at, before.addingTimeInterval(41 * 60), "code \(code): Meta's 42 minutes")
                XCTAssertTrue(detail.contains("Graph error \(code)"), detail)
            }
            XCTAssertEqual(s.requests.count, 1, "code \(code): no more requests after the limit")
        }
    }

    func testAnHTMLPageInsteadOfCountsIsAClearError() async throws {
        server.on(
            "GET", "/v24.0/17900000000000001",
            .init(headers: ["Content-Type": "text/html"], body: Data("<html><body>Sorry</body></html>".utf8)))
        let p = try InstagramPublisher(
            config: GraphFixture.config("instagram", server), dataDir: try GraphFixture.dataDir(self),
            http: TestHTTPClient())
        do {
            _ = try await p.metrics(["17900000000000001"])
            XCTFail("no error")
        } catch let e as PublishError {
            XCTAssertTrue("\(e)".contains("17900000000000001"), "\(e)")
            XCTAssertTrue("\(e)".contains("an HTML page"), "\(e)")
        }
    }
}
