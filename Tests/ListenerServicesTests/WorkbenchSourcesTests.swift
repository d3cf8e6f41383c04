import Foundation
import ListenerServices
import SwitchboardCore
import XCTest

/// The sources inside the workbench: only one process polls (the listener lock); when it stops, another one takes
/// over and continues the schedule; a team without enabled sources polls nothing until one is added.
final class WorkbenchSourcesTests: XCTestCase {
    func team() -> TeamConfig {
        var t = ServiceFixture.team()
        var drop = SourceConfig(id: "drop", type: "jsonl")
        drop.path = "inbox/"
        drop.interval = "5s"
        t.sources = [drop]
        return t
    }

    func testOnlyOnePollsAndTheOtherTakesOverWhenItStops() throws {
        let dir = try ServiceFixture.dataDir(self, team: team())
        let first = WorkbenchSources(store: try Store(dir: dir), team: team())
        let second = WorkbenchSources(store: try Store(dir: dir), team: team())
        XCTAssertTrue(first.takeOverIfFree())
        XCTAssertFalse(second.takeOverIfFree())
        XCTAssertFalse(second.isRunning)
        first.stop()
        XCTAssertFalse(first.isRunning)
        XCTAssertTrue(second.takeOverIfFree())
        XCTAssertTrue(second.isRunning)
        // A stopped one never starts again (the workbench is quitting).
        XCTAssertFalse(first.takeOverIfFree())
        second.stop()
    }

    func testNoEnabledSourceTakesNothingUntilTheTeamHasOne() throws {
        let dir = try ServiceFixture.dataDir(self)
        let s = WorkbenchSources(store: try Store(dir: dir), team: ServiceFixture.team())
        XCTAssertFalse(s.takeOverIfFree())
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: dir.stateDir.appendingPathComponent("listener.lock").path))
        s.setTeam(team())
        XCTAssertTrue(s.takeOverIfFree())
        s.stop()
        let broken = WorkbenchSources(store: try Store(dir: dir), team: nil)
        XCTAssertFalse(broken.takeOverIfFree())
    }
}
