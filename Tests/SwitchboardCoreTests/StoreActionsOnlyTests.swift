import Foundation
import XCTest

@testable import SwitchboardCore

/// Issue 18: the bounded workbench writes through a store that folds the actions only (`.actionsOnly`): it never reads
/// the mention logs (memory does not grow with the history), yet records, checks-and-records (claims) and sees
/// other processes' actions like any store.
final class StoreActionsOnlyTests: XCTestCase {
    func testActionsAreRecordedAndFoldedWithoutReadingTheMentions() throws {
        let dir = makeTempDir()
        let full = try Store(dir: dir)
        let keys = try full.ingest((1...50).map { mention("\($0)", text: "Grüße aus Köln Nummer \($0)") }).added
        try full.record([.setStatus(mention: keys[0], status: .escalated)], actor: "bob")

        let store = try Store(dir: dir, mode: .actionsOnly)
        XCTAssertTrue(store.mentions.isEmpty)
        XCTAssertNil(store.mention(keys[0]))
        XCTAssertEqual(store.state(keys[0]).status, .escalated)
        // A claim (check and record, atomic across processes) and a status by this process.
        let c = try Triage.claim(store: store, key: keys[1], me: "alice")
        XCTAssertNil(c.tookOverFrom)
        try store.record([.setStatus(mention: keys[2], status: .answered)], actor: "alice")
        // Someone else's claim is respected.
        try full.refresh()
        XCTAssertThrowsError(try Triage.claim(store: full, key: keys[1], me: "bob"))
        // The folded store reads what the actions-only store wrote, and the other way round.
        XCTAssertEqual(full.state(keys[1]).assignee, "alice")
        XCTAssertEqual(full.state(keys[2]).status, .answered)
        try full.ingest([mention("51", text: "Straße gesperrt")])
        try full.record([.assign(mention: keys[3], user: "bob")], actor: "bob")
        let changes = try store.refresh()
        XCTAssertFalse(changes.reloaded)
        XCTAssertEqual(store.state(keys[3]).assignee, "bob")
        XCTAssertTrue(store.mentions.isEmpty, "new mentions are not read either")
        // Storing mentions needs the keys: refused with a clear error.
        XCTAssertThrowsError(try store.ingest([mention("52")])) { XCTAssertTrue("\($0)".contains("actions only")) }
    }
}
