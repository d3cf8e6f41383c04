import Foundation
import SwitchboardCore
import XCTest

@testable import Listening

#if canImport(Glibc)
    import Glibc
#endif

/// Two listeners started at once: one gets the lock, the other is told which process holds it.
final class ListenerLockTests: XCTestCase {
    func testTheSecondListenerNamesTheProcessHoldingTheLock() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-lock-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        let dir = DataDirectory(root: root)
        let team = TeamConfig(brand: .init(name: "Acme", terms: ["Acme"]))
        let a = Listener(store: try Store(dir: dir), team: team, makeSource: { _ in nil })
        let b = Listener(store: try Store(dir: dir), team: team, makeSource: { _ in nil })
        try a.acquireLock()
        defer { a.releaseLock() }
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        XCTAssertThrowsError(try b.acquireLock()) { e in
            XCTAssertEqual(
                "\(e)",
                "another listener is running on \(dir.displayPath) (process \(getpid()) of \(me), it holds state/listener.lock)"
            )
        }
        XCTAssertTrue(Listener.isRunning(dir: dir))
        a.releaseLock()
        XCTAssertFalse(Listener.isRunning(dir: dir))
        try b.acquireLock()
        b.releaseLock()
    }
}
