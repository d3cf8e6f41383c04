import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The data-directory store: append-only JSON Lines logs, folded into the current state, shared safely
/// between processes (flock + one write per record + fsync) and kept current by reading new log tails.
public final class Store: @unchecked Sendable {
    public let dir: DataDirectory
    let mutex = NSRecursiveLock()

    var _mentions: [Mention] = []
    var byKey: [String: Int] = [:]
    var _states: [String: MentionState] = [:]
    var _events: [AuditEvent] = []
    var _warnings: [String] = []
    var cursors: [String: Cursor] = [:]
    /// What this process wrote since the last `refresh()` (another thread may be waiting to hear of it).
    var ownChanges = StoreChanges()

    struct Cursor {
        var offset: Int, inode: UInt64, line: Int
    }

    /// Mentions in the order they were stored.
    public var mentions: [Mention] { mutex.withLock { _mentions } }
    public var events: [AuditEvent] { mutex.withLock { _events } }
    /// Problems met while reading (torn tails set aside, lines that don't parse), with file and line.
    public var warnings: [String] { mutex.withLock { _warnings } }
    public var count: Int { mutex.withLock { _mentions.count } }

    public func mention(_ key: String) -> Mention? { mutex.withLock { byKey[key].map { _mentions[$0] } } }
    public func state(_ key: String) -> MentionState { mutex.withLock { _states[key] ?? MentionState() } }
    public func states() -> [String: MentionState] { mutex.withLock { _states } }

    /// Opens the store, setting aside torn last lines left by a crash (into `FILE.corrupt`), and folds the logs.
    public init(dir: DataDirectory) throws {
        self.dir = dir
        try FileIO.makeDirectory(dir.logDir)
        try FileIO.withLock(dir.lockFile) {
            try repairTornTails()
            removeStaleTempFiles()
        }
        // One allocation for the mentions array instead of repeated growth (records are ~300–500 bytes).
        let bytes = logFiles(.mentions).reduce(0) {
            $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? Int) ?? 0)
        }
        _mentions.reserveCapacity(bytes / 380 + 16)
        _ = try refresh()
    }

    /// Resolves a key or an unambiguous key prefix (at least 4 characters) to a stored mention key.
    public func resolveKey(_ s: String) throws -> String {
        try mutex.withLock {
            if byKey[s] != nil { return s }
            guard s.count >= 4 else { throw SwitchboardError("no mention \(s): give at least 4 characters of a key") }
            let hits = byKey.keys.filter { $0.hasPrefix(s) }
            if hits.count == 1 { return hits[0] }
            if hits.isEmpty { throw SwitchboardError("no mention \(s)") }
            throw SwitchboardError("\(s) is ambiguous: \(hits.sorted().prefix(5).joined(separator: ", "))")
        }
    }
}
