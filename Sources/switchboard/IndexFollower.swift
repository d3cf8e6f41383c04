import Foundation
import HistoryIndex
import SwitchboardCore

/// Brings an existing history index (`index/history.sqlite`) up to date after this process appended to the logs (`ingest`
/// after its last batch, `listen` after every stored batch), through the index's one catch-up — no second way to
/// write its rows. The records are stored and acknowledged before: if the process dies between the append and the
/// catch-up, or the catch-up fails, the index is only behind and the next reader catches up. A disk at fault is said
/// through `warn`; nothing here fails the command.
final class IndexFollower: @unchecked Sendable {
    let dir: DataDirectory
    let warn: @Sendable (String) -> Void
    /// Show a rebuild's progress on stderr when the logs to read are at least this large (a small history builds
    /// its index in a blink, and a command's stderr stays quiet).
    let progressFrom: Int?
    private var index: HistoryIndex?
    private let lock = NSLock()
    /// Whether a data directory without an index gets one here (`ingest` of a file as large as the workbench reads
    /// through the index: the import pays for its index, not the first start of the workbench after it).
    var creates = false
    /// The team and report options with which a catch-up built in a fresh file (`ingest`'s first import) also makes
    /// the report's hours, on the second core beside its full-text pass, as `reindex` does
    /// (`HistoryIndex.rebuildReports`): the first `report` after importing a large history is then as quick as any
    /// (at 1M it made every hour first: 6.6 s against 0.16 s). Nil: left to the first report.
    var reports: (team: TeamConfig, options: ReportOptions)?

    private var indexWanted: Bool {
        dir.exists && (creates || index != nil || FileManager.default.fileExists(atPath: HistoryIndex.file(dir).path))
    }

    init(dir: DataDirectory, progressFrom: Int? = 64 << 20, warn: @escaping @Sendable (String) -> Void) {
        (self.dir, self.progressFrom, self.warn) = (dir, progressFrom, warn)
    }

    /// Catches the index up with everything the logs hold now (opening, building or rebuilding it as needed).
    func catchUp() {
        lock.lock()
        defer { lock.unlock() }
        // A data directory without an index gets one from its first reader, as before (a small history's writers
        // stay quick; ties of the same second are ordered by key, so who builds it does not change the order),
        // unless this follower `creates` it.
        guard indexWanted else { return }
        let progress = progressFrom.flatMap { logBytes() >= $0 ? StderrProgress() : nil }
        do {
            if let index {
                try index.catchUp(progress: progress)
            } else {
                index = try HistoryIndex(dir: dir, writer: Switchboard.writer, progress: progress)
            }
        } catch {
            index = nil
            if let why = HistoryIndex.behindBecause(error) { warn(L10n.t("cli.indexBehindAfterWrite", ["why": why])) }
        }
    }

    /// For `ingest`: a catch-up on a thread of its own that follows this process's appends (`feed`: told after each
    /// durable append, finished after the last) in one transaction, so the index is written while the import is
    /// decoded, analysed and appended (issue 18). Returns what waits for it to commit (call after `feed.finish()`).
    /// Without an index (the first reader builds it, as before) or when it cannot be opened: nothing is started.
    /// A killed process leaves the index where the last committed catch-up left it; the logs are whole.
    func follow(_ feed: AppendFeed) -> () -> Void {
        lock.lock()
        defer { lock.unlock() }
        guard indexWanted else { return {} }
        if index == nil {
            do { index = try HistoryIndex(dir: dir, writer: Switchboard.writer, progress: nil) } catch { return {} }
        }
        let followed = index!
        if let reports { followed.rebuildReports = reports }
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [self] in
            do {
                try followed.catchUp(progress: nil, following: feed)
            } catch {
                lock.withLock { index = nil }
                if let why = HistoryIndex.behindBecause(error) {
                    warn(L10n.t("cli.indexBehindAfterWrite", ["why": why]))
                }
            }
            done.signal()
        }
        return { done.wait() }
    }

    /// For `ingest`: the index brought up to date, as a `Store.KeyIndex` (which keys are stored without reading
    /// them all from the logs); nil without an index or when it cannot be trusted (the store then reads every key).
    func keyIndex() -> Store.KeyIndex? {
        catchUp()
        lock.lock()
        defer { lock.unlock() }
        return try? index?.keyIndex()
    }

    private func logBytes() -> Int {
        LogKind.allCases.reduce(0) { sum, kind in sum + dir.logFiles(kind).reduce(0) { $0 + FileIO.size($1) } }
    }
}
