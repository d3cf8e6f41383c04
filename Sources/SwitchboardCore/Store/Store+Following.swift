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
