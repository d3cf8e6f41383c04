import Foundation
import XCTest

@testable import SwitchboardCore

/// Issue 19: several sites, one order. Stamped records fold to the same state whatever order they arrive in.
final class SiteOrderTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_796_000_000)

    func stamp(_ ms: Int64, _ site: String) -> LogStamp { LogStamp(hlc: ms << 16, site: site) }

    func event(_ a: Action, _ actor: String, _ ms: Int64, _ site: String) -> AuditEvent {
        AuditEvent(at: t0.addingTimeInterval(Double(ms) / 1000), actor: actor, action: a, stamp: stamp(ms, site))
    }

    func fold(_ events: [AuditEvent]) -> MentionState {
        var st = MentionState()
        for e in events { st.apply(e) }
        return st
    }

    /// Property: the same records in any order fold to the same state (statuses, assignments, claims, tags, notes,
    /// replies, hand-offs from three sites).
    func testTheSameRecordsInAnyOrderFoldToTheSameState() {
        var rng = SystemRandomNumberGenerator()
        let sites = ["berlin", "hamburg", "wien"]
        let people = ["anna", "tom", "jörg"]
        for _ in 0..<300 {
            var events: [AuditEvent] = []
            var clock: Int64 = 1000
            for _ in 0..<Int.random(in: 1...14, using: &rng) {
                clock += Int64.random(in: 0...3, using: &rng)  // equal clocks on two sites happen
                let site = sites.randomElement(using: &rng)!
                let who = people.randomElement(using: &rng)!
                let a: Action
                switch Int.random(in: 0..<9, using: &rng) {
                case 0:
                    a = .setStatus(
                        mention: "k", status: [MentionStatus.open, .answered, .ignored, .waiting].randomElement()!)
                case 1: a = .assign(mention: "k", user: [nil, "anna", "tom"].randomElement()!)
                case 2: a = .claim(mention: "k")
                case 3: a = .tag(mention: "k", tags: [["billing"], ["urgent", "größe"]].randomElement()!)
                case 4: a = .untag(mention: "k", tags: [["billing"], ["urgent"]].randomElement()!)
                case 5: a = .note(mention: "k", text: "Notiz \(clock) für Straße")
                case 6:
                    a = .reply(
                        mention: "k",
                        reply: ReplyRecord(text: "Danke!", actor: who, at: t0.addingTimeInterval(Double(clock))))
                case 7: a = .handoff(mention: "k", team: ["support", "legal"].randomElement()!, note: nil)
                default: a = .setStatus(mention: "k", status: .new)
                }
                let e = event(a, who, clock, site)
                // One site never stamps two records alike.
                if events.contains(where: { $0.stamp == e.stamp }) { continue }
                events.append(e)
            }
            let reference = fold(events)
            for _ in 0..<4 {
                XCTAssertEqual(fold(events.shuffled(using: &rng)), reference, "\(events.map(\.action.summary))")
            }
        }
    }

    func testTheLaterStatusByClockWinsAndTheEarliestClaimWins() {
        let setAnswered = event(.setStatus(mention: "k", status: .answered), "anna", 1_000, "berlin")
        let setOpen = event(.setStatus(mention: "k", status: .open), "tom", 21_000, "hamburg")
        XCTAssertEqual(fold([setOpen, setAnswered]).status, .open)
        XCTAssertEqual(fold([setAnswered, setOpen]).status, .open)

        let annaClaims = event(.claim(mention: "k"), "anna", 5_000, "berlin")
        let tomClaims = event(.claim(mention: "k"), "tom", 5_400, "hamburg")
        for order in [[annaClaims, tomClaims], [tomClaims, annaClaims]] {
            let st = fold(order)
            XCTAssertEqual(st.assignee, "anna")
            XCTAssertEqual(st.lostClaim(of: "tom"), tomClaims.stamp)
            XCTAssertNil(st.lostClaim(of: "anna"))
        }
        // Notes from both sites are kept, in time order.
        let n1 = event(.note(mention: "k", text: "Kunde ruft an"), "anna", 7_000, "berlin")
        let n2 = event(.note(mention: "k", text: "Rückruf erledigt"), "tom", 6_000, "hamburg")
        XCTAssertEqual(fold([n1, n2]).notes.map(\.text), ["Rückruf erledigt", "Kunde ruft an"])
        XCTAssertEqual(fold([n2, n1]).notes.map(\.text), ["Rückruf erledigt", "Kunde ruft an"])
    }

    /// A site whose wall clock is 10 minutes behind still stamps after what it has read (hybrid logical clock).
    func testASkewedClockStillStampsAfterWhatItRead() {
        var berlin = HybridClock()
        var hamburg = HybridClock()
        let b = berlin.tick(now: t0)
        hamburg.observe(b)
        let h = hamburg.tick(now: t0.addingTimeInterval(-600))
        XCTAssertGreaterThan(h, b)
        XCTAssertGreaterThan(hamburg.tick(now: t0.addingTimeInterval(-600)), h)
        XCTAssertEqual(LogStamp(hlc: b, site: "berlin").date, t0)
    }

    /// A data directory of site berlin with one stored mention: the directory, its store, the mention's key.
    func berlinWithOneMention(_ name: String) throws -> (DataDirectory, Store, String) {
        let dir = makeTempDir(name)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir.root) }
        try dir.setSite("berlin")
        let s = try Store(dir: dir)
        try s.ingest([mention("1", at: t0)], now: t0)
        return (dir, s, s.mentions[0].key)
    }

    func testASiteAppendsOnlyToItsOwnMonthlySegmentsWithStampedRecords() throws {
        let (dir, s, k) = try berlinWithOneMention("sb-site")
        try s.record(
            [.setStatus(mention: k, status: .open), .tag(mention: k, tags: ["größe"])], actor: "anna", now: t0)
        let month = Timestamp.monthKey(t0)
        let seg = dir.segmentFile(.actions, month: month, site: "berlin")
        XCTAssertEqual(dir.logName(seg), "\(month)/berlin.actions.jsonl")
        let lines = readLines(seg)
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines.allSatisfy { $0.contains(#""site":"berlin""#) && $0.contains(#""hlc":"#) })
        XCTAssertEqual(readLines(dir.segmentFile(.mentions, month: month, site: "berlin")).count, 1)
        XCTAssertTrue(logFiles(dir, .actions).isEmpty, "no flat log once the directory has a site")
        // Both decoders read the stamp, and a fresh store folds the same.
        let again = try Store(dir: dir, mode: .readOnly)
        XCTAssertEqual(again.events.map(\.stamp), s.events.map(\.stamp))
        XCTAssertEqual(again.state(k), s.state(k))
        XCTAssertEqual(again.state(k).tags, ["größe"])
    }

    /// The same records split over segment files that arrive in different orders (as through git) fold alike.
    func testSegmentsArrivingInAnyOrderFoldToTheSameState() throws {
        let (source, first, k) = try berlinWithOneMention("sb-sites")
        var s = first
        try s.record([.claim(mention: k)], actor: "anna", now: t0.addingTimeInterval(10))
        try s.record([.setStatus(mention: k, status: .answered)], actor: "anna", now: t0.addingTimeInterval(20))
        try source.setSite("hamburg")
        s = try Store(dir: source)
        // Hamburg's clock is 10 minutes behind: its claim is still after Berlin's, as it had read it.
        try s.record([.claim(mention: k)], actor: "tom", now: t0.addingTimeInterval(-600))
        try s.record([.setStatus(mention: k, status: .open)], actor: "tom", now: t0.addingTimeInterval(-590))
        let files = LogKind.allCases.flatMap { source.logFiles($0) }
        var states: [MentionState] = []
        for order in [files, files.reversed()] {
            let d = makeTempDir("sb-sites-copy")
            addTeardownBlock { try? FileManager.default.removeItem(at: d.root) }
            let reader = try Store(dir: d)
            for f in order {
                let target = d.logDir.appendingPathComponent(source.logName(f))
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: f, to: target)
                try reader.refresh()
            }
            states.append(reader.state(k))
            XCTAssertEqual(try Store(dir: d, mode: .readOnly).state(k), reader.state(k))
        }
        XCTAssertEqual(states[0], states[1])
        XCTAssertEqual(states[0].assignee, "anna")
        XCTAssertEqual(states[0].status, .open)
        XCTAssertEqual(states[0].lostClaim(of: "tom").map(\.site), "hamburg")
    }

    func testMigrationMovesFlatLogsIntoSegmentsAndKeepsEveryRecord() throws {
        let dir = makeTempDir("sb-migrate")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir.root) }
        let s = try Store(dir: dir)
        try s.ingest([mention("1", at: t0), mention("2", at: t0.addingTimeInterval(40 * 86400))], now: t0)
        let k = s.mentions[0].key
        try s.record([.setStatus(mention: k, status: .ignored)], actor: "anna", now: t0)
        try s.record([.note(mention: k, text: "später")], actor: "anna", now: t0.addingTimeInterval(40 * 86400))
        let before = (s.mentions, s.states(), s.events)
        XCTAssertFalse(logFiles(dir, .actions).isEmpty)
        try dir.setSite("berlin")
        let r = try SiteMigration.migrate(dir, site: "berlin")
        XCTAssertEqual(r.moved.count, 3)
        XCTAssertTrue(logFiles(dir, .actions).isEmpty && logFiles(dir, .mentions).isEmpty)
        let after = try Store(dir: dir)
        XCTAssertEqual(after.mentions, before.0)
        XCTAssertEqual(after.states(), before.1)
        XCTAssertEqual(after.events, before.2)
        XCTAssertTrue(after.warnings.isEmpty, "\(after.warnings)")
        XCTAssertEqual(try SiteMigration.migrate(dir, site: "berlin").moved, [])
    }
}
