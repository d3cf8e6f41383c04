import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Compaction: rewriting the logs in compact, canonical form.
extension Store {
    public struct CompactionReport: Sendable {
        public var files = 0
        public var bytesBefore = 0
        public var bytesAfter = 0
        public var foldedAnalyses = 0
        public var setAside = 0
        /// Lines written by a newer version of Switchboard: kept byte for byte where they were.
        public var newerKept = 0
    }

    /// Rewrites the logs in compact form: analysis updates folded into their mentions, duplicate mention
    /// records dropped, every record in canonical one-line form; lines that don't parse go to `FILE.corrupt`, lines
    /// a newer version wrote stay as they are. The actions log keeps every event (it is the history).
    /// Streams: each log is read block by block and its new content written to a temporary file as it goes (renamed
    /// over the log at the end, under the lock), so memory stays bounded (the keys seen and the latest analyses).
    public func compact() throws -> CompactionReport {
        try mutex.withLock {
            try withWriteLock {
                var report = CompactionReport()
                var latestAnalysis: [String: Analysis] = [:]
                // With a site, an analysis may be of another site's mention: the analysis logs stay.
                var keepAnalysis = site != nil
                let analysisFiles = ownLogFiles(.analysis)
                for f in analysisFiles {
                    try LineBlocks.forEach(f) { lines, _ in
                        for r in RecordDecoder.decode(AnalysisRecord.self, lines: lines) {
                            switch r {
                            case .success(let a): latestAnalysis[a.key] = a.analysis
                            case .failure(let e): if e.newerVersion { keepAnalysis = true }
                            }
                        }
                    }
                }
                var seen = Set<String>()
                for kind in [LogKind.mentions, .actions] {
                    for f in ownLogFiles(kind) {
                        try compactFile(f, kind: kind, latestAnalysis: latestAnalysis, seen: &seen, into: &report)
                    }
                }
                // The analyses now live in the mention records — unless a newer version wrote some of them: then
                // the analysis logs stay as they are (folding again later is harmless).
                if !keepAnalysis {
                    for f in analysisFiles { report.bytesBefore += FileIO.size(f); unlink(f.path) }
                }
                FileIO.syncDirectory(dir.logDir)
                reset()
                _warnings = []
                _ = try refreshAll()
                return report
            }
        }
    }

    /// The logs compaction may rewrite: with a site only its own segments (the others' belong to their sites, and
    /// rewriting them would make git merge two writers' lines); without, every (flat) log.
    func ownLogFiles(_ kind: LogKind) -> [URL] {
        guard let site else { return logFiles(kind) }
        return logFiles(kind).filter { DataDirectory.segmentSite($0) == site }
    }

    func compactFile(
        _ f: URL, kind: LogKind, latestAnalysis: [String: Analysis], seen: inout Set<String>,
        into report: inout CompactionReport
    ) throws {
        report.files += 1
        report.bytesBefore += FileIO.size(f)
        let writer = try AtomicWriter(f)
        let enc = Store.encoder()
        var written = 0
        var bad = [UInt8]()
        do {
            try LineBlocks.forEach(f) { lines, _ in
                var out = [UInt8]()
                func keep(_ i: Int, _ e: LineError) {
                    guard !lines[i].isBlank else { return }
                    if e.newerVersion {
                        // Not ours to rewrite: byte for byte, in its place.
                        out += lines[i].bytes
                        out.append(10)
                        report.newerKept += 1
                    } else {
                        bad += lines[i].bytes; bad.append(10); report.setAside += 1
                    }
                }
                if kind == .mentions {
                    let rs = RecordDecoder.decode(Mention.self, lines: lines, fast: Mention.fastDecode)
                    for (i, r) in rs.enumerated() {
                        switch r {
                        case .success(var m):
                            guard seen.insert(m.key).inserted else { continue }
                            if let a = latestAnalysis[m.key] { m.analysis = a; report.foldedAnalyses += 1 }
                            var w = JSONWriter()
                            m.fastEncode(into: &w)
                            out += w.out
                            out.append(10)
                        case .failure(let e): keep(i, e)
                        }
                    }
                } else {
                    let rs = RecordDecoder.decode(AuditEvent.self, lines: lines, fast: AuditEvent.fastDecode)
                    for (i, r) in rs.enumerated() {
                        switch r {
                        case .success(let e):
                            out += try enc.encode(e)
                            out.append(10)
                        case .failure(let e): keep(i, e)
                        }
                    }
                }
                try writer.write(out)
                written += out.count
            }
            if !bad.isEmpty { try FileIO.append(bad, to: URL(fileURLWithPath: f.path + ".corrupt")) }
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
        report.bytesAfter += written
    }
}
