import ScreenKit
import SwitchboardCore
import XCTest

@testable import SwitchboardUI

/// Space marks, `v` visual ranges, then a status key, `:assign` or `:tag` acts on all of them.
final class BulkScreenTests: XCTestCase {
    func testMarkVisualRangeThenOneStatusKeyActsOnAll() throws {
        let app = try TestApp(Fixtures.many(8), size: Size(width: 100, height: 30))
        app.sideBySide()
        // Space marks m0 and moves on; skip m1; v from m2 to m4.
        app.press("<Space> j v j j")
        XCTAssertEqual(
            Array(app.screen[1...6]).map { String($0.prefix(40)) },
            [
                "│ 1m*M u0              new  due 59m ment",
                "│ 2m M u1              new  due 58m ment",
                "│ 3m*M u2              new  due 57m ment",
                "│ 4m*M u3              new  due 56m ment",
                "│ 5m*M u4              new  due 55m ment",
                "│ 6m M u5              new  due 54m ment",
            ])
        XCTAssertEqual(app.buffer[4, 1].role, .warning)
        app.press("i")
        XCTAssertEqual(
            Array(app.screen[1...6]).map { String($0.prefix(40)) },
            [
                "│ 1m M u0              ign  mention numb",
                "│ 2m M u1              new  due 58m ment",
                "│ 3m M u2              ign  mention numb",
                "│ 4m M u3              ign  mention numb",
                "│ 5m M u4              ign  mention numb",
                "│ 6m M u5              new  due 54m ment",
            ])
        XCTAssertTrue(app.screen[28].hasSuffix("4 mentions: status → ignored"), app.screen[28])
        // One durable write with every action, in feed order, by alice.
        let other = try Store(dir: app.dir)
        let statusEvents = other.events.filter {
            if case .setStatus = $0.action { return true }
            return false
        }
        XCTAssertEqual(
            statusEvents.map(\.action.mention),
            ["m0", "m2", "m3", "m4"].map { id in app.store.mentions.first { $0.id == id }?.key })
        XCTAssertEqual(Set(statusEvents.map(\.actor)), ["alice"])
        XCTAssertEqual(other.state(app.store.mentions.first { $0.id == "m1" }!.key).status, .new)
    }

    func testAssignAndTagMarkedAndEscClearsMarks() throws {
        let app = try TestApp(Fixtures.many(4), size: Size(width: 100, height: 30))
        app.press("<Space> <Space>")
        app.press(":")
        app.type("assign @ben")
        app.press("<Enter>")
        app.press("<Space> <Space>")
        app.press(":")
        app.type("tag billing")
        app.press("<Enter>")
        let st = app.store.states()
        let keys = (0..<4).map { i in app.store.mentions.first { $0.id == "m\(i)" }!.key }
        XCTAssertEqual(st[keys[0]]?.assignee, "ben")
        XCTAssertEqual(st[keys[1]]?.assignee, "ben")
        XCTAssertNil(st[keys[2]]?.assignee)
        XCTAssertEqual(st[keys[2]]?.tags, ["billing"])
        XCTAssertEqual(st[keys[3]]?.tags, ["billing"])
        XCTAssertEqual(st[keys[0]]?.tags ?? [], [])
        app.press("g <Space> <Space>")
        XCTAssertTrue(app.screen[2].hasPrefix("│ 2m*M u1"), app.screen[2])
        app.press("<Esc>")
        XCTAssertTrue(app.screen[2].hasPrefix("│ 2m M u1"), app.screen[2])
        XCTAssertTrue(app.state.feed.marks.isEmpty)
    }
}
