import Foundation
import SwitchboardCore
import XCTest

@testable import Listening

/// The token file every OAuth network shares: plain or JSON, written 0600, renewed once even when asked twice.
final class OAuthTokenTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func testPlainAndJSONTokenFilesAreReadAndBadOnesNamedWithoutTheirValue() throws {
        XCTAssertEqual(OAuthToken.parse(Data("abc.DEF-123\n".utf8)), OAuthToken(accessToken: "abc.DEF-123"))
        let json = #"{"access_token": "t1", "refresh_token": "r1", "expires_at": "2027-01-15T08:00:00Z"}"#
        let t = try XCTUnwrap(OAuthToken.parse(Data(json.utf8)))
        XCTAssertEqual(t.refreshToken, "r1")
        XCTAssertEqual(t.expiresAt, Timestamp.parse("2027-01-15T08:00:00Z"))
        XCTAssertNil(OAuthToken.parse(Data("two words".utf8)))
        XCTAssertNil(OAuthToken.parse(Data(#"{"refresh_token": "r"}"#.utf8)))

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-oauth-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("secrets/x.token")
        try FileIO.makeDirectory(file.deletingLastPathComponent())
        try Data("{\"access_token\": \"sekrit-value\"".utf8).write(to: file)
        let store = OAuthTokenStore(file: file, what: "token of source x")
        XCTAssertThrowsError(try store.current()) { e in
            let text = String(describing: e)
            XCTAssertTrue(text.contains("token of source x"), text)
            XCTAssertFalse(text.contains("sekrit"), "the value never appears: \(text)")
        }
    }

    func testAnExpiringTokenIsRenewedOnceAndSavedPrivately() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-oauth-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("secrets/yt.token")
        let first = OAuthTokenStore(file: file, what: "token of source yt")
        try first.save(OAuthToken(accessToken: "old", refreshToken: "r1", expiresAt: now.addingTimeInterval(60)))
        var st = stat()
        XCTAssertEqual(stat(file.path, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)

        let calls = Counter()
        let now = self.now
        let renew: @Sendable (OAuthToken) async throws -> OAuthToken = { old in
            calls.bump()
            XCTAssertEqual(old.refreshToken, "r1")
            return OAuthToken(accessToken: "new", refreshToken: "r2", expiresAt: now.addingTimeInterval(3600))
        }
        // A second process read the old token before the first renewed it.
        let second = OAuthTokenStore(file: file, what: "token of source yt")
        XCTAssertEqual(try second.current().accessToken, "old")
        let a = try await first.valid(margin: 300, now: now, refresh: renew)
        XCTAssertEqual(a.accessToken, "new")
        // Its cached token is expiring: it takes the lock, finds the renewed file and does not renew again.
        let b = try await second.valid(margin: 300, now: now, refresh: renew)
        XCTAssertEqual(b.accessToken, "new")
        XCTAssertEqual(calls.value, 1)
        XCTAssertEqual(OAuthToken.parse(try Data(contentsOf: file))?.refreshToken, "r2")
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func bump() { lock.withLock { n += 1 } }
        var value: Int { lock.withLock { n } }
    }
}
