import Foundation
import HistoryIndex
import ScreenKit
import SwitchboardCore
import SwitchboardUI

/// A large history opens from the index: the first frame is the newest page and the counts from SQL
/// (`HistoryIndex.window`), drawn while the store folds the logs on another thread (`StoreLoading`).
///
/// `SWITCHBOARD_WINDOW` chooses: `index` always, `memory` never; otherwise (auto) when the index exists, the logs
/// hold at least `autoFromBytes` and the team mutes nothing (the feed's counts leave muted mentions out, and the
/// private messages of a role that may not read them). `bounded` is `index` without the store: the workbench reads
/// the history only through the index, page by page, and does not change it (memory bounded by design; triage,
/// replies and the other panes still need the store, docs/architecture.md).
enum WorkbenchWindow {
    /// About 50,000 mentions of ordinary size.
    static let autoFromBytes = 16 << 20
    /// Rows read for the first frame (a few screens; `j`, `k` and page keys move in them while the store loads).
    static let rows = 200

    static var mode: String { ProcessInfo.processInfo.environment["SWITCHBOARD_WINDOW"] ?? "auto" }

    /// Whether the workbench reads the history only through the index (no store folded).
    static var bounded: Bool { mode == "bounded" }

    static func wanted(_ dir: DataDirectory, team: TeamConfig?, user: String) -> Bool {
        let mode = self.mode
        if mode == "memory" || !MuteList(team: team, user: user).hidesNothing { return false }
        if mode == "index" || mode == "bounded" { return true }
        guard FileManager.default.fileExists(atPath: HistoryIndex.file(dir).path) else { return false }
        return logBytes(dir) >= autoFromBytes
    }

    /// The size of the mention logs.
    static func logBytes(_ dir: DataDirectory) -> Int {
        let fm = FileManager.default
        guard let e = fm.enumerator(at: dir.logDir, includingPropertiesForKeys: [.fileSizeKey]) else { return 0 }
        var total = 0
        for case let url as URL in e where url.lastPathComponent.contains("mentions") {
            total += (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
        }
        return total
    }

    /// The first window for `state` (its team, SLA and clock) and the pager that reads on from it, or nil when the
    /// index cannot give it (then the store is folded first, as before).
    static func read(_ dir: DataDirectory, state: AppState) -> (HistoryWindow, IndexPager)? {
        let s = state.settings
        guard wanted(dir, team: s.team, user: s.user) else { return nil }
        do {
            let index = try HistoryIndex(dir: dir, writer: Switchboard.writer)
            StartTrace.mark("index opened, caught up")
            let own = OwnAccounts(team: s.team)
            let w = try index.window(limit: rows, own: own, now: state.chrome.now, overdueAfter: overdueTarget(s))
            StartTrace.mark("window: newest \(w.newest.count) rows and the counts")
            var states: [String: MentionState] = [:]
            for (m, st) in w.newest where st != MentionState() { states[m.key] = st }
            let window = HistoryWindow(
                mentions: w.newest.map(\.mention), states: states, total: w.total,
                counts: FeedCounts(new: w.new, open: w.open, overdue: w.overdue ?? 0))
            let env = QueryEnvironment(me: s.user, now: state.chrome.now, own: own)
            let pager = IndexPager(index: index, environment: env, after: w.next, pageSize: rows)
            if bounded {
                // No store will bring the thread, the author's card, the person marks or `role:`: the index does.
                let panes = WindowPanes(source: index, team: s.team, user: s.user, timeZone: s.timeZone)
                panes.queue(window.mentions)
                pager.panes = panes
                pager.environment.role = panes.roleHook()
            }
            return (window, pager)
        } catch { return nil }
    }

    /// Seconds after which an open, unanswered mention is overdue, when that is one number (as `FeedModel.counts`
    /// decides it): 0 minutes counts none; a target per priority band or business hours need the store.
    static func overdueTarget(_ s: AppSettings) -> Double? {
        if s.slaMinutes <= 0 { return .infinity }
        guard let team = s.team, let sla = try? SLA(team: team) else { return Double(s.slaMinutes) * 60 }
        return sla.hours == nil && sla.byPriority.isEmpty ? sla.target(band: nil) : nil
    }
}

/// The store folded on another thread while the window is on the screen; wakes the terminal when done.
final class StoreLoading: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Store, Error>?

    init(_ dir: DataDirectory, waker: (any TerminalWaker)?) {
        let thread = Thread { [self] in
            let r = Result { try Store(dir: dir) }
            FreedMemory.release()
            lock.withLock { result = r }
            waker?.wake()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    var isDone: Bool { lock.withLock { result != nil } }

    /// The store (waits for it).
    func wait() throws -> Store {
        while true {
            if let r = lock.withLock({ result }) { return try r.get() }
            usleep(2000)
        }
    }
}
