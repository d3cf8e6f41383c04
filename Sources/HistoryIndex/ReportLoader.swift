import Foundation
import GRDB
import SwitchboardCore

/// Where a record is and what the index keeps beside it (its latest analysis and its state, as JSON).
struct RecordPlace: Sendable {
    var key: String, file: String, off: Int, len: Int
    var analysis: Data?, state: Data?

    init(key: String, file: String, off: Int, len: Int, analysis: Data?, state: Data?) {
        (self.key, self.file, self.off, self.len, self.analysis, self.state) = (key, file, off, len, analysis, state)
    }

    init(_ row: Row) {
        (key, file, off, len) = (row["key"], row["fname"] ?? "?", row["off"], row["len"])
        (analysis, state) = (row["analysis"], row["state"])
    }
}

/// Reads the report's records from the logs on every core: each thread takes a run of records (in log order, with
/// its own reader and 1 MB blocks), decodes them with the fast decoders (the analysis and the state the index keeps
/// too), and works out what the report needs from each text (`ReportPrepared`: folded text, topic words).
enum ReportLoader {
    struct Loaded {
        var mentions: [Mention]
        var states: [String: MentionState]
        var prepared: ReportPrepared
    }

    /// `triageOnly`: the states hold only their status and first response (all the report reads of them).
    static func load(
        _ places: [RecordPlace], dir: DataDirectory, terms: @escaping (String) -> [String], triageOnly: Bool
    ) throws -> Loaded {
        let n = places.count
        let chunks = n < 2000 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let size = (n + chunks - 1) / chunks
        let box = Box(chunks)
        nonisolated(unsafe) let terms = terms
        let work: @Sendable (Int) -> Void = { c in
            let range = (c * size)..<min(n, (c + 1) * size)
            var part = Part()
            do {
                let reader = LogReader(dir: dir, readAhead: 1 << 20)
                for i in range {
                    let p = places[i]
                    let m = try record(p, reader)
                    part.mentions.append(m)
                    if let s = p.state { part.states.append((p.key, state(s, triageOnly: triageOnly))) }
                    part.folded.append(QueryText.fold(m.text))
                    part.terms.append(terms(m.text))
                }
            } catch { part.error = error }
            box.set(c, part)
        }
        if chunks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) }
        var out = Loaded(mentions: [], states: [:], prepared: ReportPrepared(folded: [], terms: []))
        out.mentions.reserveCapacity(n)
        out.prepared.folded.reserveCapacity(n)
        out.prepared.terms.reserveCapacity(n)
        for part in box.parts {
            if let e = part.error { throw e }
            out.mentions += part.mentions
            out.prepared.folded += part.folded
            out.prepared.terms += part.terms
            for (k, st) in part.states { out.states[k] = st }
        }
        return out
    }

    /// The share-of-voice bits (`VoiceTerms.bits`) of each record's text, read and folded on every core.
    static func voice(_ places: [RecordPlace], dir: DataDirectory, matchers: [ReportTerms.Matcher]) throws -> [Int64] {
        let n = places.count
        let chunks = n < 2000 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let size = (n + chunks - 1) / chunks
        let box = Box(chunks)
        let work: @Sendable (Int) -> Void = { c in
            var part = Part()
            do {
                let reader = LogReader(dir: dir, readAhead: 1 << 20)
                for i in (c * size)..<min(n, (c + 1) * size) {
                    part.voice.append(VoiceTerms.bits(QueryText.fold(try record(places[i], reader).text), matchers))
                }
            } catch { part.error = error }
            box.set(c, part)
        }
        if chunks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) }
        var out: [Int64] = []
        out.reserveCapacity(n)
        for part in box.parts {
            if let e = part.error { throw e }
            out += part.voice
        }
        return out
    }

    private struct Part {
        var mentions: [Mention] = [], states: [(String, MentionState)] = []
        var folded: [[UInt8]] = [], terms: [[String]] = []
        var voice: [Int64] = []
        var error: Error?
    }

    private final class Box: @unchecked Sendable {
        var parts: [Part]
        let lock = NSLock()
        init(_ n: Int) { parts = Array(repeating: Part(), count: n) }
        func set(_ i: Int, _ p: Part) { lock.withLock { parts[i] = p } }
    }

    static func record(_ p: RecordPlace, _ reader: LogReader) throws -> Mention {
        let bytes = try reader.read(p.file, at: p.off, count: p.len)
        var m = bytes.withUnsafeBufferPointer { Mention.fastDecode($0) }
        if m == nil { m = try? HistoryIndex.jsonDecoder.decode(Mention.self, from: Data(bytes)) }
        guard var m, m.key == p.key else {
            throw SwitchboardError(
                "the index points at a record that is not in log/\(p.file) any more; run: switchboard reindex")
        }
        if let a = p.analysis, let an = analysis(a) { m.analysis = an }
        return m
    }

    /// The analysis the index keeps (written with a plain `JSONEncoder`).
    static func analysis(_ data: Data) -> Analysis? {
        data.withUnsafeBytes { Analysis.fastDecode($0.bindMemory(to: UInt8.self)) }
            ?? (try? JSONDecoder().decode(Analysis.self, from: data))
    }

    static func state(_ data: Data, triageOnly: Bool) -> MentionState {
        if triageOnly, let st = data.withUnsafeBytes({ MentionState.fastDecodeTriage($0.bindMemory(to: UInt8.self)) }) {
            return st
        }
        return (try? JSONDecoder().decode(MentionState.self, from: data)) ?? MentionState()
    }
}
