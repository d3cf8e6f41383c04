import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A store opened `.actionsOnly` (the bounded workbench's) keeps no mention's folded state for the whole history:
/// what one write needs of a mention (is it claimed, by whom since when, what did others do since I opened it) is
/// folded from the actions logs when first asked for, and kept current by every tail read from then on.
extension Store {
    /// Whether an `.actionsOnly` store keeps `e` in `events`: all but one mention's triage (status, assignment,
    /// claim, tags, notes, replies recorded by hand, hand-offs, moderation) — unless a crisis is on, whose timeline
    /// shows everything from its start.
    func keepsEvent(_ e: AuditEvent) -> Bool {
        switch e.action {
        case .setStatus, .assign, .claim, .tag, .untag, .note, .reply, .handoff, .moderate, .handoffFollowUp:
            return crisisRuns.current != nil
        default:
            return true
        }
    }

    /// The first read of the actions logs in `.actionsOnly` mode. Most lines are one mention's triage, which this
    /// store does not keep while no crisis is on (`keepsEvent`) and nobody follows a mention yet: those lines are not
    /// decoded — their top-level fields are stepped over for the type and the clock (`triageClock`) — and the rest are
    /// decoded in runs as before. At ten million mentions this is the difference between decoding 1.6 million actions
    /// on every core beside the first frame and decoding the few hundred the queue, the crisis and the outbox need.
    /// A triage line that would not decode is not reported here (the index reports it: it reads every line).
    /// Whether the opening read steps over triage lines (off: every line decoded, as a test's reference).
    nonisolated(unsafe) public static var stepsOverTriage = true

    func ingestOpeningActions(_ lines: [LogLine], name: String, firstLine: Int, into changes: inout StoreChanges)
        throws
    {
        var pending: [LogLine] = []
        func flush() {
            guard !pending.isEmpty else { return }
            let results = RecordDecoder.decode(AuditEvent.self, lines: pending, fast: AuditEvent.fastDecode)
            for (line, r) in zip(pending, results) {
                switch r {
                case .success(let e):
                    if let s = e.stamp { clock.observe(s.hlc) }
                    changes.newEvents += 1
                    crisisRuns.apply(e)
                    if keepsEvent(e), !appendInOrder(e) { changes.reloaded = true }
                case .failure(let why):
                    if !line.isBlank { _warnings.append("\(name):\(firstLine + line.number): \(why)") }
                }
            }
            pending.removeAll(keepingCapacity: true)
        }
        for line in lines {
            let triage = line.bytes.withUnsafeBufferPointer { Store.triageClock($0) }
            guard let triage else {
                pending.append(line)
                continue
            }
            // Whether a crisis is on depends on the lines before this one.
            flush()
            if crisisRuns.current != nil {
                pending.append(line)
                continue
            }
            if let hlc = triage { clock.observe(Int64(hlc)) }
            changes.newEvents += 1
        }
        flush()
    }

    /// Whether an action line is one mention's triage (status, assignment, claim, tags, note, reply, hand-off,
    /// moderation: its top-level "type"), and then its clock reading (`hlc`, nil when it has none); nil for any other
    /// line, one of a newer version, or one this reader cannot step through (then it is decoded as before).
    static func triageClock(_ bytes: UnsafeBufferPointer<UInt8>) -> Int?? {
        var s = JSONScanner(bytes)
        var isTriage = false
        var hlc: Int?
        do {
            try s.beginObject()
            while let k = try s.nextKey() {
                if keyIs(k, "type") {
                    s.ws()
                    guard s.peek() == 34 else { return nil }
                    let t = try s.rawStringNoEscape()
                    isTriage = triageTypes.contains { keyIs(t, $0) }
                    if !isTriage { return nil }
                } else if keyIs(k, "hlc") {
                    hlc = try s.exactInt()
                } else if k.count == 1 && k[0] == 118 {
                    guard try s.int() <= AuditEvent.schemaVersion else { return nil }
                } else {
                    try s.skipValue()
                }
            }
            try s.end()
        } catch { return nil }
        return isTriage ? .some(hlc) : nil
    }

    /// The types `keepsEvent` leaves out while no crisis is on (`Action.typeName`), but the follow-ups' (decoded).
    static let triageTypes: [StaticString] = [
        "status", "assign", "claim", "tag", "untag", "note", "reply", "handoff", "moderate",
    ]

    /// Folds the events of mention `key` read so far (up to each actions log's cursor) and follows it from then on.
    /// Call holding `mutex`. The key is looked for as bytes first, so only the lines that name it are decoded.
    func follow(_ key: String) {
        guard followed[key] == nil else { return }
        do {
            let events = try readEvents(of: key)
            followed[key] = events
            var st = MentionState()
            for e in events { st.apply(e) }
            if !events.isEmpty { _states[key] = st }
        } catch {
            // Not followed: the next question reads the logs again.
            _warnings.append("log: the actions of \(key) could not be read: \(error)")
        }
    }

    /// The events about `key` in the actions logs before their cursors, in file order (as the fold applies them).
    func readEvents(of key: String) throws -> [AuditEvent] {
        let needle = Array(key.utf8)
        // A key written without escapes in JSON can be found as its bytes; any other is looked for in every line.
        let plain =
            !needle.isEmpty && needle.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C && $0 != 0x2F }
        var out: [AuditEvent] = []
        for file in logFiles(.actions) {
            guard let cur = cursors[file.path], cur.offset > 0 else { continue }
            var off = 0
            while off < cur.offset {
                var data = try FileIO.readBytes(file, from: off, count: min(cur.offset - off, Store.readBlock))
                if let nl = data.lastIndex(of: 10) {
                    data.removeSubrange((nl + 1)...)
                } else {
                    // A line longer than a block: up to the cursor (always at the end of a line).
                    data = try FileIO.readBytes(file, from: off, count: cur.offset - off)
                }
                guard !data.isEmpty else { break }
                off += data.count
                let lines = plain ? LineSplitter.lines(containing: needle, in: data) : LineSplitter.split(data)
                for r in RecordDecoder.decode(AuditEvent.self, lines: lines, fast: AuditEvent.fastDecode) {
                    if case .success(let e) = r, e.action.mention == key { out.append(e) }
                }
            }
        }
        return out
    }

    /// Events in the order `events` keeps them: those without a stamp first (in file order), then by stamp.
    static func inLogOrder(_ events: [AuditEvent]) -> [AuditEvent] {
        guard events.contains(where: { $0.stamp != nil }) else { return events }
        return events.enumerated().sorted { a, b in
            switch (a.element.stamp, b.element.stamp) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?): return x < y || (!(y < x) && a.offset < b.offset)
            }
        }.map(\.element)
    }
}

