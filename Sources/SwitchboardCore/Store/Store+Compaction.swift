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
    }

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
                            for (i, r) in RecordDecoder.decode(Mention.self, lines: lines, fast: Mention.fastDecode)
                                .enumerated()
                            {
                                switch r {
                                case .success(var m):
                                    guard seen.insert(m.key).inserted else { continue }
                                    if let a = latestAnalysis[m.key] { m.analysis = a; report.foldedAnalyses += 1 }
                                    var w = JSONWriter()
                                    m.fastEncode(into: &w)
                                    out += w.out
                                    out.append(10)
                                case .failure:
                                    if !lines[i].isBlank { bad += lines[i].bytes; bad.append(10); report.setAside += 1 }
                                }
                            }
                        } else {
                            for (i, r) in RecordDecoder.decode(
                                AuditEvent.self, lines: lines, fast: AuditEvent.fastDecode
                            ).enumerated() {
                                switch r {
                                case .success(let e):
                                    out += try enc.encode(e)
                                    out.append(10)
                                case .failure:
                                    if !lines[i].isBlank { bad += lines[i].bytes; bad.append(10); report.setAside += 1 }
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
