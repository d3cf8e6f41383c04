import TextSafety
import XCTest

@testable import ScreenKit

final class SanitizerTests: XCTestCase {
    let esc = "\u{1B}"

    /// Hostile input → what must remain.
    var corpus: [(String, String, String)] {
        [
            ("CSI colour", "\(esc)[31mred\(esc)[0m text", "red text"),
            ("CSI cursor move", "a\(esc)[2J\(esc)[H\(esc)[10;20Hb", "ab"),
            ("CSI private mode", "x\(esc)[?1049hy\(esc)[?25l", "xy"),
            ("OSC title BEL", "\(esc)]0;pwned\u{07}ok", "ok"),
            ("OSC title ST", "\(esc)]2;pwned\(esc)\\ok", "ok"),
            ("OSC 52 clipboard", "a\(esc)]52;c;cm0gLXJmIH4K\u{07}b", "ab"),
            ("OSC 8 link", "\(esc)]8;;https://evil.example/\(esc)\\click\(esc)]8;;\(esc)\\", "click"),
            ("DCS", "a\(esc)Pq#0;2;0;0;0#1!6~\(esc)\\b", "ab"),
            ("SOS PM APC", "1\(esc)Xsos\(esc)\\2\(esc)^pm\(esc)\\3\(esc)_apc\(esc)\\4", "1234"),
            ("two-char ESC", "a\(esc)cb\(esc)7c\(esc)8d", "abcd"),
            ("charset designation", "a\(esc)(0b\(esc)#8c", "abc"),
            ("SS3", "a\(esc)OPb", "ab"),
            ("8-bit CSI", "a\u{9B}31mb", "ab"),
            ("8-bit OSC", "a\u{9D}52;c;eHl6\u{9C}b", "ab"),
            ("8-bit DCS", "a\u{90}qstuff\u{9C}b", "ab"),
            ("other C1", "a\u{80}\u{85}b\u{9F}", "a b"),
            ("C0 controls", "a\u{00}b\u{07}c\u{08}d\u{18}e\u{1A}f", "abcdef"),
            ("DEL", "a\u{7F}b", "ab"),
            ("tab", "a\tb", "a b"),
            ("newlines", "a\nb\r\nc\rd", "a b c d"),
            ("bidi overrides", "user\u{202E}gnp.exe\u{202C}", "usergnp.exe"),
            ("bidi isolates and marks", "\u{2066}a\u{2067}b\u{2068}c\u{2069}\u{200E}\u{200F}\u{061C}d", "abcd"),
            ("zero-width space and BOM", "p\u{200B}a\u{FEFF}y\u{2060}pal", "paypal"),
            ("interlinear annotation", "a\u{FFF9}hidden\u{FFFA}x\u{FFFB}b", "ahiddenxb"),
            ("soft hyphen", "ad\u{AD}min", "admin"),
            ("lone tags", "a\u{E0041}\u{E0042}b", "ab"),
            ("unterminated OSC swallows the rest", "ok\(esc)]52;c;AAAA and more", "ok"),
            ("unterminated CSI", "ok\(esc)[12;", "ok"),
            ("lone ESC at end", "ok\(esc)", "ok"),
            ("ESC before non-ASCII", "a\(esc)ü", "aü"),
            ("split sequence: CSI interrupted by control", "a\(esc)[3\u{18}1mb", "a1mb"),
            ("OSC ended by a new ESC sequence", "a\(esc)]0;t\(esc)[31mb", "ab"),
            ("nested ESC in CSI", "\(esc)[\(esc)[31mx", "x"),
        ]
    }

    func testHostileCorpusLine() {
        for (name, input, expected) in corpus {
            let out = Sanitizer.line(input)
            XCTAssertEqual(out, expected, name)
            XCTAssertFalse(out.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, name)
        }
    }

    func testTextKeepsNewlines() {
        XCTAssertEqual(Sanitizer.text("a\nb\r\nc\rd\u{2028}e"), "a\nb\nc\nd\ne")
        XCTAssertEqual(Sanitizer.text("\(esc)[1mHallo\(esc)[0m\nWelt"), "Hallo\nWelt")
        XCTAssertEqual(Sanitizer.line("a\nb"), "a b")
    }

