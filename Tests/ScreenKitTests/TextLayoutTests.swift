import XCTest

@testable import ScreenKit

final class TextLayoutTests: XCTestCase {
    func testWidths() {
        XCTAssertEqual(TextWidth.width("abc"), 3)
        XCTAssertEqual(TextWidth.width("Grüße"), 5)
        XCTAssertEqual(TextWidth.width("東京"), 4)
        XCTAssertEqual(TextWidth.width("👍"), 2)
        XCTAssertEqual(TextWidth.width("👨‍👩‍👧"), 2)
        XCTAssertEqual(TextWidth.width("🇩🇪"), 2)
        XCTAssertEqual(TextWidth.width("e\u{301}"), 1)
        XCTAssertEqual(TextWidth.width("a\u{7}b"), 2)
    }

    func testWrapWords() {
        XCTAssertEqual(TextLayout.wrap("the quick brown fox jumps", width: 10), ["the quick", "brown fox", "jumps"])
        XCTAssertEqual(
            TextLayout.wrap("Grüße aus München, schöne Straße", width: 12),
            ["Grüße aus", "München,", "schöne", "Straße"])
        XCTAssertEqual(TextLayout.wrap("a\n\nb", width: 5), ["a", "", "b"])
        XCTAssertEqual(TextLayout.wrap("", width: 5), [""])
        XCTAssertEqual(TextLayout.wrap("short", width: 0), [])
    }

    func testWrapHardBreaksWithoutSplittingWideCharacters() {
        // 7 CJK characters (14 cells) at width 5: two per line, never half a character.
        let lines = TextLayout.wrap("東京都渋谷区神", width: 5)
        XCTAssertEqual(lines, ["東京", "都渋", "谷区", "神"])
        for l in lines { XCTAssertLessThanOrEqual(TextWidth.width(l), 5) }
        XCTAssertEqual(TextLayout.wrap("abcdefgh", width: 3), ["abc", "def", "gh"])
        XCTAssertEqual(
            TextLayout.wrap("see https://example.org/a/b", width: 8),
            ["see", "https://", "example.", "org/a/b"])
    }

    func testWrapKeepsGraphemeClusters() {
        let family = "👨‍👩‍👧‍👦"
        let flag = "🇩🇪"
        let lines = TextLayout.wrap(family + flag + "e\u{301}" + family, width: 3)
        XCTAssertEqual(lines, [family, flag + "e\u{301}", family])
        XCTAssertEqual(TextLayout.wrap("👍👍👍", width: 1), ["👍", "👍", "👍"], "too wide: a line of its own")
    }

    func testClip() {
        XCTAssertEqual(TextLayout.clip("Hello world", width: 8), "Hello w…")
        XCTAssertEqual(TextLayout.clip("Hello", width: 5), "Hello")
        XCTAssertEqual(TextLayout.clip("東京都", width: 4), "東…")
        XCTAssertEqual(TextLayout.clip("東京都", width: 5), "東京…")
        XCTAssertEqual(TextLayout.clip("東京都", width: 4, ellipsis: ""), "東京")
        XCTAssertEqual(TextLayout.clip("東京都", width: 3, ellipsis: ""), "東")
        XCTAssertEqual(TextLayout.clip("Grüße👍x", width: 6), "Grüße…")
        XCTAssertEqual(TextLayout.clip("abc", width: 0), "")
    }

    func testPad() {
        XCTAssertEqual(TextLayout.pad("ab", width: 4), "ab  ")
        XCTAssertEqual(TextLayout.pad("ab", width: 4, alignment: .right), "  ab")
        XCTAssertEqual(TextLayout.pad("ab", width: 5, alignment: .center), " ab  ")
        XCTAssertEqual(TextLayout.pad("東京都", width: 5, ellipsis: ""), "東京 ")
        XCTAssertEqual(TextWidth.width(TextLayout.pad("東京都👍", width: 7)), 7)
    }

    func testPrefix() {
        let (p, w) = TextLayout.prefix("ab東c", width: 3)
        XCTAssertEqual(String(p), "ab")
        XCTAssertEqual(w, 2)
    }
}

final class TextWidthTests: XCTestCase {
    /// The fast string path must agree with the sum of grapheme widths (what ScreenBuffer.put lays out).
    func testStringWidthAgreesWithGraphemeWidths() {
        let samples = [
            "Grüße aus München", "東京都渋谷区", "한국어 텍스트", "👍🏽 ❤️ 👨‍👩‍👧‍👦 🏳️‍🌈 🇩🇪 1️⃣", "e\u{301}a\u{308}",
            "नमस्ते क्षत्रिय", "ภาษาไทย", "မြန်မာ", "ខ្មែរ", "مرحبا", "עברית", "Ελληνικά", "Русский", "½ € ™ …",
            "ｆｕｌｌｗｉｄｔｈ", "ﾊﾝｶｸ", "\u{1100}\u{1161}\u{11A8}", "a\u{7}b\u{1B}c",
        ]
        for s in samples {
            XCTAssertEqual(TextWidth.width(s), s.reduce(0) { $0 + TextWidth.width($1) }, s)
        }
    }
}
