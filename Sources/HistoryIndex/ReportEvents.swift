import Foundation
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// Which lines of the actions logs the report reads (`HistoryIndex.events(keep:)`). The report reads publishing
/// (`queue_*`, outbox, replies), crisis runs, post metrics and — the CLI, to choose its way — contact merges; the
/// triage of single mentions (status, assignment, tags, notes, hand-offs, claims, moderation) it takes from the
/// index's rows instead. At 1M mentions a team's triage is most of the log, and decoding every line was a tenth of
/// the report's time (docs/performance.md, "Phase 10").
public enum ReportEvents {
    /// The action types the report never reads from the log.
    static let skipped: Set<[UInt8]> = Set(
        ["status", "assign", "claim", "tag", "untag", "note", "handoff", "moderate"].map { Array($0.utf8) })

    private static let marker = Array(#""type":""#.utf8)

    /// False only for a line whose one `"type":"…"` names a skipped action. A line with more than one (a nested
    /// object with a type), with the key written otherwise (spaces: another writer) or none is decoded.
    public static func keep(_ line: ArraySlice<UInt8>) -> Bool {
        line.withUnsafeBufferPointer { b -> Bool in
            guard let base = b.baseAddress else { return true }
            var found: Int?
            var from = 0
            // Found by its `p` (a rarer byte than the quotes around every key and value).
            while from < b.count {
                guard let p = memchr(base + from, Int32(UInt8(ascii: "p")), b.count - from) else { break }
                let k = UnsafePointer<UInt8>(p.assumingMemoryBound(to: UInt8.self)) - base
                from = k + 1
                let at = k - 3  // `"ty` before it
                guard at >= 0, at + marker.count <= b.count, memcmp(base + at, marker, marker.count) == 0 else {
                    continue
                }
                if found != nil { return true }
                found = at
            }
            guard let at = found else { return true }
            let start = at + marker.count
            var end = start
            while end < b.count, b[end] != UInt8(ascii: "\""), b[end] != UInt8(ascii: "\\") { end += 1 }
            guard end < b.count, b[end] == UInt8(ascii: "\"") else { return true }
            return !skipped.contains(Array(b[start..<end]))
        }
    }
}
