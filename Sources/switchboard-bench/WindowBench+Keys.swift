import Foundation
import HistoryIndex
import ScreenKit
import SwitchboardCore
import SwitchboardUI

/// `j` key-to-frame in a bounded window (`SWITCHBOARD_WINDOW=bounded`, the default for a large history), in process:
/// the workbench's steps per key (`HistoryWindowLoop.run`: `update`, the read-only answers, the next page when the
/// selection nears the end of the rows read, the person marks within their budget, `renderFrame`; the marks left
/// over are worked out while no key waits, as the loop does, between keys here — not timed), the history read from the index page
/// by page — 3,000 keys move 2,800 rows down, so 14 of them read a page of 200.
enum WindowKeys {
    static func run(_ dir: DataDirectory) throws -> [String: Double] {
        TextWidth.setupLocale()
        let team = try? FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
        var state = AppState(
            settings: WorkbenchSettings(dataPath: dir.root.path, user: "bench", team: team),
            size: Size(width: 120, height: 40), now: Date())
        let s = state.settings
        let index = try HistoryIndex(dir: dir, writer: "switchboard-bench")
        let reader = try WindowReader(
            index: index, mute: MuteList(team: s.team, user: s.user), own: OwnAccounts(team: s.team), me: s.user,
            pageSize: 200, overdueAfter: s.windowOverdueTarget)
        reader.slaMinutes = s.slaMinutes
        let first = try reader.first(now: state.chrome.now)
        var states: [String: MentionState] = [:]
        for (m, st) in first.newest where st != MentionState() { states[m.key] = st }
        let panes = WindowPanes(source: index, team: s.team, user: s.user, timeZone: s.timeZone)
        let pager = ReaderPager(reader, panes: panes)
        reader.role = panes.roleHook()
        let window = HistoryWindow(
            mentions: first.newest.map(\.mention), states: states, total: first.total,
            counts: FeedCounts(new: first.new, open: first.open, overdue: first.overdue))
        panes.queue(window.mentions)
        state.showWindow(window)
        state.feed.windowKnowsRoles = true
        state.markPersons(panes)
        let answer = HistoryWindowLoop.readOnly(pager)
        var frame = renderFrame(state, size: state.chrome.size).0
        var latencies: [Double] = [], cpu: [Double] = []
        var pages = 0
        for i in 0..<3000 {
            let key = Message.key(.char(i >= 1000 || (i / 10) % 2 == 0 ? "j" : "k"))
            let (a, ca) = (Bench.now(), Bench.threadCPU())
            var asked = update(&state, key)
            while !asked.isEmpty { for m in answer(asked.removeFirst()) { asked += update(&state, m) } }
            let rows = state.feed.rows.count
            state.readAhead(pager)
            if state.feed.rows.count != rows { pages += 1 }
            state.markPersons(panes, budget: HistoryWindowLoop.markBudget)
            let next = renderFrame(state, size: state.chrome.size).0
            if next != frame { frame = next }
            latencies.append(Bench.now() - a)
            // On a loaded machine a key waits for a core: 4 ms (a scheduler tick) at a time; the thread's CPU time
            // is what the key itself cost.
            cpu.append(Bench.threadCPU() - ca)
            // The loop's idle turns before the next key (a person types ~10 keys a second).
            while state.markPersons(panes, budget: HistoryWindowLoop.markBudget) {}
        }
        return [
            "j_p50_ms": Bench.percentile(latencies, 0.5) * 1000, "j_p99_ms": Bench.percentile(latencies, 0.99) * 1000,
            "j_max_ms": (latencies.max() ?? 0) * 1000, "j_cpu_p50_ms": Bench.percentile(cpu, 0.5) * 1000,
            "j_cpu_p99_ms": Bench.percentile(cpu, 0.99) * 1000, "j_cpu_max_ms": (cpu.max() ?? 0) * 1000, "rows": Double(state.feed.rows.count),
            "total": Double(first.total), "pages": Double(pages), "selected": Double(state.feed.selected),
        ]
    }
}

/// The executable's `IndexPager` for the bench: pages and single mentions from the same `WindowReader`.
private final class ReaderPager: HistoryPaging {
    private let reader: WindowReader
    let panes: WindowPanes?
    init(_ reader: WindowReader, panes: WindowPanes) { (self.reader, self.panes) = (reader, panes) }
    var hasMore: Bool { reader.hasMore }
    func nextPage() throws -> [(mention: Mention, state: MentionState)] { try reader.nextPage(now: Date()) }
    func mention(_ key: String) throws -> (mention: Mention, state: MentionState)? { try reader.index.mention(key) }
}

/// As in the executable (IndexPager.swift): the index answers the panes of a window without a store.
extension HistoryIndex: HistorySource {}
