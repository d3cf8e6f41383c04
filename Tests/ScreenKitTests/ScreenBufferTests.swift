import XCTest

@testable import ScreenKit

final class ScreenBufferTests: XCTestCase {
    func testPutWideAndNarrow() {
        var b = ScreenBuffer(size: Size(width: 10, height: 2))
        let end = b.put("Aß東👍", x: 1, y: 0)
        XCTAssertEqual(end, 7)
        XCTAssertEqual(b.lines, [" Aß東👍   ", "          "])
        XCTAssertTrue(b[4, 0].isContinuation)
        XCTAssertTrue(b[6, 0].isContinuation)
    }

    func testWideCharacterNeverSplitAtClipEdges() {
        var b = ScreenBuffer(size: Size(width: 6, height: 1))
        b.put("ab東京", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 5, height: 1))
        XCTAssertEqual(b.lines, ["ab東  "], "京 would cross the right edge")
        XCTAssertFalse(b[4, 0].isContinuation)

        var c = ScreenBuffer(size: Size(width: 6, height: 1))
        c.put("東京ab", x: -1, y: 0)
        XCTAssertEqual(c.lines, [" 京ab "], "東 starts left of the screen")
        var d = ScreenBuffer(size: Size(width: 6, height: 1))
        d.put("東京ab", x: 0, y: 0, clip: Rect(x: 1, y: 0, width: 5, height: 1))
        XCTAssertEqual(d.lines, ["  京ab"])
        var e = ScreenBuffer(size: Size(width: 5, height: 1))
        e.put("abcd東", x: 0, y: 0)
        XCTAssertEqual(e.lines, ["abcd "], "last column cannot hold a wide character")
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = ScreenBuffer(size: Size(width: 6, height: 1))
        b.put("東京", x: 0, y: 0)
        b.put("x", x: 1, y: 0)  // right half of 東
        XCTAssertEqual(b.lines, [" x京  "])
        b.put("y", x: 2, y: 0)  // left half of 京
        XCTAssertEqual(b.lines, [" xy   "])
        b.put("東京", x: 0, y: 0)
        b.fill(Rect(x: 1, y: 0, width: 2, height: 1), with: ".")
        XCTAssertEqual(b.lines, [" ..   "])
        for x in 0..<6 where b[x, 0].isContinuation { XCTFail("orphan continuation at \(x)") }
    }

    func testPutDropsControlsAndFormatCharacters() {
        var b = ScreenBuffer(size: Size(width: 12, height: 1))
        b.put("a\u{1B}[31mb\u{202E}c\u{9B}d\u{7}e\u{200B}f", x: 0, y: 0)
        XCTAssertEqual(b.lines, ["a[31mbcdef  "])
        for cell in b.cells {
            XCTAssertFalse(cell.text.unicodeScalars.contains { Sanitizer.isUnsafe($0) }, cell.text.debugDescription)
        }
    }

    func testASCIIFastPathClipsAndDropsControls() {
        var b = ScreenBuffer(size: Size(width: 8, height: 1))
        XCTAssertEqual(b.put("a\u{1B}[31mb\tc\u{7F}", x: 0, y: 0), 7)
        XCTAssertEqual(b.lines, ["a[31mbc "])
        var c = ScreenBuffer(size: Size(width: 6, height: 1))
        c.put("東京", x: 0, y: 0)
        c.put("abcdef", x: -3, y: 0, clip: Rect(x: 1, y: 0, width: 4, height: 1))
        XCTAssertEqual(c.lines, [" ef   "], "x<0 and the clip cut a-d; the halves of 東 and 京 left behind are blanked")
        for x in 0..<6 where c[x, 0].isContinuation { XCTFail("orphan continuation at \(x)") }
    }

    func testCombiningMarksAndClusters() {
        var b = ScreenBuffer(size: Size(width: 8, height: 1))
        b.put("e\u{301}👨‍👩‍👧🇩🇪x", x: 0, y: 0)
        XCTAssertEqual(b[0, 0].text, "e\u{301}")
        XCTAssertEqual(b[1, 0].text, "👨‍👩‍👧")
        XCTAssertEqual(b[3, 0].text, "🇩🇪")
        XCTAssertEqual(b[5, 0].text, "x")
    }

    func testRowsOutsideClipUntouched() {
        var b = ScreenBuffer(size: Size(width: 4, height: 2))
        b.put("abcd", x: 0, y: 1, clip: Rect(x: 0, y: 0, width: 4, height: 1))
        XCTAssertEqual(b.lines, ["    ", "    "])
        b.put("abcd", x: 0, y: 5)
        XCTAssertEqual(b.lines, ["    ", "    "])
    }

    func testInitFromLines() {
        let b = ScreenBuffer(lines: ["ab", "東"], width: 3)
        XCTAssertEqual(b.lines, ["ab ", "東 "])
    }
}
