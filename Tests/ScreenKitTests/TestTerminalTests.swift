import XCTest

@testable import ScreenKit

final class TestTerminalTests: XCTestCase {
    func testScriptedEventsAndPresent() {
        let t = TestTerminal(size: Size(width: 10, height: 3))
        t.enqueue(keys: "jk")
        t.enqueue(notation: "C-d", "<Tab>")
        t.enqueue(bytes: "\u{1B}[B\u{1B}[200~pasted\u{1B}[201~")
        t.resize(to: Size(width: 20, height: 5))
        var got: [TerminalEvent] = []
        while let e = t.nextEvent(timeoutMilliseconds: 0) { got.append(e) }
        XCTAssertEqual(
            got,
            [
                .key(.char("j")), .key(.char("k")), .key(.ctrl("d")), .key(.tab), .key(.down),
                .paste("pasted"), .resize(Size(width: 20, height: 5)),
            ])
        XCTAssertEqual(t.size, Size(width: 20, height: 5))

        var b = ScreenBuffer(size: t.size)
        b.put("hello", x: 0, y: 0)
        t.present(b, cursor: Point(x: 5, y: 0))
        XCTAssertEqual(t.screen?.lines.first, "hello               ")
        XCTAssertEqual(t.cursor, Point(x: 5, y: 0))
        XCTAssertEqual(t.presentCount, 1)
        t.copyToClipboard("x")
        t.restore()
        t.restore()
        XCTAssertEqual(t.clipboard, ["x"])
        XCTAssertEqual(t.restoreCount, 2)
    }

    func testWhenExhausted() {
        let t = TestTerminal(events: [.key(.char("q"))], whenExhausted: .terminate)
        XCTAssertEqual(t.nextEvent(timeoutMilliseconds: -1), .key(.char("q")))
        XCTAssertEqual(t.nextEvent(timeoutMilliseconds: -1), .terminate)
    }

    func testWakerFromAnotherThread() {
        let t = TestTerminal()
        let waker = t.makeWaker()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { waker.wake() }
        XCTAssertEqual(t.nextEvent(timeoutMilliseconds: -1), .wake)
        XCTAssertNil(t.nextEvent(timeoutMilliseconds: 0))
    }
}
