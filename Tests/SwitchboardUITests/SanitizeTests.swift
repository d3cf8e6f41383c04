import XCTest

@testable import SwitchboardUI

final class SanitizeTests: XCTestCase {
    func testHostileCorpus() {
        let cases: [(String, String)] = [
            ("plain text", "plain text"),
            ("a\u{1B}[31mred\u{1B}[0m", "ared"),
            ("x\u{1B}]0;title\u{07}y", "xy"),
            ("x\u{1B}]52;c;aGVsbG8=\u{1B}\\y", "xy"),
            ("x\u{1B}]8;;https://e.example\u{07}link\u{1B}]8;;\u{07}y", "xlinky"),
            ("x\u{1B}P1$r0m\u{1B}\\y", "xy"),
            ("x\u{9B}2Jy", "xy"),
            ("x\u{9D}0;t\u{9C}y", "xy"),
            ("x\u{85}\u{8D}y", "x y"),  // NEL is a newline: one space on one line
            ("a\u{202E}b\u{202D}c\u{2066}d\u{2069}e\u{200F}f", "abcdef"),
            ("tab\there", "tab here"),
            ("line\r\nbreak", "line break"),
            ("nul\u{0}bel\u{07}bs\u{08}del\u{7F}", "nulbelbsdel"),
            ("trailing esc \u{1B}", "trailing esc "),
            ("Grüße 日本 🎉", "Grüße 日本 🎉"),
            ("esc(B: \u{1B}(Bok", "esc(B: ok"),
        ]
        for (input, want) in cases { XCTAssertEqual(sanitizeForScreen(input), want, input.debugDescription) }
        XCTAssertEqual(sanitizeForScreen("one\ntwo\r\nthree", singleLine: false), "one\ntwo\nthree")
    }

    func testWrapAndClip() {
        XCTAssertEqual(TextWrap.wrap("the quick brown fox jumps", width: 10), ["the quick", "brown fox", "jumps"])
        XCTAssertEqual(TextWrap.wrap("abcdefghijkl", width: 5), ["abcde", "fghij", "kl"])
        XCTAssertEqual(TextWrap.wrap("日本語テキスト", width: 5), ["日本", "語テ", "キス", "ト"])
        XCTAssertEqual(TextWrap.wrap("a\n\nb", width: 5), ["a", "", "b"])
        XCTAssertEqual(TextWrap.clip("日本語", width: 5), "日本")
        XCTAssertEqual(TextWrap.ellipsize("abcdef", width: 4), "abc…")
        XCTAssertEqual(TextWrap.pad("日", width: 3), "日 ")
    }

    func testRelativeTimes() {
        XCTAssertEqual(Format.relative(0, now: 45), "45s")
        XCTAssertEqual(Format.relative(0, now: 180), "3m")
        XCTAssertEqual(Format.relative(0, now: 7200), "2h")
        XCTAssertEqual(Format.relative(0, now: 5 * 86400), "5d")
        XCTAssertEqual(Format.relative(100, now: 0), "0s")
    }
}
