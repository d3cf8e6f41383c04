import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reading: folding the log tails other processes appended, and repairing torn tails.
extension Store {
    func logFiles(_ kind: LogKind) -> [URL] { dir.logFiles(kind) }

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
            _ = try readAgainIfIndexFailed(into: &changes)
            return changes
        }
    }

    func refreshAll() throws -> StoreChanges {
        var changes = StoreChanges()
        for kind in [LogKind.mentions, .analysis, .actions] {
            for file in logFiles(kind) { _ = try readTail(file, kind: kind, into: &changes) }
        }
        return changes
    }

    func reset() {
        _mentions = []
        byKey = [:]
        keyIdentity = [:]
        keyIndex = nil
        indexAnswers = [:]
        _states = [:]
        _events = []
        followed = [:]
        crisisRuns = CrisisLog()
        cursors = [:]
    }

    enum TailResult { case ok, replaced }

    func readTail(_ file: URL, kind: LogKind, into changes: inout StoreChanges) throws -> TailResult {
        var st = stat()
        guard stat(file.path, &st) == 0 else { return .ok }
        let inode = UInt64(st.st_ino)
        let size = Int(st.st_size)
        var cur = cursors[file.path] ?? Cursor(offset: 0, inode: inode, line: 0)
        if cur.inode != inode || size < cur.offset {
            if cursors[file.path] != nil {
                guard size >= cur.offset, try appendedOnly(file, cur) else { return .replaced }
                cur.inode = inode
            } else {
                cur = Cursor(offset: 0, inode: inode, line: 0)
            }
        }
        guard size > cur.offset else { cursors[file.path] = cur; return .ok }
        // `.actionsOnly` reads no mentions; `.keysOnly` with a history index (`ingest`) only the mentions' keys.
        if mode == .actionsOnly ? kind != .actions : (keyIndex != nil && kind != .mentions) {
            // Not folded: only where the log ends now (and its last bytes, to tell a rewrite from an append).
            let keep = min(size, 256)
            let last = try FileIO.readBytes(file, from: size - keep, count: keep)
            cur.offset = size
            cur.tail = last
            cursors[file.path] = cur
            return .ok
        }
        // In blocks, so a large log never sits in memory twice. The bounded workbench's store keeps few of the
        // actions it decodes: smaller blocks, so the decoded ones of a block do not set its peak.
        let readBlock = mode == .actionsOnly ? Store.readBlock / 8 : Store.readBlock
        while cur.offset < size {
            var data = try FileIO.readBytes(file, from: cur.offset, count: min(size - cur.offset, readBlock))
            // Only complete lines: a writer may be between its write and our read.
            guard let lastNL = data.lastIndex(of: 10) else {
                if data.count < readBlock { break }
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

    /// Whether a log with a new inode still holds what was read of it (a git merge rewrote it with lines appended):
    /// the bytes before the cursor are those last read.
    func appendedOnly(_ file: URL, _ cur: Cursor) throws -> Bool {
        if cur.offset == 0 { return true }
        guard !cur.tail.isEmpty else { return false }
        return try FileIO.readBytes(file, from: cur.offset - cur.tail.count, count: cur.tail.count) == cur.tail
    }

    func consume(_ data: [UInt8], file: URL, kind: LogKind, cursor cur: inout Cursor, into changes: inout StoreChanges)
        throws
    {
        let firstLine = cur.line + 1
        let lines = LineSplitter.split(data)
        cur.offset += data.count
        cur.line += lines.count
        cur.keepTail(data)
        cursors[file.path] = cur
        try ingestLines(lines, kind: kind, file: file, firstLine: firstLine, into: &changes)
    }

    func ingestLines(_ lines: [LogLine], kind: LogKind, file: URL, firstLine: Int, into changes: inout StoreChanges)
        throws
    {
        let name = "log/" + dir.logName(file)
        switch kind {
        case .mentions:
            let decoded = RecordDecoder.decodeBatches(Mention.self, lines: lines, fast: Mention.fastDecode)
            if keyIndex != nil {
                // What the index holds of these (it may have caught up past this store's cursor meanwhile).
                forgetIndexAnswers()
                try lookUp(decoded.batches.flatMap { $0.records.map(\.key) }, inTail: true)
            }
            for batch in decoded.batches {
                for (i, m) in zip(batch.lines, batch.records) {
                    if let same = stored(m.key, identity: m.identity) {
                        // The same post stored twice (e.g. by two processes before dedupe existed): first wins.
                        if !same {
                            _warnings.append("\(name):\(firstLine + lines[i].number): key collision for \(m.key)")
                        }
                        continue
                    }
                    if mode == .keysOnly {
                        keyIdentity[m.key] = m.identity.hashValue
                        changes.newMentions.append(m.key)
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
            if mode == .keysOnly { return }
            for (i, r) in RecordDecoder.decode(AnalysisRecord.self, lines: lines).enumerated() {
                switch r {
                case .success(let a):
                    if let idx = byKey[a.key] {
                        _mentions[idx].analysis = a.analysis
                        changes.changedStates.insert(a.key)
                    }
                case .failure(let why):
                    if !lines[i].isBlank { _warnings.append("\(name):\(firstLine + lines[i].number): \(why)") }
                }
            }
        case .actions:
            if mode == .actionsOnly, opening, Store.stepsOverTriage {
                try ingestOpeningActions(lines, name: name, firstLine: firstLine, into: &changes)
                return
            }
            for (i, r) in RecordDecoder.decode(AuditEvent.self, lines: lines, fast: AuditEvent.fastDecode).enumerated()
            {
                switch r {
                case .success(let e):
                    if let s = e.stamp { clock.observe(s.hlc) }
                    changes.newEvents += 1
                    if mode == .actionsOnly {
                        // Only what is not one mention's triage, and the mentions asked about (`follow`).
                        crisisRuns.apply(e)
                        if keepsEvent(e), !appendInOrder(e) { changes.reloaded = true }
                        if let k = e.action.mention {
                            if followed[k] != nil {
                                followed[k]!.append(e)
                                _states[k, default: MentionState()].apply(e)
                            }
                            changes.changedStates.insert(k)
                        }
                        continue
                    }
                    if !appendInOrder(e) { changes.reloaded = true }
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

    /// Adds an event where the one order puts it: by (clock, site), records without a stamp first in file order.
    /// Another site's records can arrive later than this site's newer ones: false when the event went before others
    /// (those who fold `events` incrementally must fold again: `StoreChanges.reloaded`).
    func appendInOrder(_ e: AuditEvent) -> Bool {
        guard let s = e.stamp, let last = _events.last, let ls = last.stamp, s < ls else {
            if e.stamp == nil, _events.last?.stamp != nil { return insertSorted(e) }
            _events.append(e)
            return true
        }
        return insertSorted(e)
    }

    private func insertSorted(_ e: AuditEvent) -> Bool {
        // Upper bound: after every event not later than e (no stamp counts as earliest).
        func notLater(_ x: AuditEvent) -> Bool {
            guard let xs = x.stamp else { return true }
            guard let s = e.stamp else { return false }
            return xs <= s
        }
        var lo = 0
        var hi = _events.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if notLater(_events[mid]) { lo = mid + 1 } else { hi = mid }
        }
        _events.insert(e, at: lo)
        return lo == _events.count - 1
    }

    /// A read-only open: each log that ends in an incomplete record is a warning (nothing is moved).
    func reportTornTails() {
        for kind in LogKind.allCases {
            for file in logFiles(kind) {
                guard let fh = FileHandle(forReadingAtPath: file.path) else { continue }
                defer { try? fh.close() }
                guard let size = try? fh.seekToEnd(), size > 0, (try? fh.seek(toOffset: size - 1)) != nil,
                    fh.readData(ofLength: 1).first != 10
                else { continue }
                let name = dir.logName(file)
                _warnings.append(
                    "log/\(name): ends in an incomplete record (left by an interrupted write); "
                        + "run: switchboard doctor --fix (it moves the record to log/\(name).corrupt)"
                )
            }
        }
    }

    /// Moves an incomplete last line (a write cut short by a crash) into `FILE.corrupt`. Call holding the lock.
    func repairTornTails() throws {
        for kind in LogKind.allCases {
            for file in logFiles(kind) { try setAsideTornTail(file) }
        }
    }

    /// If `file` does not end with a newline, a writer died in the middle of its record: the incomplete line goes to
    /// `FILE.corrupt` (with a warning) and the file is cut back to its last complete record. Call holding the lock —
    /// also right before appending, so a record is never glued to the torn end left by another process that was
    /// killed while this one had the store open.
    func setAsideTornTail(_ file: URL) throws {
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
        _warnings.append(
            "log/\(dir.logName(file)): an incomplete last record (\(torn.count) bytes, left by an interrupted "
                + "write) was moved to log/\(dir.logName(file)).corrupt"
        )
    }

    /// Removes the temporary files of a compaction that was killed before it could rename them (`.NAME.tmp-PID-N`).
    /// Call holding the lock: compaction holds it from start to end, so no temp file beside the logs is in use then.
    func removeStaleTempFiles() {
        let fm = FileManager.default
        let top = (try? fm.contentsOfDirectory(atPath: dir.logDir.path)) ?? []
        let months = top.filter { DataDirectory.isMonth($0) }
        var names = top
        for m in months {
            names += ((try? fm.contentsOfDirectory(atPath: dir.logDir.path + "/" + m)) ?? []).map { m + "/" + $0 }
        }
        for name in names where (name as NSString).lastPathComponent.hasPrefix(".") && name.contains(".jsonl.tmp-") {
            if unlink(dir.logDir.appendingPathComponent(name).path) == 0 {
                _warnings.append("log/\(name): a temporary file left by an interrupted compaction was removed")
            }
        }
    }
}
