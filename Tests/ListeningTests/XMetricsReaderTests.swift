import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Reading back how the brand's posts did on X (public_metrics, one call for many ids), against a loopback server.
final class XMetricsReaderTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func testPublicMetricsOfSeveralPostsInOneCall() async throws {
        let dir = try xDataDir()
        server.handle("GET", "/2/tweets") { r in
            XCTAssertEqual(r.query("tweet.fields"), "public_metrics")
            return .json(
                #"{"data":[{"id":"1901","text":"a","public_metrics":{"retweet_count":4,"reply_count":2,"like_count":31,"quote_count":1,"impression_count":2500}},{"id":"1902","text":"b","public_metrics":{"retweet_count":0,"reply_count":0,"like_count":-5,"quote_count":0}}]}"#
            )
        }
        let p = try XPublisher(config: xConfig(server), dataDir: dir, http: TestHTTPClient())
        let m = try await p.metrics(["1901", "1902", "1903"])
        XCTAssertEqual(server.requests("GET", "/2/tweets").map { $0.query("ids") }, ["1901,1902,1903"])
        XCTAssertEqual(m["1901"]?.likes, 31)
        XCTAssertEqual(m["1901"]?.reposts, 4)
        XCTAssertEqual(m["1901"]?.views, 2500)
        XCTAssertEqual(m["1901"]?.engagement, 38)
        XCTAssertNil(m["1902"]?.likes, "a negative count is not believed")
        XCTAssertNil(m["1903"], "a post the network no longer shows is left out")
    }
}
