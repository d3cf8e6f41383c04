import XCTest

@testable import ScreenKit

/// Issue 15 item 14: a `j` that scrolls the feed redrew every row of it. `ScrollHint` finds the rows that
/// moved so the terminal scrolls them, and weighs what the other panes beside them then need redrawn.
final class ScrollHintTests: XCTestCase {
    /// A 40-column screen: a list of distinct rows on the left (rows 1…`rows`), a pane on the right.
    func frame(
        first: Int, rows: Int = 20, right: (Int) -> String = { _ in "│" + String(repeating: " ", count: 13) + "│" }
    )
        -> ScreenBuffer
    {
        var b = ScreenBuffer(size: Size(width: 40, height: rows + 2))
        b.put("┌─ Feed ───────────────┐┌─ Pane ──────┐", x: 0, y: 0)
        for y in 1...rows {
            let n = first + y - 1
            let letter = Character(UnicodeScalar(UInt8(65 + n * 7 % 26)))
            b.put("│\(n) " + String(repeating: letter, count: 12 + n % 6), x: 0, y: y)
            b.put("│", x: 23, y: y)
            b.put(right(y), x: 24, y: y)
        }
        b.put("└──────────────────────┘└─────────────┘", x: 0, y: rows + 1)
        return b
    }

    func testAListScrolledByOneRowIsFound() {
        let old = frame(first: 1)
        let new = frame(first: 2)
        let hint = ScrollHint.detect(old: old, new: new)
        XCTAssertEqual(hint, ScrollHint(top: 1, bottom: 20, lines: 1))
        // After the scroll only the row that scrolled in differs.
        let shifted = old.scrolled(hint!)
        let differing = (0..<new.size.height).filter { y in (0..<40).contains { shifted[$0, y] != new[$0, y] } }
        XCTAssertEqual(differing, [20])
        // Up (k at the top) as well.
        XCTAssertEqual(ScrollHint.detect(old: new, new: old), ScrollHint(top: 1, bottom: 20, lines: -1))
        // A half page (C-d).
        XCTAssertEqual(ScrollHint.detect(old: old, new: frame(first: 11))?.lines, 10)
    }

    func testRowsBesideThatDifferAreWeighed() {
        // The pane beside has text on rows 5…8: the region still pays (4 short rows to repair, 16 saved).
        let text: (Int) -> String = { y in
            (5...8).contains(y) ? "│ item \(y)      │" : "│" + String(repeating: " ", count: 13) + "│"
        }
        let hint = ScrollHint.detect(old: frame(first: 1, right: text), new: frame(first: 2, right: text))
        XCTAssertNotNil(hint)
        XCTAssertEqual(hint?.lines, 1)
    }

    func testSmallChangesAreNotScrolled() {
        // The selection moving (one row's role) or nothing at all: no scroll.
        let old = frame(first: 1)
        var new = old
        new.setRole(Rect(x: 1, y: 3, width: 20, height: 1), .selected)
        XCTAssertNil(ScrollHint.detect(old: old, new: new))
        XCTAssertNil(ScrollHint.detect(old: old, new: old))
        // A different screen altogether (another pane shown): nothing to gain from a shift.
        var other = ScreenBuffer(size: old.size)
        for y in 0..<other.size.height { other.put(String(repeating: "\(y % 10)", count: 40), x: 0, y: y) }
        XCTAssertNil(ScrollHint.detect(old: old, new: other))
        XCTAssertNil(ScrollHint.detect(old: old, new: ScreenBuffer(size: Size(width: 30, height: 22))))
    }

    func testTheRegionIsChosenByTheBytesARowCostsNotItsCells() {
        // List rows that differ from their neighbours in four short runs, each in a colour of its own (like a feed
        // row's time, mood, author and status), and a one-colour hint beside the top row (like the Mention pane's
        // "No mention open"). Drawing the top list row in place changes 8 cells but 4 colours (about 65 bytes);
        // scrolling it and writing the 12 cells of the hint again is cheaper (about 30 bytes): the top row scrolls.
        func listFrame(first: Int) -> ScreenBuffer {
            var b = ScreenBuffer(size: Size(width: 40, height: 22))
            for y in 1...20 {
                let n = first + y - 1
                _ = b.put("│" + String(repeating: "·", count: 22) + "│", x: 0, y: y)
                for (k, x) in [2, 7, 12, 17].enumerated() {
                    let letter = String(UnicodeScalar(UInt8(65 + (n * 5 + k) % 26)))
                    _ = b.put(letter + letter, x: x, y: y, role: StyleRole("list\(k)"))
                }
                _ = b.put(y == 1 ? "│ hint, hint │" : "│" + String(repeating: " ", count: 12) + "│", x: 24, y: y)
            }
            b.setRole(Rect(x: 25, y: 1, width: 11, height: 1), .dim)
            return b
        }
        let old = listFrame(first: 1)
        let new = listFrame(first: 2)
        XCTAssertEqual(ScrollHint.detect(old: old, new: new), ScrollHint(top: 1, bottom: 20, lines: 1))
    }
}
