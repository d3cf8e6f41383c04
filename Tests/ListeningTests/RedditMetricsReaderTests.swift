import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Reading back how the brand's posts did on Reddit (`/api/info`: score and comments), against a loopback server.
final class RedditMetricsReaderTests: RedditTestCase {
    func testScoreAndCommentsFromApiInfo() async throws {
        let dir = try redditDataDir()
        server.handle("GET", "/api/info") { _ in
            .json(
                #"{"kind":"Listing","data":{"children":[{"kind":"t1","data":{"name":"t1_abc","score":17,"num_comments":3}},{"kind":"t3","data":{"name":"t3_xyz","score":250,"num_comments":41}}]}}"#
            )
        }
        let m = try await publisher(dir).metrics(["t1_abc", "xyz"])
        XCTAssertEqual(server.requests("GET", "/api/info").first?.query("id"), "t1_abc,t3_xyz")
        XCTAssertEqual(m["t1_abc"]?.likes, 17)
        XCTAssertEqual(m["xyz"]?.replies, 41)
        XCTAssertNil(m["xyz"]?.reposts)
    }
}
