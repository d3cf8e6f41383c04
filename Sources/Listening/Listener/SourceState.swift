import Foundation
import SwitchboardCore

/// One source's health and cursor, as kept in `state/sources.json` and shown by `switchboard sources list`.
public struct SourceHealth: Codable, Sendable, Hashable {
    public enum Status: String, Codable, Sendable {
        /// Not polled yet.
        case never
        case ok
        /// The last poll failed; retried with backoff.
        case error
        /// The token or app password was refused: someone must log in again.
        case needsLogin = "needs_login"
        /// Waiting for the network's rate limit to reset.
        case rateLimited = "rate_limited"
    }

    public var id: String
    public var status: Status
    public var lastPoll: Date?
    public var lastSuccess: Date?
    public var lastError: String?
    public var lastErrorAt: Date?
    public var nextRun: Date?
    /// Items fetched over the source's life, and of those how many were new to the store.
    public var fetched: Int
    public var added: Int
    /// New mentions in the last successful poll.
    public var lastNew: Int?
    /// Consecutive failures (drives the backoff).
    public var failures: Int
    /// Saved only after the mentions it covers were stored.
    public var cursor: [String: String]
    /// The rate-limit usage the last poll reported (Meta's usage headers), when the network says.
    public var usage: String?

    public init(id: String) {
        self.id = id
        status = .never
        (fetched, added, failures, cursor) = (0, 0, 0, [:])
    }

    enum CodingKeys: String, CodingKey {
        case id, status, fetched, added, failures, cursor, lastPoll = "last_poll", lastSuccess = "last_success"
        case lastError = "last_error", lastErrorAt = "last_error_at", nextRun = "next_run", lastNew = "last_new"
        case usage = "rate_usage"
    }
}

/// `state/sources.json`: every source's health, read and replaced atomically under `state/sources.lock`
/// so a listener and a one-off `sources poll` never lose each other's updates.
public final class SourceStateStore: @unchecked Sendable {
    struct Document: Codable {
        var schema = 1
        var updatedAt: Date
        var sources: [String: SourceHealth]
        enum CodingKeys: String, CodingKey {
            case schema = "v", updatedAt = "updated_at", sources
        }
    }

    public let dir: DataDirectory
    private let mutex = NSLock()
    /// Problems met reading the file (a corrupt file is set aside, never silently overwritten).
    public private(set) var warnings: [String] = []

    public init(dir: DataDirectory) { self.dir = dir }

    public var file: URL { dir.stateDir.appendingPathComponent("sources.json") }
    var lockFile: URL { dir.stateDir.appendingPathComponent("sources.lock") }

    /// Every source's health (empty when nothing was polled yet).
    public func load() -> [String: SourceHealth] {
        mutex.withLock { read() }
    }

    public func health(_ id: String) -> SourceHealth { load()[id] ?? SourceHealth(id: id) }

    /// Changes one source's entry atomically and returns it.
    @discardableResult
    public func update(_ id: String, _ change: (inout SourceHealth) -> Void) throws -> SourceHealth {
        try mutex.withLock {
            try FileIO.makeDirectory(dir.stateDir)
            return try FileIO.withLock(lockFile) {
                var all = read()
                var h = all[id] ?? SourceHealth(id: id)
                change(&h)
                all[id] = h
                let enc = JSONEncoder()
                enc.dateEncodingStrategy = .switchboard
                enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                try FileIO.writeDocument(try enc.encode(Document(updatedAt: Date(), sources: all)), to: file)
                return h
            }
        }
    }

    private func read() -> [String: SourceHealth] {
        guard let data = FileManager.default.contents(atPath: file.path), !data.isEmpty else { return [:] }
        do {
            return try FileIO.decodeDocument(Document.self, from: data, name: "state/sources.json").sources
        } catch {
            // Machine-written; a damaged copy is kept for inspection and polling starts over (the store dedupes).
            let aside = file.path + ".corrupt"
            _ = try? FileManager.default.removeItem(atPath: aside)
            try? FileManager.default.moveItem(atPath: file.path, toPath: aside)
            warnings.append("\(error) — moved to state/sources.json.corrupt; cursors start over")
            return [:]
        }
    }
}
