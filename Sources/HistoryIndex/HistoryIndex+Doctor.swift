import Foundation
import GRDB
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// `doctor`: the index against the logs, only reading both. Missing, or behind the logs, is normal and says nothing
/// (it is built or catches up when next opened; `doctor --fix` brings it up to date first); disagreeing counts or
/// states, or an unreadable index, are a problem with its repair (`switchboard reindex`).
extension HistoryIndex {
    static let place = "index/history.sqlite"
    static var repair: String { L10n.t("index.repair") }

    /// Compares the index with `store` (opened read-only on the same directory): counts, and the states of about
    /// `sample` mentions spread over the history.
    public static func check(_ dir: DataDirectory, store: Store, sample: Int = 50) -> [Doctor.Finding] {
        func note(_ m: String) -> [Doctor.Finding] { [Doctor.Finding(level: .note, place: place, message: m)] }
        func problem(_ m: String) -> [Doctor.Finding] {
            [Doctor.Finding(level: .problem, place: place, message: m + "; " + repair)]
        }
        guard FileManager.default.fileExists(atPath: file(dir).path) else { return [] }
        do {
            var config = Configuration()
            config.readonly = true
            // Doctor creates nothing: with no write-ahead log beside it (the last writer closed it) the whole index
            // is in the file, read as immutable, so SQLite makes no `-wal`/`-shm`. A writer that starts meanwhile
            // changes the file: then nothing is said (as for an index behind the logs).
            let path = file(dir).path
            let quiet = !FileManager.default.fileExists(atPath: path + "-wal")
            let stamp = quiet ? HistoryIndex.modified(path) : nil
            let q = try DatabaseQueue(
                path: quiet
                    ? "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
                        + "?immutable=1" : path,
                configuration: config)
            let found = try q.read { db -> [Doctor.Finding] in
                guard try db.tableExists("meta"),
                    let v = try Int.fetchOne(db, sql: "SELECT CAST(v AS INTEGER) FROM meta WHERE k = 'schema'")
                else { return problem(L10n.t("index.notThisVersion")) }
                if v != schemaVersion {
                    return note(L10n.t("index.otherVersion", ["layout": "\(v)"]))
                }
                let index = ReadOnlyView(dir: dir, db: db)
                if try index.behind() != nil { return [] }
                var out: [Doctor.Finding] = []
                let mentions = try Int.fetchOne(db, sql: "SELECT count(*) FROM mention WHERE present = 1") ?? 0
                let events = Int(try String.fetchOne(db, sql: "SELECT v FROM meta WHERE k = 'events'") ?? "0") ?? 0
                if mentions != store.count {
                    out += problem(L10n.t("index.holdsMentions", ["n": mentions, "logs": store.count]))
                }
                if events != store.events.count {
                    out += problem(L10n.t("index.holdsActions", ["n": events, "logs": store.events.count]))
                }
                // The first frame's counts (`mention_count`) against the rows they count.
                let kept = try Row.fetchAll(
                    db, sql: "SELECT status, answered, n FROM mention_count WHERE n != 0 ORDER BY 1, 2"
                ).map { "\($0["status"] as Int)/\($0["answered"] as Int)=\($0["n"] as Int)" }
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT status, first_response IS NOT NULL AS answered, count(*) AS n FROM mention
                        WHERE present = 1 GROUP BY 1, 2 ORDER BY 1, 2
                        """
                ).map { "\($0["status"] as Int)/\($0["answered"] as Int)=\($0["n"] as Int)" }
                if kept != rows {
                    out += problem(
                        L10n.t(
                            "index.countsDiffer",
                            [
                                "kept": kept.joined(separator: " "),
                                "rows": rows.joined(separator: " "),
                            ]))
                }
                let all = store.mentions
                let step = max(1, all.count / max(1, sample))
                var differ: [String] = []
                for i in stride(from: 0, to: all.count, by: step) {
                    let k = all[i].key
                    let st = store.state(k)
                    let row = try Row.fetchOne(
                        db, sql: "SELECT status, assignee, tags FROM mention WHERE key = ? AND present = 1",
                        arguments: [k])
                    let c = StateColumns(st)
                    if row == nil || row!["status"] != c.status || row!["assignee"] != st.assignee
                        || row!["tags"] != c.tags
                    {
                        differ.append(k)
                    }
                }
                if !differ.isEmpty {
                    let some = differ.prefix(3).joined(separator: ", ")
                    out += problem(L10n.t("index.stateDiffers", ["count": differ.count, "keys": some]))
                }
                return out
            }
            if quiet, HistoryIndex.modified(path) != stamp || FileManager.default.fileExists(atPath: path + "-wal") {
                return []
            }
            return found
        } catch let e as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(e.resultCode) {
            return problem(L10n.t("index.unreadable", ["error": describe(e)]))
        } catch {
            // Not ours to open (a directory one may only read, a read-only mount): nothing to compare.
            return []
        }
    }

    /// What the index recorded, read without catching up.
    struct ReadOnlyView {
        let dir: DataDirectory
        let db: Database

        /// Why the index is not current (bytes to read, a log rewritten), or nil.
        func behind() throws -> String? {
            let index = HistoryLogs(dir: dir)
            var known: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, off FROM logfile") { known[row["name"]] = row["off"] }
            var unread = 0
            for kind in LogKind.readOrder {
                for f in index.files(kind) { unread += max(0, FileIO.size(f) - (known[dir.logName(f)] ?? 0)) }
            }
            for (name, off) in known where FileIO.size(dir.logDir.appendingPathComponent(name)) < off {
                return L10n.t("index.rewritten", ["file": "log/\(name)"])
            }
            return unread > 0 ? L10n.t("index.behindBytes", ["bytes": unread]) : nil
        }
    }

    /// The file's size and modification time (nil when it is not there).
    static func modified(_ path: String) -> [Int]? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return [Int(st.st_size), st.st_mtim.tv_sec, st.st_mtim.tv_nsec]
    }
}
