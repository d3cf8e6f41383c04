import ScreenKit
import XCTest

/// The list cursor every list of the workbench moves with: one step, pages, ends, clamped to the list.
final class ListCursorTests: XCTestCase {
    func testMovesAndClamps() {
        let c = ListCursor(3, count: 10, page: 5)
        XCTAssertEqual(c.moved(.down), 4)
        XCTAssertEqual(c.moved(.up), 2)
        XCTAssertEqual(c.moved(.top), 0)
        XCTAssertEqual(c.moved(.bottom), 9)
        XCTAssertEqual(c.moved(.pageDown), 8)
        XCTAssertEqual(c.moved(.pageUp), 0)
        XCTAssertEqual(c.moved(.halfDown), 5)
        XCTAssertEqual(c.moved(.halfUp), 1)
        XCTAssertEqual(ListCursor(9, count: 10, page: 5).moved(.down), 9)
        XCTAssertEqual(ListCursor(0, count: 0, page: 5).moved(.bottom), 0)
    }

    func testUnboundedScrollStopsOnlyAtTheTop() {
        let c = ListCursor(2, count: 1000, page: 10, half: 10, bounded: false)
        XCTAssertEqual(c.moved(.pageDown), 12)
        XCTAssertEqual(c.moved(.halfUp), 0)
        XCTAssertEqual(c.target(.pageUp), -8)
        XCTAssertEqual(c.clamped(5000), 5000)
    }

    func testMoveInPlace() {
        var c = ListCursor(0, count: 3, page: 1)
        c.move(.down)
        c.move(.down)
        c.move(.down)
        XCTAssertEqual(c.index, 2)
    }
}
