import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `refresh()` or a write found: new mentions and mentions whose state changed.
public struct StoreChanges: Sendable, Equatable {
    public var newMentions: [String] = []
    public var changedStates: Set<String> = []
    public var newEvents: Int = 0
    public var reloaded = false
    public init() {}
    public var isEmpty: Bool { newMentions.isEmpty && changedStates.isEmpty && newEvents == 0 && !reloaded }
    mutating func merge(_ o: StoreChanges) {
        newMentions += o.newMentions; changedStates.formUnion(o.changedStates); newEvents += o.newEvents; reloaded = reloaded || o.reloaded
    }
}

public struct IngestResult: Sendable, Equatable {
    public var added: [String] = []
    public var duplicates = 0
    public init() {}
}

/// A later analysis of a stored mention (one line of `log/analysis-YYYY-MM.jsonl`).
public struct AnalysisRecord: Codable, Sendable {
    public var schema: Int = 1
    public var key: String
    public var analysis: Analysis
    public init(key: String, analysis: Analysis) { self.key = key; self.analysis = analysis }
    enum CodingKeys: String, CodingKey { case schema = "v", key, analysis }
}

/// The data-directory store: append-only JSON Lines logs, folded into the current state, shared safely
/// between processes (flock + one write per record + fsync) and kept current by reading new log tails.
public final class Store: @unchecked Sendable {
    public let dir: DataDirectory
    private let mutex = NSRecursiveLock()

    private var _mentions: [Mention] = []
    private var byKey: [String: Int] = [:]
    private var _states: [String: MentionState] = [:]
    private var _events: [AuditEvent] = []
    private var _warnings: [String] = []
    private var cursors: [String: Cursor] = [:]
    /// What this process wrote since the last `refresh()` (another thread may be waiting to hear of it).
    private var ownChanges = StoreChanges()

