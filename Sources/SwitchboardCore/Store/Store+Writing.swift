import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writing: storing mentions and recording actions and analyses (locked, fsynced appends).
extension Store {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .switchboard
        e.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return e
    }

    func appendLines<T: Encodable>(_ records: [T], kind: LogKind, now: Date, sync: Bool) throws {
        guard !records.isEmpty else { return }
        let enc = Store.encoder()
        var bytes = [UInt8]()
        bytes.reserveCapacity(records.count * 400)
        for r in records { bytes.append(contentsOf: try enc.encode(r)); bytes.append(10) }
        let file = appendTarget(kind, now: now)
        try setAsideTornTail(file)
        try FileIO.append(bytes, to: file, sync: sync)
    }

    /// The log file new records of `kind` go to: this month's — unless the clock went back across a month boundary,
    /// then the newest existing one, so that the order of the files stays the order of the appends (the fold applies
    /// them in file order: a later action must never land in an earlier file). Call holding the lock.
    /// With a site, only that site's segments (`log/YYYY-MM/SITE.KIND.jsonl`) are written to.
    func appendTarget(_ kind: LogKind, now: Date) -> URL {
        let month = Timestamp.monthKey(now)
        guard let site else {
            let file = dir.logFile(kind, month: month)
            if let newest = logFiles(kind).last(where: { DataDirectory.segmentSite($0) == nil }),
                newest.lastPathComponent > file.lastPathComponent
            {
                return newest
            }
            return file
        }
        let file = dir.segmentFile(kind, month: month, site: site)
        if let newest = logFiles(kind).last(where: { DataDirectory.segmentSite($0) == site }),
            dir.logName(newest) > dir.logName(file)
        {
            return newest
        }
        try? FileIO.makeDirectory(file.deletingLastPathComponent())
        return file
    }

    /// Events for `actions`, stamped with this site and its clock when the directory has a site. Call holding
    /// the lock, after reading every tail (the clock must have seen every record).
    func stampedEvents(_ actions: [Action], actor: String, now: Date) -> [AuditEvent] {
        actions.map { a in
            let stamp = site.map { LogStamp(hlc: clock.tick(now: now), site: $0) }
            return AuditEvent(at: now, actor: actor, action: a, stamp: stamp)
        }
    }

    /// Stores new mentions, once each: a post already stored (same platform and id), or twice in the batch,
    /// counts as a duplicate. One locked, fsynced write for the whole batch; done when it returns.
    @discardableResult
    public func ingest(_ batch: [Mention], now: Date = Date()) throws -> IngestResult {
        guard mode != .actionsOnly else {
            throw SwitchboardError("\(dir.root.path): the store was opened for actions only")
        }
        return try mutex.withLock {
            try withWriteLock {
                ownChanges.merge(try refreshUnlockedTails())
                var result = IngestResult()
                var fresh: [Mention] = []
                var pending: [String: String] = [:]  // key → identity, for this batch
                if keyIndex != nil {
                    // The history index is asked about the whole batch at once.
                    forgetIndexAnswers()
                    try lookUp(batch.map { MentionKey.make(platform: $0.platform, id: $0.id) })
                }
                for var m in batch {
                    // Handles are stored without a leading `@`, whichever source sent them (Mastodon's `@acct`).
                    if let h = m.author?.handle, h.first == "@" || h.first == " " {
                        m.author?.handle = Author.normalized(handle: h)
                    }
                    m.key = try uniqueKey(for: m, pending: pending)
                    if isStored(m.key) || pending[m.key] != nil { result.duplicates += 1; continue }
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
                // We hold the lock and appended last: our lines end where the file ends.
                var st = stat()
                if stat(file.path, &st) == 0, Int(st.st_size) >= w.out.count {
                    result.appended = AppendedMentions(
                        file: file, offset: Int(st.st_size) - w.out.count, bytes: w.out, mentions: fresh)
                }
                // We hold the lock and had read everything before: what follows our cursor is exactly what we wrote.
                if !adoptOwnAppend(file: file, bytes: w.out, lines: fresh.count) {
                    ownChanges.merge(try refreshUnlockedTails())
                } else if mode == .keysOnly {
                    for m in fresh { keyIdentity[m.key] = m.identity.hashValue }
                } else {
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
    func uniqueKey(for m: Mention, pending: [String: String]) throws -> String {
        var key = MentionKey.make(platform: m.platform, id: m.id)
        var n = 1
        while true {
            try lookUp([key])
            if stored(key, identity: m.identity) == false {
                n += 1
                key = MentionKey.make(platform: m.platform, id: m.id + "#\(n)")
                continue
            }
            if let p = pending[key], p != m.identity {
                n += 1
                key = MentionKey.make(platform: m.platform, id: m.id + "#\(n)")
                continue
            }
            return key
        }
    }

    /// Moves our cursor over a record batch we just appended (holding the lock), so we don't read it back.
    func adoptOwnAppend(file: URL, bytes: [UInt8], lines: Int) -> Bool {
        var st = stat()
        guard stat(file.path, &st) == 0 else { return false }
        var cur = cursors[file.path] ?? Cursor(offset: 0, inode: UInt64(st.st_ino), line: 0)
        guard cur.inode == UInt64(st.st_ino), cur.offset + bytes.count == Int(st.st_size) else { return false }
        cur.offset += bytes.count
        cur.line += lines
        cur.keepTail(bytes)
        cursors[file.path] = cur
        return true
    }

    func refreshUnlockedTails() throws -> StoreChanges {
        var changes = StoreChanges()
        for kind in [LogKind.mentions, .analysis, .actions] {
            for file in logFiles(kind) {
                if case .replaced = try readTail(file, kind: kind, into: &changes) { reset(); return try refreshAll() }
            }
        }
        _ = try readAgainIfIndexFailed(into: &changes)
        return changes
    }

    /// Records actions by `actor`; durable (fsynced) when it returns. The returned events are in the state already.
    @discardableResult
    public func record(_ actions: [Action], actor: String, now: Date = Date()) throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        try mutex.withLock {
            try withWriteLock {
                ownChanges.merge(try refreshUnlockedTails())
                events = stampedEvents(actions, actor: actor, now: now)
                try appendLines(events, kind: .actions, now: now, sync: true)
                ownChanges.merge(try refreshUnlockedTails())
            }
        }
        return events
    }

    /// Records new analysis results for stored mentions.
    public func recordAnalysis(_ records: [AnalysisRecord], now: Date = Date()) throws {
        try mutex.withLock {
            try withWriteLock {
                ownChanges.merge(try refreshUnlockedTails())
                try appendLines(records, kind: .analysis, now: now, sync: true)
                ownChanges.merge(try refreshUnlockedTails())
            }
        }
    }

    /// Checks a condition and records actions atomically with respect to other processes
    /// (e.g. "nobody else changed this mention since I opened it"). `check` sees the state after reading every tail.
    @discardableResult
    public func recordIf(_ actions: [Action], actor: String, now: Date = Date(), check: (Store) throws -> Void) throws
        -> [AuditEvent]
    {
        var events: [AuditEvent] = []
        try mutex.withLock {
            try withWriteLock {
                ownChanges.merge(try refreshUnlockedTails())
                try check(self)
                events = stampedEvents(actions, actor: actor, now: now)
                try appendLines(events, kind: .actions, now: now, sync: true)
                ownChanges.merge(try refreshUnlockedTails())
            }
        }
        return events
    }
}
