import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Every Graph error class against the loopback server, as a Facebook poll reports it.
final class GraphErrorTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func pollError(_ response: NetworkTestServer.Response, file: StaticString = #filePath, line: UInt = #line)
        async throws -> SourceError
    {
        let dir = try GraphFixture.dataDir(self)
        server.on("GET", "/v24.0/19292868552/published_posts", response)
        var c = GraphFixture.config("facebook", server)
        (c.tagged, c.visitorPosts) = (false, false)
        let now = GraphFixture.now
        let s = try FacebookSource(config: c, dataDir: dir, http: TestHTTPClient(), timeout: 2, now: { now })
        do {
            let r = try await s.poll(cursor: [:])
            XCTFail("expected an error, got \(r.mentions.count) mentions", file: file, line: line)
            throw SourceError.configuration("no error")
        } catch let e as SourceError { return e } catch let p as PartialPoll {
            // A rate limit with usage headers comes with the usage to keep (and nothing read).
            XCTAssertTrue(p.result.mentions.isEmpty, file: file, line: line)
            return p.error
        }
    }

    func testExpiredTokenNeedsLoginAndNeverShowsTheToken() async throws {
        let e = try await pollError(
            GraphFixture.error(
                190, subcode: 463, message: "Error validating access token: Session has expired on Friday", status: 400)
        )
        guard case .needsLogin(let s) = e else { return XCTFail("\(e)") }
        XCTAssertEqual(
            s,
            "facebook source fb: Meta refused the token (Graph error 190/463: Error validating access token: Session "
                + "has expired on Friday); run `switchboard sources add` for this source again")
        XCTAssertFalse(s.contains(GraphFixture.token))
    }

    func testRevokedTokenSubcodeAlone() async throws {
        let e = try await pollError(GraphFixture.error(102, subcode: 467, message: "Session key invalid", status: 400))
        guard case .needsLogin = e else { return XCTFail("\(e)") }
    }

    func testRateLimitCodesWaitForTheEstimateOrAQuarterOfAnHour() async throws {
        for code in [4, 17, 32, 613, 80001, 80014] {
            let e = try await pollError(
                GraphFixture.error(code, message: "(#\(code)) Application request limit reached"))
            guard case .rateLimited(let at, let detail) = e else { return XCTFail("\(code): \(e)") }
            XCTAssertEqual(at, GraphFixture.now.addingTimeInterval(15 * 60), "\(code)")
            XCTAssertTrue(detail.contains("Graph error \(code)"), detail)
        }
        let buc =
            #"{"123":[{"type":"pages","call_count":100,"total_cputime":20,"total_time":30,"estimated_time_to_regain_access":19}]}"#
        let e = try await pollError(
            GraphFixture.error(
                80001, message: "There have been too many calls to this Page account",
                headers: ["X-Business-Use-Case-Usage": buc]))
        guard case .rateLimited(let at, _) = e else { return XCTFail("\(e)") }
        XCTAssertEqual(at, GraphFixture.now.addingTimeInterval(19 * 60))
    }

    func testMissingPermissionIsNamed() async throws {
        let e = try await pollError(
            GraphFixture.error(
                10, message: "(#10) This endpoint requires the 'pages_read_engagement' permission", status: 403))
        guard case .configuration(let s) = e else { return XCTFail("\(e)") }
        XCTAssertTrue(
            s.hasPrefix(
                "facebook source fb: the token needs the permission pages_read_engagement, which it does not have"), s)
        let e2 = try await pollError(GraphFixture.error(200, message: "(#200) Permissions error"))
        guard case .configuration(let s2) = e2 else { return XCTFail("\(e2)") }
        XCTAssertTrue(s2.contains("the token needs a permission it does not have (Graph error 200"), s2)
    }

    func testRecordedMissingPermissionErrorNamesThePermission() async throws {
        // The shape of the recorded `base/error_data.json`: code 100 whose message names the permission.
        let e = try await pollError(
            GraphFixture.error(
                100,
                message: "(#100) Object does not exist, cannot be loaded due to missing permission or reviewable "
                    + "feature. This endpoint requires the 'pages_read_engagement' permission"))
        guard case .configuration(let s) = e else { return XCTFail("\(e)") }
        XCTAssertTrue(s.contains("the permission pages_read_engagement"), s)
    }

    func testDeletedObject() async throws {
        let e = try await pollError(
            GraphFixture.error(100, subcode: 33, message: "Unsupported get request. Object with ID '1' does not exist"))
        guard case .configuration(let s) = e else { return XCTFail("\(e)") }
        XCTAssertTrue(s.contains("the object was deleted or this token cannot see it (Graph error 100/33"), s)
    }

    func testServerErrorsAndTransientCodes() async throws {
        let html = NetworkTestServer.Response(
            status: 502, headers: ["Content-Type": "text/html"],
            body: Data("<!DOCTYPE html><html><body>\u{1B}[31mBad gateway</body></html>".utf8))
        let e = try await pollError(html)
        guard case .transient(let s) = e else { return XCTFail("\(e)") }
        XCTAssertTrue(s.hasPrefix("facebook source fb: HTTP 502 with an HTML page instead of JSON (body starts: "), s)
        XCTAssertFalse(s.contains("\u{1B}"))
        let e2 = try await pollError(GraphFixture.error(2, message: "Service temporarily unavailable", status: 500))
        guard case .transient(let s2) = e2 else { return XCTFail("\(e2)") }
        XCTAssertEqual(
            s2, "facebook source fb: Meta is having trouble (Graph error 2: Service temporarily unavailable)")
        let e3 = try await pollError(.json("{}", status: 503))
        guard case .transient = e3 else { return XCTFail("\(e3)") }
    }

    func testTruncatedJSONIsMalformedWithASample() async throws {
        let body = Data(#"{"data":[{"id":"19292868552_1","message":"Hallo Welt","created_time":"2030-03-1"#.utf8)
        let e = try await pollError(
            NetworkTestServer.Response(headers: ["Content-Type": "application/json"], body: body))
        guard case .malformed(let s, let sample) = e else { return XCTFail("\(e)") }
        XCTAssertEqual(s, "facebook source fb: the server sent a body that is not the documented JSON")
        XCTAssertTrue(sample.hasPrefix(#"{"data":[{"id":"19292868552_1""#), sample)
    }
}
