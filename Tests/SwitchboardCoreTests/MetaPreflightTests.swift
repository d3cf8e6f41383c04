import Foundation
import XCTest

@testable import SwitchboardCore

/// Pre-flight and reply checks know the Meta networks' limits (issue 16): Instagram captions 2,200 characters and
/// 30 hashtags and no text-only posts, Threads 500 characters, Facebook 63,206; carousels at most 10 images.
final class MetaPreflightTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func team() -> TeamConfig {
        var t = queueTeam()
        t.sources += [
            SourceConfig(id: "ig", type: "instagram"), SourceConfig(id: "fb", type: "facebook"),
            SourceConfig(id: "th", type: "threads"),
        ]
        return t
    }

    func warnings(_ text: String, _ accounts: [String], media: Int = 0) -> [PreflightWarning] {
        let m = (0..<media).map { QueueMedia(path: "/tmp/bild\($0).jpg", alt: "Bild \($0)") }
        return Preflight.check(
            QueueDraft(text: text, accounts: accounts, media: m),
            .init(team: team(), events: [], queue: Queue(), now: now))
    }

    func testInstagramNeedsAnImage() {
        let w = warnings("Unser Winterkaffee ist da!", ["ig"])
        XCTAssertEqual(w.map(\.kind), [.needsMedia])
        XCTAssertEqual(
            w.first?.message,
            "Instagram needs an image (or up to 10 for a carousel): add one with --media; a text-only post cannot be "
                + "published there")
        XCTAssertEqual(warnings("Unser Winterkaffee ist da!", ["ig"], media: 1).map(\.kind), [])
        XCTAssertEqual(warnings("Unser Winterkaffee ist da!", ["fb", "th"]).map(\.kind), [])
        XCTAssertEqual(
            warnings("Elf Bilder", ["ig"], media: 11).map(\.message),
            ["11 images on instagram: Instagram takes at most 10"])
    }

    func testInstagramHashtagAndCaptionLimits() {
        let tags30 = (1...30).map { "#tag\($0)" }.joined(separator: " ")
        XCTAssertEqual(warnings("Frühstück " + tags30, ["ig"], media: 1).map(\.kind), [])
        let w = warnings("Frühstück " + tags30 + " #größe", ["ig"], media: 1)
        XCTAssertEqual(w.map(\.message), ["31 hashtags on instagram, over its limit of 30"])
        // The same text goes to Facebook without a hashtag limit.
        XCTAssertEqual(warnings("Frühstück " + tags30 + " #größe", ["fb"]).map(\.kind), [])
        let caption = String(repeating: "ß", count: 2201)
        XCTAssertEqual(
            warnings(caption, ["ig"], media: 1).map(\.message), ["2201 characters on instagram, over its limit of 2200"]
        )
        XCTAssertEqual(warnings(String(caption.dropLast()), ["ig"], media: 1).map(\.kind), [])
    }

    func testThreadsAndFacebookLengths() {
        let t501 = String(repeating: "ä", count: 501)
        XCTAssertEqual(warnings(t501, ["th"]).map(\.message), ["501 characters on threads, over its limit of 500"])
        XCTAssertEqual(warnings(t501, ["fb"]).map(\.kind), [])
        XCTAssertEqual(
            warnings(String(repeating: "x", count: 63_207), ["fb"]).map(\.message),
            ["63207 characters on facebook, over its limit of 63206"])
    }

    func testRepliesAreCheckedAgainstTheSameLimits() {
        func m(_ platform: String) -> Mention {
            Mention(platform: platform, id: "1", text: "Tolles Foto", createdAt: now)
        }
        XCTAssertEqual(
            ReplyChecks.check(reply: String(repeating: "ö", count: 501), to: m("threads")).map(\.message),
            ["501 characters: Threads allows 500 — 1 too many"])
        let tags = (1...31).map { "#t\($0)" }.joined(separator: " ")
        XCTAssertEqual(
            ReplyChecks.check(reply: "Danke! " + tags, to: m("instagram")).map(\.message),
            ["31 hashtags: Instagram allows 30 — 1 too many"])
        XCTAssertEqual(ReplyChecks.check(reply: "Danke! " + tags, to: m("facebook")).map(\.kind), [])
        XCTAssertEqual(PostLength.hashtags("#a#b # #1 ##x Kaffee#nicht"), 4)
    }
}