extension LineSplitter {
    /// The lines of `bytes` that contain `needle` (each once), numbered as `split` numbers them only among
    /// themselves: a filter before decoding, for a search that must decode to be sure.
    static func lines(containing needle: [UInt8], in bytes: [UInt8]) -> [LogLine] {
        var out: [LogLine] = []
        bytes.withUnsafeBufferPointer { b in
            needle.withUnsafeBufferPointer { n in
                guard let base = b.baseAddress, let nb = n.baseAddress, b.count >= n.count else { return }
                var i = 0
                while i + n.count <= b.count {
                    // The needle's first byte by `memchr`, then the rest compared (`memmem` is not in Glibc's module).
                    guard let p = memchr(base + i, Int32(nb[0]), b.count - i - n.count + 1) else { break }
                    let at = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    guard memcmp(base + at, nb, n.count) == 0 else {
                        i = at + 1
                        continue
                    }
                    var start = at
                    while start > 0, b[start - 1] != 10 { start -= 1 }
                    var end = at + n.count
                    if let q = memchr(base + end, 10, b.count - end) {
                        end = base.distance(to: q.assumingMemoryBound(to: UInt8.self))
                    } else {
                        end = b.count
                    }
                    out.append(LogLine(number: out.count, bytes: bytes[start..<end]))
                    i = end + 1
                }
            }
        }
        return out
    }
}
