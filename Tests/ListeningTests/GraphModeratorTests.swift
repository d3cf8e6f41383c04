import Foundation
import SwitchboardCore
import TestSupport
import XCTest

@testable import Listening

/// Hide, unhide and delete through the Graph API over loopback HTTP (issue 16): the request each network receives,
/// recorded in the log with the reason only after Meta said yes.
final class GraphModeratorTests: XCTestCase {
    var server: NetworkTestServer!
    override func setUpWithError() throws { server = try NetworkTestServer() }
    override func tearDown() { server.stop() }

    func moderate(_ platform: String, _ kinds: [ModerationKind], object: String = "17858893269000001") async throws
        -> Store
    {
        let (store, m, team) = try GraphLookupTests.outboxSetup(self, server, platform: platform)
        let mods = Moderation.moderators(team: team, dataDir: store.dir, http: TestHTTPClient())
        for k in kinds {
            try await Moderation.perform(
                store: store, key: m.key, kind: k, reason: k == .hide ? "Beleidigung" : nil, actor: "lea",
                moderatorFor: mods, now: GraphFixture.now)
        }
        return store
    }

    func sent() -> [String] {
        server.requests.map { r in
            let body = String(decoding: r.body, as: UTF8.self)
            return "\(r.method) \(r.path)" + (body.isEmpty ? "?" + r.query : " " + body)
        }
    }

    let token = "access_token=" + GraphFixture.token

    func testInstagramHideUnhideDelete() async throws {
        server.on("POST", "/v24.0/17858893269000001", .json(#"{"success":true}"#))
        server.on("DELETE", "/v24.0/17858893269000001", .json(#"{"success":true}"#))
        let store = try await moderate("instagram", [.hide, .unhide, .delete])
        XCTAssertEqual(
            sent(),
            [
                "POST /v24.0/17858893269000001 hide=true&\(token)",
                "POST /v24.0/17858893269000001 hide=false&\(token)",
                "DELETE /v24.0/17858893269000001?\(token)",
            ])
        let st = store.state(store.mentions[0].key)
        XCTAssertEqual(st.moderation.map(\.line), ["hidden by lea: Beleidigung", "unhidden by lea", "deleted by lea"])
        XCTAssertEqual(st.moderated, .delete)
    }

    func testFacebookHidesWithIsHidden() async throws {
        server.on("POST", "/v24.0/17858893269000001", .json(#"{"success":true}"#))
        _ = try await moderate("facebook", [.hide, .unhide])
        XCTAssertEqual(
            sent(),
            [
                "POST /v24.0/17858893269000001 is_hidden=true&\(token)",
                "POST /v24.0/17858893269000001 is_hidden=false&\(token)",
            ])
    }

    func testThreadsHidesThroughManageReply() async throws {
        server.on("POST", "/v1.0/17858893269000001/manage_reply", .json(#"{"success":true}"#))
        _ = try await moderate("threads", [.hide])
        XCTAssertEqual(sent(), ["POST /v1.0/17858893269000001/manage_reply hide=true&\(token)"])
    }

    func testRefusalsRecordNothing() async throws {
        server.on(
            "POST", "/v24.0/17858893269000001",
            GraphFixture.error(
                200, message: "(#200) Requires pages_manage_engagement permission to manage the object", status: 403))
        do {
            _ = try await moderate("facebook", [.hide])
            XCTFail("hidden")
        } catch let e as ModerationError {
            XCTAssertTrue(e.description.contains("needs the permission pages_manage_engagement"), e.description)
        }
        server.on("POST", "/v24.0/17858893269000001", GraphFixture.error(190, message: "Session has expired"))
        do {
            _ = try await moderate("instagram", [.hide])
            XCTFail("hidden")
        } catch let e as ModerationError {
            XCTAssertTrue(
                e.description.hasPrefix("needs login: instagram source ig: Meta refused the token"), e.description)
        }
        do {
            _ = try await moderate("instagram", [.lock])
            XCTFail("locked")
        } catch let e as ModerationError {
            XCTAssertEqual(
                e.description, "Instagram does not offer lock through its API; it offers: hide, unhide, delete")
        }
    }
}
