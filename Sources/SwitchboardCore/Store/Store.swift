import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The data-directory store: append-only JSON Lines logs, folded into the current state, shared safely
/// between processes (flock + one write per record + fsync) and kept current by reading new log tails.
public final class Store: @unchecked Sendable {
    /// How a store is opened.
    public enum Mode: Sendable, Equatable {
        /// Everything in memory; opening sets torn tails aside (under the lock) so appends stay clean.
        case normal
        /// Only reads: no lock file, no directory created, nothing repaired (a torn tail is a warning). Writes throw.
        case readOnly
        /// For bulk writers (`ingest`, `compact`): the stored mentions are not kept, only their keys (to dedupe),
        /// so memory stays small for any store size. `mention(_:)` answers nil and `mentions` is empty.
        case keysOnly
        /// For a workbench that reads the mentions through the history index (the bounded window): only the actions
        /// are read; the mention and analysis logs are not read at all (their ends are noted, so a rewrite is
        /// still told). `mention(_:)` answers nil, `mentions` is empty, `contains(key:)` answers true (the caller
        /// read the mention from the index); `ingest` refuses. Nor is every mention's folded state kept: `events`
        /// holds what is not about one mention's triage (the outbox, the queue, crisis runs, contacts, spike alerts,
        /// post edits; and everything while a crisis runs, for its timeline), and `state(_:)` / `events(of:)` fold
        /// the one mention asked about from the actions logs on demand (kept current from then on).
        case actionsOnly
    }

    public let dir: DataDirectory
    public let mode: Mode
    /// This data directory's site (`local/site`), read at opening; nil: the flat single-site layout.
    public let site: String?
    /// Stamps this site's actions (observes every stamped record read).
    var clock = HybridClock()
    let mutex = NSRecursiveLock()

    var _mentions: [Mention] = []
    var byKey: [String: Int] = [:]
    /// In `.keysOnly` mode: each stored key with a hash of its mention's identity (to tell a key collision).
    var keyIdentity: [String: Int] = [:]
    /// In `.keysOnly` mode with a history index (`KeyIndex`): the index knows the keys before each mention log's
    /// starting cursor; `indexAnswers` holds what it said of the keys asked about ("" for not stored).
    var keyIndex: KeyIndex?
    var indexAnswers: [String: String] = [:]
    /// The index failed while a log tail was read: read every key once that read is done.
    var indexFailed = false
    var _states: [String: MentionState] = [:]
    var _events: [AuditEvent] = []
    /// In `.actionsOnly` mode: the mentions whose state was asked for, with their events in the order read (folded
    /// from the logs on first use, then kept current by every tail read); only these have a `_states` entry.
    var followed: [String: [AuditEvent]] = [:]
    /// In `.actionsOnly` mode: the crisis runs, to keep every event while one is on (the crisis pane's timeline).
    var crisisRuns = CrisisLog()
    var _warnings: [String] = []
    var cursors: [String: Cursor] = [:]
    /// What this process wrote since the last `refresh()` (another thread may be waiting to hear of it).
    var ownChanges = StoreChanges()
    /// True during the first read of the logs in `init` (nobody follows a mention yet, and nobody reads its changes).
    var opening = true

    struct Cursor {
        var offset: Int, inode: UInt64, line: Int
        /// The last bytes read before `offset` (empty: not known), to tell a log that was only appended to from one
        /// that was rewritten when its inode changes (a git merge writes other sites' segments anew).
        var tail: [UInt8] = []

        /// Takes note of the bytes just read or written before the new offset (the last 256 are kept).
        mutating func keepTail(_ bytes: [UInt8]) {
            tail = bytes.count >= 256 ? Array(bytes.suffix(256)) : Array((tail + bytes).suffix(256))
        }
    }

    /// Mentions in the order they were stored.
    public var mentions: [Mention] { mutex.withLock { _mentions } }
    public var events: [AuditEvent] { mutex.withLock { _events } }
    /// Problems met while reading (torn tails set aside, lines that don't parse), with file and line.
    public var warnings: [String] { mutex.withLock { _warnings } }
    public var count: Int { mutex.withLock { _mentions.count } }

