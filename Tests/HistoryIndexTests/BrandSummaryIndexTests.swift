import Foundation
import HistoryIndex
import SwitchboardCore
import XCTest

/// The brands overview read through a brand's index gives the same row as folding its store: new (the brand's own
/// posts left out), overdue, due in the queue today, the running crisis; and the index is caught up on the way.
final class BrandSummaryIndexTests: XCTestCase {
    func testTheRowThroughTheIndexIsTheRowOfTheFold() throws {
        let dir = makeTempDir("sb-brandidx")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir.root) }
        var team = TeamConfig(brand: .init(name: "Bäckerei Groß", terms: ["Groß", "@baeckerei@example.social"]))
        team.sla.firstResponseMinutes = 60
        try FileIO.writeDocument(try JSONEncoder().encode(team), to: dir.teamFile)
        let store = try Store(dir: dir)
        let now = Date(timeIntervalSince1970: 1_790_000_000 + 86400)
        var ms: [Mention] = []
        for i in 0..<40 {
            // Ten two hours old (overdue), thirty five minutes old; two of them the brand's own posts.
            var m = indexMention("m\(i)", text: "Brötchen \(i)", at: 86400 - (i < 10 ? 7200 : 300))
            if i >= 38 { m.author = Author(handle: "baeckerei@example.social", name: "Bäckerei") }
            ms.append(m)
        }
        try store.ingest(ms, now: now)
        _ = try store.record(
            (0..<5).map { Action.setStatus(mention: ms[$0].key, status: .answered) } + [
                .queue(
                    .add(
                        QueueDraft(
                            text: "Heute frisch", accounts: ["masto"], scheduledAt: now.addingTimeInterval(1800),
                            createdAt: now)))
            ], actor: "lea", now: now)
        let p = Playbook(
            id: "rueckruf", name: "Rückruf", severityLevels: ["hoch"], steps: [], holdingStatements: [], escalation: [])
        _ = try store.record(
            [.crisis(.start(CrisisStart(crisis: "c1", playbook: p, severity: "hoch")))], actor: "lea", now: now)

        let brand = BrandList.Brand(name: "Bäckerei Groß", dir: dir.root.path)
        let fold = BrandSummary.read(brand, dir: dir, now: now)
        let indexed = HistoryIndex.brandSummary(brand, dir: dir, now: now)
        XCTAssertEqual(fold.new, 33)
        XCTAssertEqual(fold.overdue, 5)
        XCTAssertEqual(fold.dueToday, 1)
        XCTAssertEqual(fold.crisis, "Rückruf (hoch)")
        XCTAssertEqual(indexed, fold)
        XCTAssertTrue(FileManager.default.fileExists(atPath: HistoryIndex.file(dir).path), "the index was made")

        // A new mention and the crisis's end are seen at the next reading (caught up).
        try store.ingest([indexMention("m99", at: 86400 - 60)], now: now)
        _ = try store.record([.crisis(.end(crisis: "c1", summary: "vorbei"))], actor: "lea", now: now)
        let later = HistoryIndex.brandSummary(brand, dir: dir, now: now)
        XCTAssertEqual(later.new, 34)
        XCTAssertNil(later.crisis)
        XCTAssertEqual(later, BrandSummary.read(brand, dir: dir, now: now))
    }
}
