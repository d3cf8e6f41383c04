import Foundation
import HistoryIndex
import ScreenKit
import SwitchboardCore
import SwitchboardUI

/// A large history opens from the index: the first frame is the newest page and the counts from SQL
/// (`HistoryIndex.window`, the team's mute list left out in SQL).
///
/// `SWITCHBOARD_WINDOW` chooses: `memory` never; `index` always, then folds the store on another thread
/// (`StoreLoading`) and hands over to it; `bounded` always, and never folds the store: the workbench reads the history
/// only through the index, page by page (memory bounded by a few pages, not by the history), and writes through a
/// store that keeps no mentions (`effects`). Otherwise (auto) `bounded` when the logs hold at least `autoFromBytes`
/// (an index missing, damaged or of another version is built first, its progress on the screen); a smaller
/// history is folded as before.
enum WorkbenchWindow {
    /// About 50,000 mentions of ordinary size; `SWITCHBOARD_WINDOW_FROM` (bytes of mention logs) sets another.
    static var autoFromBytes: Int {
        ProcessInfo.processInfo.environment["SWITCHBOARD_WINDOW_FROM"].flatMap { Int($0) }.map { max(0, $0) }
            ?? 16 << 20
    }
    /// Rows read for the first frame (a few screens; `j`, `k` and page keys move in them while the store loads).
    static let rows = 200

    static var mode: String { ProcessInfo.processInfo.environment["SWITCHBOARD_WINDOW"] ?? "auto" }

    /// Whether the workbench reads the history only through the index (no store folded): `bounded`, and `auto` for a
    /// large history (`index` keeps the first frame from the index and folds the store after it, as before).
    static var bounded: Bool { mode == "bounded" || mode == "auto" }

    static func wanted(_ dir: DataDirectory, team: TeamConfig?, user: String) -> Bool {
        let mode = self.mode
        if mode == "memory" { return false }
        if mode == "index" || mode == "bounded" { return true }
        // A large history without an index (an `ingest` into a store that had none, a hand-deleted index) gets one
        // here, with its progress on the screen (`TerminalProgress`), instead of being folded into memory.
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
    /// `progress`: where a build or rebuild of the index shows how far it is (the workbench's screen).
    static func read(_ dir: DataDirectory, state: AppState, progress: IndexProgress? = nil) -> (
        HistoryWindow, IndexPager
    )? {
        let s = state.settings
        guard wanted(dir, team: s.team, user: s.user) else { return nil }
        do {
            let index = try HistoryIndex(dir: dir, writer: Switchboard.writer, progress: progress)
            StartTrace.mark("index opened, caught up")
            let reader = try WindowReader(
                index: index, mute: MuteList(team: s.team, user: s.user), own: OwnAccounts(team: s.team), me: s.user,
                pageSize: rows, overdueAfter: s.windowOverdueTarget)
            reader.slaMinutes = s.slaMinutes
            let w = try reader.first(now: state.chrome.now)
            StartTrace.mark("window: newest \(w.newest.count) rows and the counts")
            var states: [String: MentionState] = [:]
            for (m, st) in w.newest where st != MentionState() { states[m.key] = st }
            let window = HistoryWindow(
                mentions: w.newest.map(\.mention), states: states, total: w.total,
                counts: FeedCounts(new: w.new, open: w.open, overdue: w.overdue))
            let pager = IndexPager(reader)
            if bounded {
                // No store will bring the thread, the author's card, the person marks or `role:`: the index does.
                let panes = WindowPanes(source: index, team: s.team, user: s.user, timeZone: s.timeZone)
                panes.queue(window.mentions)
                pager.panes = panes
                reader.role = panes.roleHook()
            }
            return (window, pager)
        } catch { return nil }
    }

    /// The effects of a bounded window: a store opened `.actionsOnly` on another thread (it reads the actions, not the
    /// mentions) takes the writes once it is open; the pager reads the index again after each.
    static func effects(
        _ dir: DataDirectory, pager: IndexPager, team: TeamConfig?, timeZone: TimeZone, themeDirs: [URL]
    ) -> BoundedEffects {
        let opening = StoreLoading(dir, mode: .actionsOnly, waker: nil)
        var runner: EffectRunner?
        return BoundedEffects(pager: pager) { wait in
            if let runner { return runner }
            guard wait || opening.isDone else { return nil }
            let r = EffectRunner(store: try opening.wait(), actor: Actor.current(), themeDirs: themeDirs)
            r.mentionFromIndex = { [pager] key in try? pager.mention(key)?.mention }
            r.history = pager.reader.index
            (r.team, r.timeZone) = (team, timeZone)
            _ = r.delta()
            runner = r
            return r
        }
    }
}

/// The store folded on another thread while the window is on the screen; wakes the terminal when done.
final class StoreLoading: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Store, Error>?

    init(_ dir: DataDirectory, mode: Store.Mode = .normal, waker: (any TerminalWaker)?) {
        let thread = Thread { [self] in
            let r = Result { try Store(dir: dir, mode: mode) }
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