    public func mention(_ key: String) -> Mention? { mutex.withLock { byKey[key].map { _mentions[$0] } } }
    /// The folded state of mention `key` (in `.actionsOnly` mode folded from the actions logs on first use).
    public func state(_ key: String) -> MentionState {
        mutex.withLock {
            if mode == .actionsOnly { follow(key) }
            return _states[key] ?? MentionState()
        }
    }

    /// Every folded state (in `.actionsOnly` mode only those of the mentions asked about: see `state(_:)`).
    public func states() -> [String: MentionState] { mutex.withLock { _states } }

    /// The events about mention `key`, in the order of `events` (in `.actionsOnly` mode read from the logs on first
    /// use, like `state(_:)`).
    public func events(of key: String) -> [AuditEvent] {
        mutex.withLock {
            guard mode == .actionsOnly else { return _events.filter { $0.action.mention == key } }
            follow(key)
            return Store.inLogOrder(followed[key] ?? [])
        }
    }

    /// Opens the store, setting aside torn last lines left by a crash (into `FILE.corrupt`), and folds the logs.
    /// `.readOnly` changes nothing on disk and reports a torn tail as a warning instead.
    /// `keyIndex` (only in `.keysOnly` mode): the history index answers which keys it holds, so only the mention
    /// logs' bytes it has not read are read here (`Store+KeyIndex.swift`).
    public init(dir: DataDirectory, mode: Mode = .normal, keyIndex: KeyIndex? = nil) throws {
        (self.dir, self.mode, self.site) = (dir, mode, dir.site)
        if mode == .readOnly {
            reportTornTails()
        } else {
            try FileIO.makeDirectory(dir.logDir)
            try FileIO.withLock(dir.lockFile) {
                try repairTornTails()
                removeStaleTempFiles()
            }
        }
        if mode == .normal || mode == .readOnly {
            // One allocation for the mentions array instead of repeated growth (records are ~300–500 bytes).
            let bytes = logFiles(.mentions).reduce(0) {
                $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? Int) ?? 0)
            }
            _mentions.reserveCapacity(bytes / 380 + 16)
        }
        if mode == .keysOnly, let keyIndex { adopt(keyIndex) }
        _ = try refresh()
        opening = false
    }

    /// Whether `key` is stored, and if so whether for the post with `identity` (false: a key collision).
    /// With a history index, `lookUp` must have asked it about `key` first.
    func stored(_ key: String, identity: String) -> Bool? {
        if mode == .keysOnly {
            if let h = keyIdentity[key] { return h == identity.hashValue }
            return indexedIdentity(key).map { $0 == identity }
        }
        return byKey[key].map { _mentions[$0].identity == identity }
    }

    func isStored(_ key: String) -> Bool {
        mode == .keysOnly ? keyIdentity[key] != nil || indexedIdentity(key) != nil : byKey[key] != nil
    }

    /// Whether a mention with `key` is stored (also in `.keysOnly` mode, where `mention(_:)` answers nil).
    public func contains(key: String) -> Bool {
        mode == .actionsOnly
            || mutex.withLock {
                if keyIndex != nil { try? lookUp([key]) }
                return isStored(key)
            }
    }

    /// Runs a write holding the data directory's lock; a read-only store refuses.
    func withWriteLock<T>(_ body: () throws -> T) throws -> T {
        guard mode != .readOnly else { throw SwitchboardError("\(dir.root.path): the store was opened read-only") }
        return try FileIO.withLock(dir.lockFile, body)
    }

    /// Resolves a key or an unambiguous key prefix (at least 4 characters) to a stored mention key.
    public func resolveKey(_ s: String) throws -> String {
        try mutex.withLock {
            if byKey[s] != nil { return s }
            guard s.count >= 4 else { throw SwitchboardError(L10n.t("err.key.short", ["key": s])) }
            let hits = byKey.keys.filter { $0.hasPrefix(s) }
            if hits.count == 1 { return hits[0] }
            if hits.isEmpty { throw SwitchboardError(L10n.t("msg.noMentionKey", ["key": s])) }
            throw SwitchboardError(
                L10n.t("err.key.ambiguous", ["key": s, "keys": hits.sorted().prefix(5).joined(separator: ", ")]))
        }
    }
}
