import XCTest

@testable import ScreenKit

final class KeyDecoderTests: XCTestCase {
    /// What xterm, tmux/screen, rxvt, the Linux console and vt100 send, and the key it means.
    let table: [(String, Key)] = [
        ("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}OB", .down), ("\u{1B}OC", .right), ("\u{1B}OD", .left),
        ("\u{1B}[1;5A", .up), ("\u{1B}[1;2D", .left),
        ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
        ("\u{1B}[1~", .home), ("\u{1B}[4~", .end), ("\u{1B}[7~", .home), ("\u{1B}[8~", .end),
        ("\u{1B}[2~", .insert), ("\u{1B}[3~", .delete), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown),
        ("\u{1B}OP", .function(1)), ("\u{1B}OQ", .function(2)), ("\u{1B}OR", .function(3)), ("\u{1B}OS", .function(4)),
        ("\u{1B}[11~", .function(1)), ("\u{1B}[15~", .function(5)), ("\u{1B}[17~", .function(6)),
        ("\u{1B}[21~", .function(10)), ("\u{1B}[24~", .function(12)), ("\u{1B}[[A", .function(1)),
        ("\u{1B}[[E", .function(5)), ("\u{1B}[Z", .backTab), ("\u{1B}OM", .enter),
        ("\r", .enter), ("\n", .enter), ("\t", .tab), ("\u{7F}", .backspace), ("\u{08}", .backspace),
        ("\u{1B}", .escape), ("\u{04}", .ctrl("d")), ("\u{15}", .ctrl("u")), ("\u{01}", .ctrl("a")),
        ("\u{00}", .ctrl("@")), ("\u{1B}x", .alt("x")), ("\u{1B}X", .alt("X")), ("\u{1B}ü", .alt("ü")),
        ("\u{1B}\u{7F}", .alt("\u{7F}")), ("\u{1B}\u{8}", .alt("\u{7F}")),
        ("j", .char("j")), ("G", .char("G")), (" ", .char(" ")), ("ü", .char("ü")), ("ß", .char("ß")),
        ("東", .char("東")), ("👍", .char("👍")), ("👍🏽", .char("👍🏽")), ("e\u{301}", .char("e\u{301}")),
    ]

    func testKeyTable() {
        for (bytes, key) in table {
            XCTAssertEqual(KeyDecoder.decode(bytes), [.key(key)], bytes.debugDescription)
        }
    }

    func testSequencesInOneRead() {
        XCTAssertEqual(
            KeyDecoder.decode("jj\u{1B}[Bk\u{1B}[5~"),
            [.key(.char("j")), .key(.char("j")), .key(.down), .key(.char("k")), .key(.pageUp)])
        XCTAssertEqual(KeyDecoder.decode("\u{1B}\u{1B}[A"), [.key(.escape), .key(.up)])
    }

    func testSplitAcrossReads() {
        var d = KeyDecoder()
        XCTAssertEqual(d.feed(Array("\u{1B}".utf8)), [])
        XCTAssertEqual(d.feed(Array("[".utf8)), [])
        XCTAssertEqual(d.feed(Array("6~".utf8)), [.key(.pageDown)])
        let euro = Array("€".utf8)
        XCTAssertEqual(d.feed(euro[0..<1]), [])
        XCTAssertEqual(d.feed(euro[1...]), [.key(.char("€"))])
    }

    func testLoneEscapeNeedsFlush() {
        var d = KeyDecoder()
        XCTAssertEqual(d.feed([0x1B]), [])
        XCTAssertTrue(d.hasPending)
        XCTAssertEqual(d.flush(), [.key(.escape)])
        XCTAssertFalse(d.hasPending)
    }

    func testBracketedPaste() {
        let bytes = "x\u{1B}[200~Grüße\r\nzweite Zeile\u{1B}[31m\u{1B}]52;c;AA\u{07}\u{1B}[201~y"
        XCTAssertEqual(
            KeyDecoder.decode(bytes),
            [.key(.char("x")), .paste("Grüße\nzweite Zeile"), .key(.char("y"))])
        // Split across reads, end marker cut in half.
        var d = KeyDecoder()
        XCTAssertEqual(d.feed(Array("\u{1B}[200~ab".utf8)), [])
        XCTAssertEqual(d.feed(Array("c\u{1B}[20".utf8)), [])
        XCTAssertEqual(d.flush(), [], "an open paste stays open")
        XCTAssertEqual(d.feed(Array("1~q".utf8)), [.paste("abc"), .key(.char("q"))])
    }

    func testMouse() {
        XCTAssertEqual(KeyDecoder.decode("\u{1B}[<0;10;5M"), [.mouse(MouseEvent(kind: .press, x: 9, y: 4))])
        XCTAssertEqual(KeyDecoder.decode("\u{1B}[<0;10;5m"), [.mouse(MouseEvent(kind: .release, x: 9, y: 4))])
        XCTAssertEqual(KeyDecoder.decode("\u{1B}[<64;1;1M"), [.mouse(MouseEvent(kind: .wheelUp, x: 0, y: 0))])
        XCTAssertEqual(KeyDecoder.decode("\u{1B}[<65;3;2M"), [.mouse(MouseEvent(kind: .wheelDown, x: 2, y: 1))])
        XCTAssertEqual(KeyDecoder.decode("\u{1B}[<32;3;2M"), [], "motion is ignored")
        XCTAssertEqual(KeyDecoder.decode("\u{1B}[M !!"), [.mouse(MouseEvent(kind: .press, x: 0, y: 0))])
    }

    func testUnknownAndBrokenInputNeverYieldsControls() {
        XCTAssertEqual(KeyDecoder.decode("\u{1B}[99~"), [])
        XCTAssertEqual(KeyDecoder.decode("\u{1B}[12;\u{07}j").last, .key(.char("j")))
        XCTAssertEqual(KeyDecoder.decode([0xFF, 0x6A]), [.key(.char("j"))])
        XCTAssertEqual(KeyDecoder.decode("\u{9B}"), [], "C1 as a UTF-8 character is dropped")
        XCTAssertEqual(KeyDecoder.decode("\u{202E}"), [])
    }
}
