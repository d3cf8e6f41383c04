import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Faults a real server produces, each against the loopback server: what the poll reports.
final class MastodonFaultTests: XCTestCase {
    var server: NetworkTestServer!
    let fixedNow = Date(timeIntervalSince1970: 1_900_000_000)  // 2030-03-17T17:46:40Z
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func pollError(
        _ response: NetworkTestServer.Response, timeout: TimeInterval = 30, file: StaticString = #filePath,
        line: UInt = #line
    ) async throws -> SourceError {
        let dir = try makeDataDir()
        server.on("GET", "/api/v1/notifications", response)
        let now = fixedNow
        let source = try MastodonSource(
            config: mastodonConfig(server), dataDir: dir, http: TestHTTPClient(), timeout: timeout, now: { now })
        do {
            let r = try await source.poll(cursor: [:])
            XCTFail("expected an error, got \(r.mentions.count) mentions", file: file, line: line)
            throw SourceError.configuration("no error")
        } catch let e as SourceError {
            return e
        }
    }

    func testTooManyRequestsWithRetryAfterSeconds() async throws {
        let e = try await pollError(
            .json(#"{"error":"Too many requests"}"#, status: 429, headers: ["Retry-After": "120"]))
        guard case .rateLimited(let at, let detail) = e else { return XCTFail("\(e)") }
        XCTAssertEqual(at, fixedNow.addingTimeInterval(120))
        XCTAssertEqual(detail, "mastodon source masto: HTTP 429: Too many requests")
    }

    func testTooManyRequestsWithRetryAfterHTTPDate() async throws {
        let e = try await pollError(.json("{}", status: 429, headers: ["Retry-After": "Sun, 17 Mar 2030 18:00:00 GMT"]))
        guard case .rateLimited(let at, _) = e else { return XCTFail("\(e)") }
        XCTAssertEqual(Timestamp.format(at), "2030-03-17T18:00:00Z")
    }

    func testTooManyRequestsWithMastodonRateLimitReset() async throws {
        let e = try await pollError(
            .json(
                #"{"error":"Too many requests"}"#, status: 429,
                headers: [
                    "X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset": "2030-03-17T17:50:00.000Z",
                ]))
        guard case .rateLimited(let at, _) = e else { return XCTFail("\(e)") }
        XCTAssertEqual(Timestamp.format(at), "2030-03-17T17:50:00Z")
    }

    func testServerErrorIsTransient() async throws {
        let e = try await pollError(.json(#"{"error":"Internal server error"}"#, status: 500))
        guard case .transient(let s) = e else { return XCTFail("\(e)") }
        XCTAssertEqual(s, "mastodon source masto: HTTP 500: Internal server error")
    }

    func testUnauthorizedNeedsLoginAndNeverShowsTheToken() async throws {
        let e = try await pollError(.json(#"{"error":"The access token is invalid"}"#, status: 401))
        guard case .needsLogin(let s) = e else { return XCTFail("\(e)") }
        XCTAssertTrue(s.contains("The access token is invalid"), s)
        XCTAssertTrue(s.contains("switchboard sources add"), s)
        XCTAssertFalse(s.contains("masto-secret-token-123"))
    }

    func testSlowResponseTimesOut() async throws {
        let e = try await pollError(NetworkTestServer.Response(body: Data("[]".utf8), delay: 4), timeout: 1)
        guard case .transient(let s) = e else { return XCTFail("\(e)") }
        XCTAssertEqual(s, "mastodon source masto: cannot reach 127.0.0.1: timed out")
    }

    func testTruncatedJSONIsMalformedWithASample() async throws {
        let full = MastodonFixture.list([MastodonFixture.notification(id: "1", status: "2")])
        let e = try await pollError(.json(String(full.prefix(60))))
        guard case .malformed(let s, let sample) = e else { return XCTFail("\(e)") }
        XCTAssertEqual(s, "mastodon source masto: the server sent a body that is not the documented JSON")
        XCTAssertEqual(sample, String(full.prefix(60)))
    }

    func testConnectionClosedMidBodyIsTransient() async throws {
        let full = MastodonFixture.list([MastodonFixture.notification(id: "1", status: "2")])
        let e = try await pollError(NetworkTestServer.Response(body: Data(full.utf8), truncateAt: 100))
        guard case .transient = e else { return XCTFail("\(e)") }
    }

    func testHTMLPageInsteadOfJSON() async throws {
        let page =
            "<!DOCTYPE html>\n<html><head><title>We'll be back</title></head><body><h1>\u{1B}[31mMaintenance</h1></body></html>"
        let e = try await pollError(
            NetworkTestServer.Response(status: 200, headers: ["Content-Type": "text/html"], body: Data(page.utf8)))
        guard case .malformed(let s, let sample) = e else { return XCTFail("\(e)") }
        XCTAssertEqual(s, "mastodon source masto: the server sent an HTML page instead of JSON")
        XCTAssertEqual(sample, "<!DOCTYPE html> <html><head><title>We'll be back</title></head><body><h1>Mainten…")
        XCTAssertFalse(sample.unicodeScalars.contains { $0.value < 0x20 }, "no control characters reach a log")

        let e2 = try await pollError(
            NetworkTestServer.Response(status: 503, headers: ["Content-Type": "text/html"], body: Data(page.utf8)))
        guard case .transient(let s2) = e2 else { return XCTFail("\(e2)") }
        XCTAssertEqual(s2, "mastodon source masto: HTTP 503")
    }

    func testOneFailingFeedKeepsWhatTheOthersFetched() async throws {
        let dir = try makeDataDir()
        server.on(
            "GET", "/api/v1/notifications",
            .json(MastodonFixture.list([MastodonFixture.notification(id: "31", status: "131")])))
        server.on("GET", "/api/v1/timelines/tag/acme", .json("oops", status: 502))
        let source = try MastodonSource(
            config: mastodonConfig(server, hashtags: ["acme"]), dataDir: dir, http: TestHTTPClient())
        do {
            _ = try await source.poll(cursor: [:])
            XCTFail("the failing hashtag must be reported")
        } catch let p as PartialPoll {
            XCTAssertEqual(p.result.mentions.count, 1)
            XCTAssertEqual(p.result.cursor, ["notifications": "31"])
            guard case .transient(let s) = p.error else { return XCTFail("\(p.error)") }
            XCTAssertEqual(s, "mastodon source masto: HTTP 502")
        }
    }

    func testHostileTextIsCleanedBeforeStorage() async throws {
        let dir = try makeDataDir()
        let evil = "<p>hi \\u001b]52;c;ZWNobyBwd25lZA==\\u0007there \\u202eevil\\u202c \\u001b[2Jok</p>"
        server.on(
            "GET", "/api/v1/timelines/tag/acme",
            .json(MastodonFixture.list([MastodonFixture.status(id: "5", content: evil)])))
        let source = try MastodonSource(
            config: mastodonConfig(server, hashtags: ["acme"], notifications: false), dataDir: dir,
            http: TestHTTPClient())
        let r = try await source.poll(cursor: [:])
        XCTAssertEqual(r.mentions.first?.text, "hi there evil ok")
    }

    func testProductionClientFaultsReadTheSame() async throws {
        let dir = try makeDataDir()
        server.on("GET", "/api/v1/notifications", NetworkTestServer.Response(body: Data("[]".utf8), delay: 4))
        let source = try MastodonSource(
            config: mastodonConfig(server), dataDir: dir, http: URLSessionHTTPClient(timeout: 1), timeout: 1)
        do {
            _ = try await source.poll(cursor: [:])
            XCTFail("must time out")
        } catch SourceError.transient(let s) {
            XCTAssertTrue(s.hasPrefix("mastodon source masto: "), s)
            XCTAssertTrue(s.hasSuffix("timed out"), s)
            XCTAssertFalse(s.contains("masto-secret-token-123"))
        }
        server.on("GET", "/api/v1/notifications", .json(#"{"error":"The access token is invalid"}"#, status: 401))
        do {
            _ = try await source.poll(cursor: [:])
            XCTFail("must need login")
        } catch SourceError.needsLogin(let s) {
            XCTAssertTrue(s.contains("HTTP 401: The access token is invalid"), s)
        }
    }
}
