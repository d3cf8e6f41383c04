import Foundation
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// What one poll of one source did.
public struct PollOutcome: Sendable {
    public var source: String
    /// Mentions the source returned (all of them, also those the store already had).
    public var mentions: [Mention]
    /// Keys of mentions that were new to the store (empty on a dry run).
    public var added: [String]
    public var duplicates: Int
    public var error: SourceError?
    public var nextRun: Date
    public var cursor: [String: String]
    /// Why the source's state (cursor, schedule, health) could not be saved; nil when it was.
    public var stateError: String? = nil
    /// The rate-limit usage the source reported (see `PollResult.usage`).
    public var usage: String? = nil
}

/// Runs every enabled source at its interval: poll → store → (only then) save the cursor, with per-source
/// health in `state/sources.json`, backoff on failures, and rate limits honoured. One per data directory.
public final class Listener: @unchecked Sendable {
    public typealias SourceFactory = @Sendable (SourceConfig) throws -> Source?

    public let store: Store
    public let state: SourceStateStore
    let makeSource: SourceFactory
    let log: @Sendable (String) -> Void
    let onIngest: (@Sendable ([Mention]) -> Void)?
    let now: @Sendable () -> Date
    public var backoff = Backoff(base: 30, cap: 15 * 60)
    /// How long a source that needs a new login (or has a configuration error) waits before trying again.
    public var pauseAfterLoginError: TimeInterval = 15 * 60
    /// Test hook: runs after `store.ingest` returned and before the cursor is saved (simulates a crash there).
    var afterIngest: (@Sendable (String) throws -> Void)?

    private let mutex = NSLock()
    private var _team: TeamConfig
    private var sources: [String: (SourceConfig, Source)] = [:]
    private var lockFD: Int32 = -1
    private var runTask: Task<Void, Never>?
    private var stopped = false
    private var reloadRequested = false
    /// `listen --once --quiet`: a poll that found nothing new and failed nowhere logs no line.
    public var quietWhenNothingHappened = false

    public init(
        store: Store, team: TeamConfig, makeSource: @escaping SourceFactory,
        log: @escaping @Sendable (String) -> Void = { _ in },
        onIngest: (@Sendable ([Mention]) -> Void)? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        (self.store, self._team, self.makeSource, self.log, self.onIngest) = (store, team, makeSource, log, onIngest)
        self.now = now
        // A secret file others can read is said where this listener logs, when a source first reads it.
        let clock = now
        Secrets.setWarningHandler { text in log("\(Timestamp.format(clock())) \(text)") }
        self.state = SourceStateStore(dir: store.dir)
    }

    deinit { if lockFD >= 0 { close(lockFD) } }

    public var team: TeamConfig { mutex.withLock { _team } }
    public func setTeam(_ t: TeamConfig) { mutex.withLock { _team = t } }

    /// Asks `run(reloadTeam:)` to re-read the team config now rather than at its next interval (SIGHUP).
    public func reloadSoon() { mutex.withLock { reloadRequested = true } }

    /// True once after `reloadSoon()`.
    func takeReloadRequest() -> Bool {
        mutex.withLock {
            defer { reloadRequested = false }
            return reloadRequested
        }
    }

    // MARK: The listener lock

    public static func lockFile(_ dir: DataDirectory) -> URL { dir.stateDir.appendingPathComponent("listener.lock") }

    /// True when some process holds the listener lock of `dir` (a probe: takes and releases it when free).
    public static func isRunning(dir: DataDirectory) -> Bool {
        let f = lockFile(dir)
        guard FileManager.default.fileExists(atPath: f.path) else { return false }
        switch FileIO.tryLockResult(f) {
        case .locked(let fd):
            flock(fd, LOCK_UN)
            close(fd)
            return false
        case .busy: return true
        case .unavailable: return false
        }
    }

