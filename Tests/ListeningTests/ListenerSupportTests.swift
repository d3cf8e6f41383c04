import Foundation
import SwitchboardCore
import XCTest

@testable import Listening

/// The pieces the listener and connectors share: rate-limit headers, backoff, hostile-text cleaning, secrets.
final class ListenerSupportTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_900_000_000)

    func testRateLimitHeadersInBothDialects() {
        let m = RateLimitInfo.parse(
            [
                "x-ratelimit-limit": "300", "x-ratelimit-remaining": "0",
                "x-ratelimit-reset": "2030-03-17T17:50:00.000Z",
            ], now: now)
        XCTAssertEqual(m.limit, 300)
        XCTAssertEqual(m.remaining, 0)
        XCTAssertEqual(m.notBefore, Timestamp.parse("2030-03-17T17:50:00Z"))
        let b = RateLimitInfo.parse(
            ["ratelimit-limit": "3000", "ratelimit-remaining": "2999", "ratelimit-reset": "1900000300"], now: now)
        XCTAssertNil(b.notBefore, "requests remain: no waiting")
        XCTAssertEqual(b.reset, Date(timeIntervalSince1970: 1_900_000_300))
        XCTAssertEqual(
            RateLimitInfo.parse(["ratelimit-reset": "42"], now: now).reset, now.addingTimeInterval(42),
            "delta seconds per the IETF draft")
        XCTAssertEqual(
            RateLimitInfo.parse(["retry-after": "17 Mar 2030 18:00:00 GMT"], now: now).retryAfter,
            Timestamp.parse("2030-03-17T18:00:00Z"))
        XCTAssertNil(RateLimitInfo.parse(["retry-after": "soon", "x-ratelimit-reset": "garbage"], now: now).notBefore)
        XCTAssertEqual(RateLimitInfo().retryAt(now: now), now.addingTimeInterval(60), "a bare 429 waits a minute")
    }

    func testBackoffDoublesWithJitterAndIsCapped() {
        let b = Backoff(base: 60, cap: 900)
        XCTAssertEqual(b.delay(failures: 1, random: 0), 30)
        XCTAssertEqual(b.delay(failures: 1, random: 1), 60)
        XCTAssertEqual(b.delay(failures: 3, random: 1), 240)
        XCTAssertEqual(b.delay(failures: 10, random: 1), 900)
        XCTAssertEqual(b.delay(failures: 10, random: 0), 450)
        XCTAssertEqual(b.delay(failures: 1000, random: 0.5), 675, "no overflow after many failures")
        XCTAssertEqual(b.delay(failures: 0), 0)
    }

    func testHostileTextNeverReachesATerminal() {
        let hostile =
            "a\u{1B}]52;c;cHduZWQ=\u{07}b\u{1B}]8;;https://evil.example\u{1B}\\c\u{1B}[2J\u{1B}[31md\u{1B}Pq#0\u{1B}\\e\u{9B}31mf\u{85}g\u{202E}h\u{2066}i\u{200F}j\u{7F}k\u{0}l\tm\r\nn"
        XCTAssertEqual(NetworkText.content(hostile), "abcdefghijkl\tm\nn")
        XCTAssertEqual(NetworkText.clean(hostile), "abcdefghijkl m n")
        XCTAssertEqual(NetworkText.clean("  many   spaces\n\nand lines  "), "many spaces and lines")
        XCTAssertEqual(NetworkText.clean(String(repeating: "x", count: 300), max: 10), "xxxxxxxxxx…")
        XCTAssertEqual(NetworkText.content("Grüße 👩‍👩‍👧 ok"), "Grüße 👩‍👩‍👧 ok")
    }

    func testSecretsAreWrittenPrivateAndResolvedRelativeToTheDataDirectory() throws {
        let dir = try makeDataDir(token: "s3cret", file: "secrets/x.token")
        let url = dir.root.appendingPathComponent("secrets/x.token")
        let mode = (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?
            .intValue
        XCTAssertEqual(mode, 0o600)
        XCTAssertEqual(
            try Secrets.resolve(file: "secrets/x.token", command: nil, dataDir: dir, what: "token"), "s3cret")
        XCTAssertEqual(try Secrets.resolve(file: url.path, command: nil, dataDir: dir, what: "token"), "s3cret")
        XCTAssertThrowsError(try Secrets.resolve(file: nil, command: nil, dataDir: dir, what: "token of source a")) {
            e in
            XCTAssertEqual("\(e)", "no token of source a configured (set a *_file or *_command)")
        }
        XCTAssertThrowsError(try Secrets.resolve(file: nil, command: "true", dataDir: dir, what: "token")) { e in
            XCTAssertEqual("\(e)", "the command for the token printed nothing")
        }
    }

    func testLinkHeaderParsing() {
        let l = Mastodon.links(
            #"<https://m.example/api/v1/notifications?max_id=7>; rel="next", <https://m.example/api/v1/notifications?min_id=9>; rel="prev""#
        )
        XCTAssertEqual(l["next"]?.absoluteString, "https://m.example/api/v1/notifications?max_id=7")
        XCTAssertEqual(l["prev"]?.absoluteString, "https://m.example/api/v1/notifications?min_id=9")
        XCTAssertEqual(Mastodon.links("garbage, <>; rel=next").count, 0)
        XCTAssertTrue(Mastodon.idLess("999", "1000"), "ids compare as numbers")
    }
}

final class NetworkTextScanTests: XCTestCase {
    func testTheFastScanAgreesWithTheSlowPathOnEveryDangerousCharacter() {
        let dangerous: [UInt32] = [
            0x00, 0x07, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F, 0x061C, 0x200E, 0x200F, 0x202A, 0x202E, 0x2066,
            0x2069,
        ]
        for v in dangerous {
            let s = "ok " + String(Character(Unicode.Scalar(v)!)) + " ok"
            XCTAssertTrue(NetworkText.needsCleaning(s), String(format: "U+%04X", v))
            // ESC and CSI start sequences that swallow what follows; every other one is simply dropped.
            if v != 0x1B && v != 0x9B { XCTAssertEqual(NetworkText.content(s), "ok  ok", String(format: "U+%04X", v)) }
        }
        for safe in ["Grüße\n\tok", "emoji 👋🏽 ZWJ 👩‍👩‍👧", "U+2010 ‐ U+2030 ‰ U+2070 ⁰ U+00A0\u{00A0}", "arabic عربي"] {
            XCTAssertFalse(NetworkText.needsCleaning(safe), safe)
            XCTAssertEqual(NetworkText.content(safe), safe)
        }
    }
}
