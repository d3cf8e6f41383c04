import Foundation
import XCTest

@testable import Listening

/// HTMLText: HTML to clean text, and the hostile-text guarantees.
final class FeedHTMLTextTests: XCTestCase {
    func testTagsBlocksAndWhitespace() {
        XCTAssertEqual(
            HTMLText.text(fromHTML: "<p>Hello <b>world</b></p><p>Second   paragraph</p>"),
            "Hello world\nSecond paragraph")
        XCTAssertEqual(HTMLText.text(fromHTML: "one<br>two<br/><br />three"), "one\ntwo\n\nthree")
        XCTAssertEqual(HTMLText.text(fromHTML: "<ul><li>a</li><li>b</li></ul>"), "a\nb")
        XCTAssertEqual(HTMLText.text(fromHTML: "<table><tr><td>x</td><td>y</td></tr></table>"), "x y")
        XCTAssertEqual(HTMLText.text(fromHTML: "  \n lots   of \t space \n "), "lots of space")
        XCTAssertEqual(HTMLText.text(fromHTML: "<p>a</p><p>b</p>", keepNewlines: false), "a b")
        XCTAssertEqual(HTMLText.text(fromHTML: "<a href=\"x\" title='a > b'>link</a> text"), "link text")
        XCTAssertEqual(HTMLText.text(fromHTML: "<a href=http://e.x/\">quote</a>"), "quote")
    }

    func testDroppedContent() {
        XCTAssertEqual(
            HTMLText.text(fromHTML: "a<script type=\"x\">var s = '</p>';</script>b<style>p{}</style>c"), "abc")
        XCTAssertEqual(HTMLText.text(fromHTML: "x<!-- hidden <b>comment</b> -->y<?php echo 1 ?>z"), "xyz")
        XCTAssertEqual(HTMLText.text(fromHTML: "<![CDATA[raw <b>text</b>]]>"), "raw <b>text</b>")
        XCTAssertEqual(HTMLText.text(fromHTML: "a < b and c<d"), "a < b and c")
    }

    func testEntities() {
        XCTAssertEqual(
            HTMLText.text(fromHTML: "caf&eacute; &amp; &lt;tag&gt; &quot;q&quot; &apos;"), "café & <tag> \"q\" '")
        XCTAssertEqual(
            HTMLText.text(fromHTML: "&#8364;&#x20AC;&#X20ac; &#150; &#0; &#xD800;"), "€€€ – \u{FFFD} \u{FFFD}")
        XCTAssertEqual(HTMLText.text(fromHTML: "AT&T &unknown; &amp"), "AT&T &unknown; &")
        XCTAssertEqual(HTMLText.text(fromHTML: "a&nbsp;&nbsp;b"), "a b")
        XCTAssertEqual(HTMLText.decodeEntities("1 &lt; 2 <b>"), "1 < 2 <b>")
    }

    func testNoControlsOrEscapeSequencesSurvive() {
        let hostile = [
            "\u{1B}[31mred\u{1B}[0m", "\u{1B}]52;c;SGVsbG8=\u{07}clip",
            "\u{1B}]8;;http://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\",
            "\u{1B}P1$qm\u{1B}\\dcs", "\u{9B}2Jc1", "\u{9D}0;title\u{9C}osc", "&#27;[2J&#x1b;]0;t&#7;",
            "a\u{202E}b\u{2066}c", "nul\u{0}bell\u{7}",
        ]
        for h in hostile {
            for out in [HTMLText.text(fromHTML: h), HTMLText.clean(h), HTMLText.clean(h, keepNewlines: true)] {
                XCTAssertFalse(
                    out.unicodeScalars.contains {
                        $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value)
                            || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
                    }, "\(h.debugDescription) → \(out.debugDescription)")
            }
        }
        XCTAssertEqual(HTMLText.clean("\u{1B}[31mred\u{1B}[0m"), "red")
        XCTAssertEqual(HTMLText.clean("\u{1B}]52;c;SGVsbG8=\u{07}clip"), "clip")
        XCTAssertEqual(HTMLText.clean("\u{1B}]8;;http://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\"), "link")
        XCTAssertEqual(HTMLText.clean("line1\nline2\r\n\n\n\nline3", keepNewlines: true), "line1\nline2\n\nline3")
        XCTAssertEqual(HTMLText.clean("line1\nline2"), "line1 line2")
    }

    func testLooksLikeHTML() {
        XCTAssertTrue(HTMLText.looksLikeHTML("a <b>bold</b>"))
        XCTAssertTrue(HTMLText.looksLikeHTML("caf&eacute;"))
        XCTAssertFalse(HTMLText.looksLikeHTML("AT&T and 1 < 2"))
    }
}
