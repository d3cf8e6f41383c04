import XCTest

@testable import ScreenKit

final class KeyNotationTests: XCTestCase {
    let table: [(Key, String)] = [
        (.char("j"), "j"), (.char("G"), "G"), (.char("?"), "?"), (.char(":"), ":"), (.char("<"), "<"),
        (.char("-"), "-"), (.char("ü"), "ü"), (.char("1"), "1"),
        (.ctrl("d"), "C-d"), (.ctrl("u"), "C-u"), (.ctrl("@"), "C-@"),
        (.alt("x"), "M-x"), (.alt("X"), "M-X"), (.alt("-"), "M--"), (.alt("\u{7F}"), "M-<BS>"),
        (.tab, "<Tab>"), (.backTab, "<S-Tab>"), (.enter, "<Enter>"), (.escape, "<Esc>"), (.char(" "), "<Space>"),
        (.up, "<Up>"), (.down, "<Down>"), (.left, "<Left>"), (.right, "<Right>"), (.pageUp, "<PgUp>"),
        (.pageDown, "<PgDn>"), (.home, "<Home>"), (.end, "<End>"), (.backspace, "<BS>"), (.delete, "<Del>"),
        (.insert, "<Ins>"), (.function(1), "<F1>"), (.function(12), "<F12>"),
    ]

    func testNamesAndRoundTrip() {
        for (key, name) in table {
            XCTAssertEqual(KeyNotation.name(key), name)
            XCTAssertEqual(KeyNotation.parse(name), key, name)
        }
    }

    func testAliasesAndCase() {
        XCTAssertEqual(KeyNotation.parse("<cr>"), .enter)
        XCTAssertEqual(KeyNotation.parse("<Return>"), .enter)
        XCTAssertEqual(KeyNotation.parse("<ESC>"), .escape)
        XCTAssertEqual(KeyNotation.parse("<pagedown>"), .pageDown)
        XCTAssertEqual(KeyNotation.parse("<C-d>"), .ctrl("d"))
        XCTAssertEqual(KeyNotation.parse("C-D"), .ctrl("d"))
        XCTAssertEqual(KeyNotation.parse("<M-x>"), .alt("x"))
        XCTAssertEqual(KeyNotation.parse("Tab"), .tab)
        XCTAssertEqual(KeyNotation.parse("<lt>"), .char("<"))
        XCTAssertEqual(KeyNotation.parse("<f5>"), .function(5))
        XCTAssertEqual(KeyNotation.parse("<M-BS>"), .alt("\u{7F}"))
    }

    func testErrorsSayWhatIsWrong() {
        func message(_ s: String) -> String {
            do {
                _ = try KeyNotation.parseOrThrow(s)
                return "no error"
            } catch { return "\(error)" }
        }
        XCTAssertTrue(message("<Foo>").contains("unknown key name '<Foo>'"), message("<Foo>"))
        XCTAssertTrue(message("<Foo>").contains("<PgDn>"))
        XCTAssertTrue(message("C-dd").contains("C-d or M-x"), message("C-dd"))
        XCTAssertTrue(message("C-1").contains("Ctrl combines with a letter"), message("C-1"))
        XCTAssertTrue(message("<F99>").contains("F1 … F24"), message("<F99>"))
        XCTAssertEqual(message(""), "empty key name")
        XCTAssertTrue(message("\u{1B}").contains("control character"))
        XCTAssertTrue(message("gg").contains("unknown key name 'gg'"))
        XCTAssertNil(KeyNotation.parse("<Foo>"))
        // The message never carries raw control characters from the input.
        XCTAssertFalse(message("<\u{1B}[31m>").contains("\u{1B}"))
    }
}