    struct Cursor { var offset: Int; var inode: UInt64; var line: Int }

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
        let bytes = logFiles(.mentions).reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? Int) ?? 0) }
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

    // MARK: Reading

    func logFiles(_ kind: LogKind) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.logDir.path)) ?? []
        return names.filter { $0.hasPrefix(kind.rawValue + "-") && $0.hasSuffix(".jsonl") }.sorted()
            .map { dir.logDir.appendingPathComponent($0) }
    }

    /// Reads what other processes appended since the last look. Cheap when nothing changed (one stat per log file).
    @discardableResult
    public func refresh() throws -> StoreChanges {
        try mutex.withLock {
            var changes = ownChanges
            ownChanges = StoreChanges()
            // Mentions before analysis before actions, so everything refers to something already loaded.
            for kind in [LogKind.mentions, .analysis, .actions] {
                for file in logFiles(kind) {
                    switch try readTail(file, kind: kind, into: &changes) {
                    case .ok: break
                    case .replaced:
                        reset()
                        var c = try refreshAll()
                        c.reloaded = true
                        return c
                    }
                }
            }
            return changes
        }
    }

    private func refreshAll() throws -> StoreChanges {
        var changes = StoreChanges()
        for kind in [LogKind.mentions, .analysis, .actions] {
            for file in logFiles(kind) { _ = try readTail(file, kind: kind, into: &changes) }
        }
        return changes
    }

    private func reset() {
        _mentions = []; byKey = [:]; _states = [:]; _events = []; cursors = [:]
    }

    enum TailResult { case ok, replaced }

    private func readTail(_ file: URL, kind: LogKind, into changes: inout StoreChanges) throws -> TailResult {
        var st = stat()
        guard stat(file.path, &st) == 0 else { return .ok }
        let inode = UInt64(st.st_ino)
        let size = Int(st.st_size)
        var cur = cursors[file.path] ?? Cursor(offset: 0, inode: inode, line: 0)
        if cur.inode != inode || size < cur.offset {
            if cursors[file.path] != nil { return .replaced }
            cur = Cursor(offset: 0, inode: inode, line: 0)
        }
        guard size > cur.offset else { cursors[file.path] = cur; return .ok }
        // In blocks, so a large log never sits in memory twice.
        while cur.offset < size {
            var data = try FileIO.readBytes(file, from: cur.offset, count: min(size - cur.offset, Store.readBlock))
            // Only complete lines: a writer may be between its write and our read.
            guard let lastNL = data.lastIndex(of: 10) else {
                if data.count < Store.readBlock { break }
                // A single line longer than a block: read it whole.
                data = try FileIO.readBytes(file, from: cur.offset, count: size - cur.offset)
                guard let nl = data.lastIndex(of: 10) else { break }
                data.removeSubrange((nl + 1)...)
                try consume(data, file: file, kind: kind, cursor: &cur, into: &changes)
                continue
            }
            data.removeSubrange((lastNL + 1)...)
            try consume(data, file: file, kind: kind, cursor: &cur, into: &changes)
        }
        return .ok
    }

    static let readBlock = 8 << 20

    private func consume(_ data: [UInt8], file: URL, kind: LogKind, cursor cur: inout Cursor, into changes: inout StoreChanges) throws {
        let firstLine = cur.line + 1
        let lines = LineSplitter.split(data)
        cur.offset += data.count
        cur.line += lines.count
        cursors[file.path] = cur
        try ingestLines(lines, kind: kind, file: file, firstLine: firstLine, into: &changes)
    }

    private func ingestLines(_ lines: [LogLine], kind: LogKind, file: URL, firstLine: Int, into changes: inout StoreChanges) throws {
        let name = "log/" + file.lastPathComponent
        switch kind {
        case .mentions:
            let decoded = RecordDecoder.decodeBatches(Mention.self, lines: lines, fast: Mention.fastDecode)
            for batch in decoded.batches {
                for (i, m) in zip(batch.lines, batch.records) {
                    if let idx = byKey[m.key] {
                        // The same post stored twice (e.g. by two processes before dedupe existed): first wins.
                        if _mentions[idx].identity != m.identity { _warnings.append("\(name):\(firstLine + lines[i].number): key collision for \(m.key)") }
                        continue
                    }
                    byKey[m.key] = _mentions.count
                    _mentions.append(m)
                    changes.newMentions.append(m.key)
                }
            }
            for (i, why) in decoded.failures where !lines[i].isBlank {
                _warnings.append("\(name):\(firstLine + lines[i].number): \(why)")
            }
        case .analysis:
            for (i, r) in RecordDecoder.decode(AnalysisRecord.self, lines: lines).enumerated() {
                switch r {
                case .success(let a):
                    if let idx = byKey[a.key] { _mentions[idx].analysis = a.analysis; changes.changedStates.insert(a.key) }
                case .failure(let why):
                    if !lines[i].isBlank { _warnings.append("\(name):\(firstLine + lines[i].number): \(why)") }
                }
            }
        case .actions:
            for (i, r) in RecordDecoder.decode(AuditEvent.self, lines: lines, fast: AuditEvent.fastDecode).enumerated() {
                switch r {
                case .success(let e):
                    _events.append(e)
                    changes.newEvents += 1
                    if let k = e.action.mention {
                        _states[k, default: MentionState()].apply(e)
                        changes.changedStates.insert(k)
                    }
                case .failure(let why):
                    if !lines[i].isBlank { _warnings.append("\(name):\(firstLine + lines[i].number): \(why)") }
                }
            }
        }
    }

    /// Moves an incomplete last line (a write cut short by a crash) into `FILE.corrupt`. Call holding the lock.
    private func repairTornTails() throws {
        for kind in LogKind.allCases {
            for file in logFiles(kind) { try setAsideTornTail(file) }
        }
    }

    /// If `file` does not end with a newline, a writer died in the middle of its record: the incomplete line goes to
    /// `FILE.corrupt` (with a warning) and the file is cut back to its last complete record. Call holding the lock —
    /// also right before appending, so a record is never glued to the torn end left by another process that was
    /// killed while this one had the store open.
    private func setAsideTornTail(_ file: URL) throws {
        guard let fh = FileHandle(forUpdatingAtPath: file.path) else { return }
        defer { try? fh.close() }
        let size = try fh.seekToEnd()
        guard size > 0 else { return }
        try fh.seek(toOffset: size - 1)
        if fh.readData(ofLength: 1).first == 10 { return }
        // Find the last newline, reading backwards in blocks.
        var end = size
        var cut: UInt64 = 0
        search: while end > 0 {
            let start = end >= 65536 ? end - 65536 : 0
            try fh.seek(toOffset: start)
            let block = fh.readData(ofLength: Int(end - start))
            if let i = block.lastIndex(of: 10) { cut = start + UInt64(i - block.startIndex) + 1; break search }
            end = start
        }
        try fh.seek(toOffset: cut)
        let torn = fh.readDataToEndOfFile()
        let corrupt = URL(fileURLWithPath: file.path + ".corrupt")
        try FileIO.append([UInt8](torn) + [10], to: corrupt)
        try fh.truncate(atOffset: cut)
        try fh.synchronize()
        _warnings.append("log/\(file.lastPathComponent): an incomplete last record (\(torn.count) bytes, left by an interrupted write) was moved to log/\(corrupt.lastPathComponent)")
    }

    /// Removes the temporary files of a compaction that was killed before it could rename them (`.NAME.tmp-PID-N`).
    /// Call holding the lock: compaction holds it from start to end, so no temp file beside the logs is in use then.
    private func removeStaleTempFiles() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.logDir.path)) ?? []
        for name in names where name.hasPrefix(".") && name.contains(".jsonl.tmp-") {
            if unlink(dir.logDir.appendingPathComponent(name).path) == 0 {
                _warnings.append("log/\(name): a temporary file left by an interrupted compaction was removed")
            }
        }
    }

    // MARK: Writing

    private static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .switchboard
        e.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return e
    }

    private func appendLines<T: Encodable>(_ records: [T], kind: LogKind, now: Date, sync: Bool) throws {
        guard !records.isEmpty else { return }
        let enc = Store.encoder()
        var bytes = [UInt8]()
        bytes.reserveCapacity(records.count * 400)
        for r in records {
            bytes.append(contentsOf: try enc.encode(r))
            bytes.append(10)
        }
        let file = appendTarget(kind, now: now)
        try setAsideTornTail(file)
        try FileIO.append(bytes, to: file, sync: sync)
    }

    /// The log file new records of `kind` go to: this month's — unless the clock went back across a month boundary,
    /// then the newest existing one, so that the order of the files stays the order of the appends (the fold applies
    /// them in file order: a later action must never land in an earlier file). Call holding the lock.
    func appendTarget(_ kind: LogKind, now: Date) -> URL {
        let file = dir.logFile(kind, month: Timestamp.monthKey(now))
        if let newest = logFiles(kind).last, newest.lastPathComponent > file.lastPathComponent { return newest }
        return file
    }

    /// Stores new mentions, once each: a post already stored (same platform and id), or twice in the batch,
    /// counts as a duplicate. One locked, fsynced write for the whole batch; done when it returns.
    @discardableResult
    public func ingest(_ batch: [Mention], now: Date = Date()) throws -> IngestResult {
        try mutex.withLock {
            try FileIO.withLock(dir.lockFile) {
                ownChanges.merge(try refreshUnlockedTails())
                var result = IngestResult()
                var fresh: [Mention] = []
                var pending: [String: String] = [:]  // key → identity, for this batch
                for var m in batch {
                    m.key = uniqueKey(for: m, pending: pending)
                    if byKey[m.key] != nil || pending[m.key] != nil { result.duplicates += 1; continue }
                    pending[m.key] = m.identity
                    fresh.append(m)
                }
                var w = JSONWriter()
                w.out.reserveCapacity(fresh.count * 450)
                for m in fresh { m.fastEncode(into: &w); w.out.append(10) }
                guard !w.out.isEmpty else { return result }
                let file = appendTarget(.mentions, now: now)
                try setAsideTornTail(file)
                try FileIO.append(w.out, to: file)
                // We hold the lock and had read everything before: what follows our cursor is exactly what we wrote.
                if !adoptOwnAppend(file: file, bytes: w.out.count, lines: fresh.count) { ownChanges.merge(try refreshUnlockedTails()) }
                else {
                    // Geometric growth: an exact reserve per batch reallocated and copied the whole array every
                    // batch (quadratic: 1M mentions in batches of 5,000 took minutes).
                    if _mentions.capacity < _mentions.count + fresh.count {
                        _mentions.reserveCapacity(max(_mentions.count + fresh.count, _mentions.capacity * 2))
                    }
                    for m in fresh { byKey[m.key] = _mentions.count; _mentions.append(m) }
                }
                ownChanges.newMentions += fresh.map(\.key)
                result.added = fresh.map(\.key)
                return result
            }
        }
    }

    /// The key for a mention: derived from platform and id, with a suffix in the (rare) case of a hash collision.
    private func uniqueKey(for m: Mention, pending: [String: String]) -> String {
        var key = MentionKey.make(platform: m.platform, id: m.id)
        var n = 1
        while true {
            if let idx = byKey[key], _mentions[idx].identity != m.identity {
                n += 1; key = MentionKey.make(platform: m.platform, id: m.id + "#\(n)"); continue
            }
            if let p = pending[key], p != m.identity {
                n += 1; key = MentionKey.make(platform: m.platform, id: m.id + "#\(n)"); continue
            }
            return key
        }
    }

    /// Moves our cursor over a record batch we just appended (holding the lock), so we don't read it back.
    private func adoptOwnAppend(file: URL, bytes: Int, lines: Int) -> Bool {
        var st = stat()
        guard stat(file.path, &st) == 0 else { return false }
        var cur = cursors[file.path] ?? Cursor(offset: 0, inode: UInt64(st.st_ino), line: 0)
        guard cur.inode == UInt64(st.st_ino), cur.offset + bytes == Int(st.st_size) else { return false }
        cur.offset += bytes
        cur.line += lines
        cursors[file.path] = cur
        return true
    }

    private func refreshUnlockedTails() throws -> StoreChanges {
        var changes = StoreChanges()
        for kind in [LogKind.mentions, .analysis, .actions] {
            for file in logFiles(kind) {
                if case .replaced = try readTail(file, kind: kind, into: &changes) {
                    reset(); return try refreshAll()
                }
            }
        }
        return changes
    }

    /// Records actions by `actor`; durable (fsynced) when it returns. The returned events are in the state already.
    @discardableResult
    public func record(_ actions: [Action], actor: String, now: Date = Date()) throws -> [AuditEvent] {
        let events = actions.map { AuditEvent(at: now, actor: actor, action: $0) }
        try mutex.withLock {
            try FileIO.withLock(dir.lockFile) {
                ownChanges.merge(try refreshUnlockedTails())
                try appendLines(events, kind: .actions, now: now, sync: true)
                ownChanges.merge(try refreshUnlockedTails())
            }
        }
        return events
    }

    /// Records new analysis results for stored mentions.
    public func recordAnalysis(_ records: [AnalysisRecord], now: Date = Date()) throws {
        try mutex.withLock {
            try FileIO.withLock(dir.lockFile) {
                ownChanges.merge(try refreshUnlockedTails())
                try appendLines(records, kind: .analysis, now: now, sync: true)
                ownChanges.merge(try refreshUnlockedTails())
            }
        }
    }

    /// Checks a condition and records actions atomically with respect to other processes
    /// (e.g. "nobody else changed this mention since I opened it"). `check` sees the state after reading every tail.
    @discardableResult
    public func recordIf(_ actions: [Action], actor: String, now: Date = Date(), check: (Store) throws -> Void) throws -> [AuditEvent] {
        let events = actions.map { AuditEvent(at: now, actor: actor, action: $0) }
        try mutex.withLock {
            try FileIO.withLock(dir.lockFile) {
                ownChanges.merge(try refreshUnlockedTails())
                try check(self)
                try appendLines(events, kind: .actions, now: now, sync: true)
                ownChanges.merge(try refreshUnlockedTails())
            }
        }
        return events
    }

    // MARK: Compaction

    public struct CompactionReport: Sendable { public var files = 0; public var bytesBefore = 0; public var bytesAfter = 0; public var foldedAnalyses = 0; public var setAside = 0 }

    /// Rewrites the logs in compact form: analysis updates folded into their mentions, duplicate mention
    /// records dropped, every record in canonical one-line form; lines that don't parse go to `FILE.corrupt`.
    /// The actions log keeps every event (it is the history).
    public func compact() throws -> CompactionReport {
        try mutex.withLock {
            try FileIO.withLock(dir.lockFile) {
                var report = CompactionReport()
                var latestAnalysis: [String: Analysis] = [:]
                var analysisFiles: [URL] = []
                for f in logFiles(.analysis) {
                    let data = try Data(contentsOf: f)
                    for r in RecordDecoder.decode(AnalysisRecord.self, lines: LineSplitter.split(data)) {
                        if case .success(let a) = r { latestAnalysis[a.key] = a.analysis }
                    }
                    analysisFiles.append(f)
                }
                let enc = Store.encoder()
                var seen = Set<String>()
                for kind in [LogKind.mentions, .actions] {
                    for f in logFiles(kind) {
                        let data = try Data(contentsOf: f)
                        report.files += 1
                        report.bytesBefore += data.count
                        var out = [UInt8]()
                        var bad = [UInt8]()
                        let lines = LineSplitter.split(data)
                        if kind == .mentions {
                            for (i, r) in RecordDecoder.decode(Mention.self, lines: lines, fast: Mention.fastDecode).enumerated() {
                                switch r {
                                case .success(var m):
                                    guard seen.insert(m.key).inserted else { continue }
                                    if let a = latestAnalysis[m.key] { m.analysis = a; report.foldedAnalyses += 1 }
                                    var w = JSONWriter(); m.fastEncode(into: &w); out += w.out; out.append(10)
                                case .failure: if !lines[i].isBlank { bad += lines[i].bytes; bad.append(10); report.setAside += 1 }
                                }
                            }
                        } else {
                            for (i, r) in RecordDecoder.decode(AuditEvent.self, lines: lines, fast: AuditEvent.fastDecode).enumerated() {
                                switch r {
                                case .success(let e): out += try enc.encode(e); out.append(10)
                                case .failure: if !lines[i].isBlank { bad += lines[i].bytes; bad.append(10); report.setAside += 1 }
                                }
                            }
                        }
                        if !bad.isEmpty { try FileIO.append(bad, to: URL(fileURLWithPath: f.path + ".corrupt")) }
                        try FileIO.writeDocument(Data(out), to: f)
                        report.bytesAfter += out.count
                    }
                }
                // The analyses now live in the mention records.
                for f in analysisFiles { report.bytesBefore += (try? Data(contentsOf: f).count) ?? 0; unlink(f.path) }
                FileIO.syncDirectory(dir.logDir)
                reset()
                _warnings = []
                _ = try refreshAll()
                return report
            }
        }
    }
}
