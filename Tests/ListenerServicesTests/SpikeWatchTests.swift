import Foundation
import ListenerServices
import SwitchboardCore
import XCTest

/// The spike watch records one typed `spike_alert` per spike, stays quiet during the cool-down, logs the alert
/// and hands it to `alert_command`.
final class SpikeWatchTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func burst(_ dir: DataDirectory) throws -> Store {
        let store = try Store(dir: dir)
        var ms: [Mention] = []
        for i in 0..<30 {
            ms.append(
                Mention(
                    platform: "mastodon", id: "burst-\(i)", text: "Totaler Ausfall, seit einer Stunde geht nichts 😡",
                    createdAt: now.addingTimeInterval(-Double(i) * 60)))
        }
        for i in 0..<6 {
            ms.append(
                Mention(
                    platform: "mastodon", id: "calm-\(i)", text: "Nice update",
                    createdAt: now.addingTimeInterval(-Double(i + 2) * 3600)))
        }
        _ = try store.ingest(Ingestion.analyse(ms, dir: dir), now: now)
        return store
    }

    func alerts(_ store: Store) -> [SpikeAlertRecord] {
        store.events.compactMap {
            if case .spikeAlert(let a) = $0.action { return a }
            return nil
        }
    }

    func testOneTypedAlertPerSpikeAndNoneDuringTheCooldown() throws {
        let dir = try ServiceFixture.dataDir(self)
        let store = try burst(dir)
        let log = LogLines()
        let watch = SpikeWatch(store: store, log: { log.append($0) })

        let alert = try XCTUnwrap(watch.check(now: now))
        XCTAssertEqual(alert.kind, .negative)
        XCTAssertEqual(alert.count, 30)
        let records = alerts(store)
        XCTAssertEqual(records.count, 1)
        XCTAssertEqual(records.first?.kind, "negative")
        XCTAssertEqual(records.first?.count, 30)
        XCTAssertEqual(records.first?.message, alert.message)
        XCTAssertEqual(log.all, ["\(Timestamp.format(now)) spike: \(alert.message)"])

        // The volume of all mentions spiked too: a kind of its own, alerted once.
        XCTAssertEqual(watch.check(now: now.addingTimeInterval(60))?.kind, .all)
        XCTAssertEqual(alerts(store).map(\.kind), ["negative", "all"])

        // Within the cool-down (30 minutes by default): nothing new, not even from a fresh watch (state on disk).
        XCTAssertNil(watch.check(now: now.addingTimeInterval(120)))
        XCTAssertNil(SpikeWatch(store: store, log: { _ in }).check(now: now.addingTimeInterval(1200)))
        XCTAssertEqual(alerts(store).count, 2)

        // After it, the same volume alerts again.
        XCTAssertEqual(watch.check(now: now.addingTimeInterval(1801))?.kind, .negative)
        XCTAssertEqual(alerts(store).count, 3)
    }

    func testAlertCommandGetsTheMessageOnStandardInput() throws {
        var team = ServiceFixture.team()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sb-alert-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: out) }
        team.alertCommand = "cat > '\(out.path)'; echo \"$SWITCHBOARD_ALERT\" >> '\(out.path)'"
        let dir = try ServiceFixture.dataDir(self, team: team)
        let watch = SpikeWatch(store: try burst(dir), log: { _ in })
        let alert = try XCTUnwrap(watch.check(now: now))
        watch.drain()
        let said = try String(contentsOf: out, encoding: .utf8)
        XCTAssertEqual(said, alert.message + "\n" + alert.message + "\n")
    }

    func testAnAlertCommandThatHangsIsEndedAndLogged() throws {
        var team = ServiceFixture.team()
        team.alertCommand = "exec sleep 30"
        let dir = try ServiceFixture.dataDir(self, team: team)
        let log = LogLines()
        let watch = SpikeWatch(store: try burst(dir), log: { log.append($0) })
        watch.commandTimeout = 1
        XCTAssertNotNil(watch.check(now: now))
        watch.drain()
        XCTAssertEqual(log.all.count, 2)
        XCTAssertTrue(log.all.last?.hasSuffix("alert_command timed out after 1s") == true, log.all.joined())
    }
}