    /// Takes the listener lock for this process's lifetime; fails when another listener runs, naming it.
    public func acquireLock() throws {
        try mutex.withLock {
            guard lockFD < 0 else { return }
            try FileIO.makeDirectory(store.dir.stateDir)
            let file = Listener.lockFile(store.dir)
            let fd: Int32
            switch FileIO.tryLockResult(file) {
            case .locked(let d): fd = d
            case .busy:
                throw SwitchboardError(
                    "another listener is running on \(store.dir.displayPath)"
                        + " (\(Listener.holder(file).map { "\($0), " } ?? "")it holds state/listener.lock)")
            case .unavailable(let why):
                throw SwitchboardError("cannot open \(file.path): \(why)")
            }
            lockFD = fd
            let pid = Data("\(getpid())\n".utf8)
            ftruncate(fd, 0)
            _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        }
    }

    /// "process 1234 of anna": the pid the running listener wrote into its lock file, and who runs it. The pid is
    /// written right after the lock is taken, so a listener started at the same moment waits a little for it.
    static func holder(_ file: URL) -> String? {
        for attempt in 0..<20 {
            if attempt > 0 { usleep(25_000) }
            guard let s = try? String(contentsOf: file, encoding: .utf8),
                let pid = Int32(s.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0
            else { continue }
            var st = stat()
            guard stat("/proc/\(pid)", &st) == 0 else { continue }
            let user = getpwuid(st.st_uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
            return "process \(pid)" + (user.map { " of \($0)" } ?? "")
        }
        return nil
    }

    public func releaseLock() {
        mutex.withLock {
            if lockFD >= 0 { flock(lockFD, LOCK_UN); close(lockFD); lockFD = -1 }
        }
    }

    func setRunTask(_ t: Task<Void, Never>) {
        let cancelNow = mutex.withLock {
            runTask = t
            return stopped
        }
        if cancelNow { t.cancel() }
    }

    func cancelRunTask() {
        let t = mutex.withLock {
            stopped = true
            return runTask
        }
        t?.cancel()
    }

    // MARK: Polling

    func source(for config: SourceConfig) throws -> Source {
        if let (c, s) = mutex.withLock({ sources[config.id] }), c == config { return s }
        guard let s = try makeSource(config) else {
            throw SourceError.configuration(
                "source \(config.id): unknown type \"\(NetworkText.clean(config.type, max: 40))\"")
        }
        mutex.withLock { sources[config.id] = (config, s) }
        return s
    }

    /// Polls one source once. Stores what it found and then saves its cursor; with `dryRun`, stores and saves nothing.
    @discardableResult
    public func poll(_ config: SourceConfig, dryRun: Bool = false) async -> PollOutcome {
        let started = now()
        let health = state.health(config.id)
        var outcome = PollOutcome(
            source: config.id, mentions: [], added: [], duplicates: 0, error: nil,
            nextRun: started.addingTimeInterval(config.intervalSeconds), cursor: health.cursor)
        var result: PollResult?
        do {
            result = try await source(for: config).poll(cursor: health.cursor)
        } catch let p as PartialPoll {
            result = p.result
            outcome.error = p.error
        } catch let e as SourceError {
            // Shutting down: a request cut short is no failure of the source.
            if Task.isCancelled { return outcome }
            outcome.error = e
        } catch is CancellationError {
            return outcome
        } catch {
            if Task.isCancelled { return outcome }
            outcome.error = .transient("source \(config.id): \(NetworkText.clean(String(describing: error), max: 160))")
        }
        if let r = result {
            outcome.mentions = r.mentions
            outcome.cursor = r.cursor
            outcome.usage = r.usage
            if let nb = r.notBefore, nb > outcome.nextRun { outcome.nextRun = nb }
        }
        if dryRun { return outcome }
        if let r = result {
            do {
                let ing = try store.ingest(r.mentions)
                outcome.added = ing.added
                outcome.duplicates = ing.duplicates
            } catch {
                // Nothing stored: keep the old cursor so the next poll fetches these again.
                outcome.error = .transient("source \(config.id): cannot store mentions: \(error)")
                result = nil
            }
        }
        if let r = result, !r.counts.isEmpty {
            do { try NotificationCounts(dir: store.dir).add(network: config.type, r.counts) } catch {
                log(
                    "\(Timestamp.format(now())) \(config.id): "
                        + L10n.t("listen.cannotSaveCounts", ["error": "\(error)"]))
            }
        }
        if result != nil {
            do { try afterIngest?(config.id) } catch { return outcome }
            if let cb = onIngest, !outcome.added.isEmpty {
                cb(outcome.added.compactMap { store.mention($0) })
            }
        }
        // A partial poll (one feed failed, the others worked) keeps the normal schedule unless rate limited,
        // so one broken hashtag never delays the account's mentions.
        let partial = result != nil && outcome.error != nil
        if let e = outcome.error {
            if case .rateLimited = e {
                outcome.nextRun = max(
                    outcome.nextRun,
                    nextTry(after: e, failures: health.failures + 1, interval: config.intervalSeconds, from: started))
            } else if !partial {
                outcome.nextRun = max(
                    outcome.nextRun,
                    nextTry(after: e, failures: health.failures + 1, interval: config.intervalSeconds, from: started))
            }
        }
        let saved = outcome
        let stored = result != nil
        let fetchedCount = result?.mentions.count ?? 0
        do {
            try state.update(config.id) { h in
                h.lastPoll = started
                h.nextRun = saved.nextRun
                if stored {
                    h.cursor = saved.cursor
                    h.fetched += fetchedCount
                    h.added += saved.added.count
                    h.lastNew = saved.added.count
                    if let u = saved.usage { h.usage = u }
                }
                if let e = saved.error {
                    if !partial { h.failures += 1 }
                    h.lastError = NetworkText.clean(e.description, max: 300)
                    h.lastErrorAt = started
                    h.status = Listener.status(for: e)
                } else {
                    (h.failures, h.lastSuccess, h.status) = (0, started, .ok)
                }
            }
        } catch {
            outcome.stateError = "\(error)"
            log("\(Timestamp.format(now())) \(config.id): " + L10n.t("listen.cannotSaveState", ["error": "\(error)"]))
        }
        if !(quietWhenNothingHappened && outcome.added.isEmpty && outcome.error == nil) {
            log(Listener.logLine(outcome, at: now()))
        }
        return outcome
    }

    static func status(for e: SourceError) -> SourceHealth.Status {
        switch e {
        case .needsLogin: return .needsLogin
        case .rateLimited: return .rateLimited
        default: return .error
        }
    }

    /// When to try again after `e`: the rate-limit reset, a long pause for login/configuration problems,
    /// else exponential backoff with jitter starting at the source's interval.
    func nextTry(after e: SourceError, failures: Int, interval: TimeInterval, from t: Date) -> Date {
        switch e {
        case .rateLimited(let at, _): return max(at, t.addingTimeInterval(1))
        case .needsLogin, .configuration: return t.addingTimeInterval(max(interval, pauseAfterLoginError))
        case .transient, .malformed:
            let b = Backoff(base: max(backoff.base, interval), cap: max(backoff.cap, interval))
            return t.addingTimeInterval(max(b.delay(failures: failures), min(interval, b.cap)))
        }
    }

    /// `2026-11-27T03:20:25Z masto: 3 new of 5 fetched, next 03:21:25` or `… masto: error: …`.
    static func logLine(_ o: PollOutcome, at t: Date) -> String {
        var s =
            "\(Timestamp.format(t)) \(o.source): "
            + L10n.t("listen.polled", ["new": o.added.count, "fetched": o.mentions.count])
        if let e = o.error { s += "; " + L10n.t("listen.error", ["error": NetworkText.clean(e.description, max: 300)]) }
        return s + "; " + L10n.t("listen.next", ["at": Timestamp.format(o.nextRun)])
    }
}
