import Foundation
import FuzzTargets
import SwitchboardCore
import XCTest

/// The checks the targets make must catch what they are about, or the fuzzer finds nothing.
final class InvariantsTests: XCTestCase {
    func testUnsafeScalarFindsEscapesControlsAndBidi() {
        XCTAssertEqual(Invariants.unsafeScalar(in: "red \u{1B}[31m", newlines: false), "\u{1B}")
        XCTAssertEqual(Invariants.unsafeScalar(in: "osc \u{9D}52;c;", newlines: true), "\u{9D}")
        XCTAssertEqual(Invariants.unsafeScalar(in: "evil \u{202E}txt.exe", newlines: true), "\u{202E}")
        XCTAssertEqual(Invariants.unsafeScalar(in: "two\nlines", newlines: false), "\n")
        XCTAssertEqual(Invariants.unsafeScalar(in: "tab\there", newlines: true), "\t")
        XCTAssertNil(Invariants.unsafeScalar(in: "tab\there", newlines: true, tabs: true))
        XCTAssertNil(Invariants.unsafeScalar(in: "two\nlines, emoji 👩‍💻 and فارسی", newlines: true))
    }

    func testMentionSafeNamesTheField() {
        var m = Mention(platform: "rss", id: "x", text: "fine", createdAt: Date(timeIntervalSince1970: 0))
        m.author = Author(handle: "@bad\u{1B}]8;;", name: nil)
        XCTAssertThrowsError(try Invariants.mentionSafe(m)) { e in
            XCTAssertTrue("\(e)".hasPrefix("author.handle holds U+1B"), "\(e)")
        }
    }

    func testStoreRoundTripAcceptsAStoredMention() throws {
        var m = Mention(
            platform: "mastodon", id: "https://social.example/1", text: "Zwei\nZeilen \"zitiert\" \\ 👍",
            createdAt: Date(timeIntervalSince1970: 1_795_000_000.123),
            fetchedAt: Date(timeIntervalSince1970: 1_795_000_001))
        m.extra = ["n": .number(1.5), "list": .array([.string("a"), .bool(true), .null])]
        XCTAssertNoThrow(try Invariants.storeRoundTrip(m))
    }

    func testSanitizerTargetRejectsNothingSafeAndFindsPlantedViolations() throws {
        let t = try XCTUnwrap(FuzzTarget.named("sanitizer"))
        XCTAssertNoThrow(try t.run(Data("plain \u{1B}[2J\u{9B}31m text\r\n".utf8)))
        // The format-character check itself flags what the sanitiser must remove.
        XCTAssertThrowsError(try Invariants.terminalSafe("a\u{2066}b", "x", newlines: false))
    }

    func testEveryTargetHasAUniqueName() {
        let names = FuzzTarget.all.map(\.name)
        XCTAssertEqual(Set(names).count, names.count)
        XCTAssertEqual(
            Set(names),
            [
                "sanitizer", "feed", "html", "jsonl", "mastodon", "bluesky", "query", "keymap", "theme", "record",
                "reddit",
            ])
    }
}
