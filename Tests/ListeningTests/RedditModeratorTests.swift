import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Moderation on Reddit over loopback HTTP: each kind's endpoint and exact form, and the refusals a person sees.
final class RedditModeratorTests: RedditTestCase {
    func testEachKindCallsItsEndpointWithTheExactForm() async throws {
        let mod = try moderator()
        let expected: [(ModerationKind, String, String)] = [
            (.remove, "/api/remove", "id=t1_c3&spam=false&api_type=json"),
            (.approve, "/api/approve", "id=t1_c3&api_type=json"),
            (.lock, "/api/lock", "id=t1_c3&api_type=json"),
            (.unlock, "/api/unlock", "id=t1_c3&api_type=json"),
            (.delete, "/api/del", "id=t1_c3&api_type=json"),
        ]
        for (kind, path, _) in expected { server.on("POST", path, .json("{}")) }
        for (kind, _, _) in expected { try await mod.moderate(ReplyRef(uri: "t1_c3"), kind, reason: nil, ban: false) }
        XCTAssertEqual(server.requests.map(\.path), expected.map(\.1))
        XCTAssertEqual(server.requests.map { String(decoding: $0.body, as: UTF8.self) }, expected.map(\.2))
        XCTAssertTrue(server.requests.allSatisfy { $0.header("authorization") == "bearer tok-1" })
    }

    func testNotAModeratorNamesTheAccountAndTheSubreddit() async throws {
        let mod = try moderator()
        server.on("POST", "/api/remove", .json(#"{"message": "Forbidden", "error": 403}"#, status: 403))
        server.on("GET", "/api/info", RedditFixture.listing([RedditFixture.comment("c3", body: "x", sub: "AcmeCloud")]))
        do {
            try await mod.moderate(ReplyRef(uri: "t1_c3"), .remove, reason: nil, ban: false)
            XCTFail("expected a refusal")
        } catch let e as PublishError {
            XCTAssertEqual(e, .rejected("u/acmecloud is not a moderator of r/AcmeCloud"))
        }
        XCTAssertEqual(server.requests("GET", "/api/info").first?.query("id"), "t1_c3")
    }

    func testUnsupportedKindsAndErrorsInTheBody() async throws {
        let mod = try moderator()
        do {
            try await mod.moderate(ReplyRef(uri: "t1_c3"), .hide, reason: nil, ban: false)
            XCTFail("expected a refusal")
        } catch let e as PublishError {
            XCTAssertEqual(e, .rejected("Reddit offers remove, approve, lock, unlock and delete, not hide"))
        }
        server.on("POST", "/api/approve", RedditFixture.jsonError("USER_REQUIRED", "Please log in to do that."))
        do {
            try await mod.moderate(ReplyRef(uri: "t3_p1"), .approve, reason: nil, ban: false)
            XCTFail("expected needs login")
        } catch let e as PublishError {
            guard case .needsLogin = e else { return XCTFail("\(e)") }
        }
        XCTAssertEqual(server.requests.count, 1, "hide never reached the network")
    }
}
