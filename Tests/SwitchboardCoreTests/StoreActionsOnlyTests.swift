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

    /// Issue 18 at 1M: the actions-only store must not grow with the team's triage. On a history where every mention
    /// was triaged, it holds the outbox, the queue and the crisis runs — and the state of the mentions asked about,
    /// folded from the logs on demand, equal to the full fold's — not every mention's state.
    func testItKeepsNoMentionsStateButFoldsTheOneAskedAboutOnDemand() throws {
        let dir = makeTempDir("sb-actions-lean")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir.root) }
        let t0 = Date(timeIntervalSince1970: 1_790_000_000)
        let full = try Store(dir: dir)
        let keys = try full.ingest(
            (1...400).map { mention("\($0)", text: "Frage \($0) zur Rechnung", at: t0) }, now: t0
        ).added
        var triage: [Action] = []
        for (i, k) in keys.enumerated() {
            triage.append(.setStatus(mention: k, status: i % 3 == 0 ? .answered : .open))
            if i % 4 == 0 { triage.append(.assign(mention: k, user: i % 8 == 0 ? "anna" : "ben")) }
            if i % 5 == 0 { triage.append(.tag(mention: k, tags: ["billing", "größe"])) }
            if i % 7 == 0 { triage.append(.note(mention: k, text: "Rückruf vereinbart \(i)")) }
        }
        try full.record(triage, actor: "bench", now: t0.addingTimeInterval(10))
        let reply = OutboxDraft.reply(to: full.mention(keys[9])!, text: "Danke, ist erledigt", delay: 60, now: t0)
        try Outbox.queue(reply, store: full, actor: "anna", now: t0.addingTimeInterval(20))
        try full.record(
            [.queue(.add(QueueDraft(text: "Neu im Shop", accounts: ["masto"], scheduledAt: t0, createdAt: t0)))],
            actor: "anna", now: t0.addingTimeInterval(21))
        // A claim that was taken over later, in a second write.
        try full.record([.claim(mention: keys[1])], actor: "carla", now: t0.addingTimeInterval(30))
        try full.record([.claim(mention: keys[1])], actor: "dora", now: t0.addingTimeInterval(40))

        let store = try Store(dir: dir, mode: .actionsOnly)
        XCTAssertEqual(full.events.count, triage.count + 4)
        // Only what is not one mention's triage: the outbox entry and the queue item.
        XCTAssertEqual(store.events.map(\.action.typeName), ["outbox_queued", "queue_add"])
        XCTAssertTrue(store.states().isEmpty, "no mention's state is kept before one is asked about")
        XCTAssertEqual(Outbox(store: store)[reply.id]?.draft.text, "Danke, ist erledigt")
        XCTAssertEqual(try Queue.current(store).agenda.count, 1)

        // Asked about: folded from the logs, the same as the full fold, and only these are kept.
        for k in [keys[0], keys[1], keys[9], keys[35], keys[399]] { XCTAssertEqual(store.state(k), full.state(k), k) }
        XCTAssertEqual(Set(store.states().keys), [keys[0], keys[1], keys[9], keys[35], keys[399]])
        XCTAssertEqual(store.state(keys[1]).assignee, "dora")
        XCTAssertEqual(store.events(of: keys[1]).map(\.actor), full.events(of: keys[1]).map(\.actor))
        XCTAssertEqual(Triage.heldSince(store: store, key: keys[1], user: "dora"), t0.addingTimeInterval(40))

        // Another process's later actions: followed mentions stay current, others are read when asked.
        try full.record(
            [.setStatus(mention: keys[0], status: .escalated), .assign(mention: keys[2], user: "ben")], actor: "ben",
            now: t0.addingTimeInterval(50))
        try store.refresh()
        XCTAssertEqual(store.state(keys[0]).status, .escalated)
        XCTAssertEqual(store.state(keys[2]).assignee, "ben")
        XCTAssertEqual(store.events.count, 2, "their triage is not kept in the events")
        XCTAssertThrowsError(
            try Triage.claim(store: store, key: keys[2], me: "anna", now: t0.addingTimeInterval(60))
        ) {
            XCTAssertEqual($0 as? ClaimError, .heldBy(user: "ben", since: t0.addingTimeInterval(50)))
        }

        // While a crisis runs, everything is kept from its start (the crisis pane's timeline shows it).
        let p = Playbook(
            id: "rueckruf", name: "Rückruf", severityLevels: ["hoch"], steps: [], holdingStatements: [], escalation: [])
        try full.record(
            [.crisis(.start(CrisisStart(crisis: "c1", playbook: p, severity: "hoch")))], actor: "lea",
            now: t0.addingTimeInterval(70))
        try full.record(
            [.setStatus(mention: keys[3], status: .escalated)], actor: "lea", now: t0.addingTimeInterval(80))
        try store.refresh()
        XCTAssertEqual(store.events.suffix(2).map(\.action.typeName), ["crisis_start", "status"])
        XCTAssertEqual(CrisisLog(store: store).current?.id, "c1")
    }

    /// Issue 18 at 10M: the bounded workbench's store opened on 1.6M actions decoded them all on every core beside the
    /// first frame. The opening read steps over one mention's triage by its type; what it keeps must be what decoding
    /// every line keeps — the triage during a crisis, other sites' clocks, hand-written lines and all.
    func testTheOpeningReadStepsOverTriageAndKeepsWhatDecodingEveryLineKeeps() throws {
        let dir = makeTempDir("sb-actions-open")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir.root) }
        try FileManager.default.createDirectory(at: dir.localDir, withIntermediateDirectories: true)
        try Data("a".utf8).write(to: dir.siteFile)
        let t0 = Date(timeIntervalSince1970: 1_790_000_000)
        let full = try Store(dir: dir)
        let keys = try full.ingest((1...30).map { mention("\($0)", text: "Frage \($0)", at: t0) }, now: t0).added
        func at(_ s: Double) -> Date { t0.addingTimeInterval(s) }
        try full.record(
            [
                .setStatus(mention: keys[0], status: .open), .assign(mention: keys[1], user: "anna"),
                .tag(mention: keys[2], tags: ["größe"]), .untag(mention: keys[2], tags: ["größe"]),
                .note(mention: keys[3], text: "Rückruf \"morgen\" {\"type\":\"queue_add\"}"),
                .handoff(mention: keys[4], team: "billing", note: nil), .claim(mention: keys[5]),
            ], actor: "bench", now: at(1))
        try full.record(
            [.queue(.add(QueueDraft(text: "Neu im Shop", accounts: ["masto"], scheduledAt: t0, createdAt: t0)))],
            actor: "anna", now: at(2))
        let p = Playbook(
            id: "rueckruf", name: "Rückruf", severityLevels: ["hoch"], steps: [], holdingStatements: [], escalation: [])
        try full.record(
            [.crisis(.start(CrisisStart(crisis: "c1", playbook: p, severity: "hoch")))], actor: "lea", now: at(3))
        try full.record(
            [.setStatus(mention: keys[6], status: .escalated), .assign(mention: keys[7], user: "lea")], actor: "lea",
            now: at(4))
        try full.record([.crisis(.end(crisis: "c1", summary: "vorbei"))], actor: "lea", now: at(5))
        try full.record([.setStatus(mention: keys[8], status: .answered)], actor: "ben", now: at(6))
        // Lines written by hand and by another site: spaces, a later clock, a newer version, a broken triage line,
        // a line of a type this version does not know.
        let log = dir.logFiles(.actions).last!
        // Far above this site's clock (milliseconds shifted left by 16 bits: ~1.2e17 in 2026).
        let big = 400_000_000_000_000_001
        var extra = ""
        extra += #"{"type": "status", "mention": "\#(keys[9])", "status": "open", "actor": "x", "#
            + #""at": "2026-09-21T12:00:00Z", "id": "h1", "v": 1}"# + "\n"
        extra += #"{"actor":"x","at":"2026-09-21T12:00:01Z","hlc":\#(big),"id":"h2","mention":"\#(keys[10])","#
            + #""site":"b","status":"answered","type":"status","v":1}"# + "\n"
        extra += #"{"actor":"x","at":"2026-09-21T12:00:02Z","id":"h3","mention":"\#(keys[11])","status":"open","#
            + #""type":"status","v":99}"# + "\n"
        extra += #"{"actor":"x","type":"status","v":1}"# + "\n"
        extra += #"{"actor":"x","at":"2026-09-21T12:00:03Z","id":"h4","type":"zukunft","v":1}"# + "\n"
        try FileIO.append(Array(extra.utf8), to: log)
        // The other site's line is stepped over with its clock read exactly (past what a Double holds).
        let h2 = extra.split(separator: "\n")[1]
        XCTAssertEqual(Array(h2.utf8).withUnsafeBufferPointer { Store.triageClock($0) }, Int??.some(big))

        Store.stepsOverTriage = false
        let decoded = try Store(dir: dir, mode: .actionsOnly)
        Store.stepsOverTriage = true
        let stepped = try Store(dir: dir, mode: .actionsOnly)
        XCTAssertEqual(stepped.events, decoded.events)
        XCTAssertEqual(
            stepped.events.map(\.action.typeName),
            ["zukunft", "queue_add", "crisis_start", "status", "assign", "crisis_end"], "no stamp sorts first")
        XCTAssertEqual(CrisisLog(store: stepped).runs.count, 1)
        // The newer version's line is refused with a reason by both; only the broken triage line goes unreported here
        // (the index, which reads every line, reports it).
        XCTAssertEqual(decoded.warnings.count, 2, "\(decoded.warnings)")
        XCTAssertEqual(stepped.warnings, Array(decoded.warnings.prefix(1)))
        XCTAssertTrue(stepped.warnings.first?.contains("v99") ?? false, "\(stepped.warnings)")
        // The other site's clock was read from the stepped-over line: what this site writes next sorts after it.
        try stepped.record([.setStatus(mention: keys[12], status: .open)], actor: "anna", now: at(7))
        XCTAssertGreaterThan(stepped.events(of: keys[12]).last?.stamp?.hlc ?? 0, Int64(big))
        // Asked about afterwards, a mention's state is folded from every line as before.
        for k in keys.prefix(12) { XCTAssertEqual(stepped.state(k), decoded.state(k), k) }
    }
}