    func testValidTextUnchanged() {
        let texts = [
            "Grüße aus München – Straße, Äpfel, Öl, Übermaß",
            "東京の天気は晴れ、気温は２５度です",
            "한국어 텍스트",
            "مرحبا بالعالم",
            "עברית",
            "Emoji: 👍🏽 ❤️ 👨‍👩‍👧‍👦 🏳️‍🌈 🇩🇪 🏴󠁧󠁢󠁳󠁣󠁴󠁿",
            "e\u{301} n\u{303} combining",
            "नमस्ते", "ZWNJ: می‌خواهم",
            "",
        ]
        for t in texts {
            XCTAssertEqual(Sanitizer.line(t), t)
            XCTAssertTrue(Sanitizer.isClean(t), t)
        }
        XCTAssertEqual(Sanitizer.text("line one\nline two"), "line one\nline two")
    }

    func testEveryC0AndC1ScalarIsRemoved() {
        for v in UInt32(0)...0x9F where v < 0x20 || v >= 0x7F {
            let s = "a" + String(Character(Unicode.Scalar(v)!)) + "b"
            let out = Sanitizer.line(s)
            XCTAssertFalse(out.unicodeScalars.contains { $0.value == v && v != 0x20 }, "U+\(String(v, radix: 16))")
            XCTAssertTrue(out.hasPrefix("a"), "U+\(String(v, radix: 16))")
        }
    }

    func testHugeInput() {
        let chunk = "Grüße \(esc)[31m👍\(esc)]52;c;QUFB\u{07}\u{202E}x\n"
        let big = String(repeating: chunk, count: 20_000)
        let out = Sanitizer.line(big)
        XCTAssertEqual(out, String(repeating: "Grüße 👍x ", count: 20_000))
        let clean = String(repeating: "plain ascii text ", count: 50_000)
        XCTAssertEqual(Sanitizer.line(clean), clean)
    }

    func testSplitSequencesAcrossCalls() {
        // Each piece is sanitised on its own: the ESC half is dropped, the rest is harmless text.
        let a = Sanitizer.line("text\(esc)")
        let b = Sanitizer.line("[31mmore")
        XCTAssertEqual(a + b, "text[31mmore")
        XCTAssertFalse((a + b).contains(esc))
    }

    func testIsUnsafeKeepsEmojiHelpers() {
        XCTAssertFalse(Sanitizer.isUnsafe("\u{200D}"))
        XCTAssertFalse(Sanitizer.isUnsafe("\u{FE0F}"))
        XCTAssertFalse(Sanitizer.isUnsafe("\u{E0067}", after: "\u{1F3F4}"))
        XCTAssertTrue(Sanitizer.isUnsafe("\u{E0067}", after: "a"))
        XCTAssertTrue(Sanitizer.isUnsafe("\u{202E}"))
        XCTAssertTrue(Sanitizer.isUnsafe("\u{9B}"))
    }

    /// TextSafety's options: what a caller keeps (line feeds, tabs) and whether NEL breaks lines.
    func testSafeTextOptions() {
        let s = "a\tb\r\nc\rd\u{85}e\u{2028}f\u{1B}[31mg"
        XCTAssertEqual(SafeText.clean(s), "a b c d e fg")
        XCTAssertEqual(SafeText.clean(s, newlines: .keep), "a b\nc\nd\ne\nfg")
        XCTAssertEqual(SafeText.clean(s, newlines: .lineFeedOnly, tabs: .keep), "a\tb\ncdefg")
        XCTAssertEqual(SafeText.clean(s, nelBreaksLines: false), "a b c de fg")
        XCTAssertTrue(SafeText.isClean("a\tb\n", newlines: .keep, tabs: .keep))
        XCTAssertFalse(SafeText.isClean("a\tb\n"))
    }

    /// A stray 8-bit string introducer (no terminator after it) goes alone; one started by ESC swallows the rest.
    func testUnterminatedStringSequences() {
        XCTAssertEqual(SafeText.clean("ok \u{9F} ok"), "ok  ok")
        XCTAssertEqual(SafeText.clean("ok \u{9D}52;c;AAAA\u{07} ok"), "ok  ok")
        XCTAssertEqual(SafeText.clean("ok \u{1B}_apc and more"), "ok ")
    }
}
