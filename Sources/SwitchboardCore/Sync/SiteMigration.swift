import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Moves a single-site data directory's flat logs (`log/KIND-YYYY-MM.jsonl`) into the site's monthly segments
/// (`log/YYYY-MM/SITE.KIND.jsonl`), in place, every record kept byte for byte (a rename; where the site already has
/// that month's segment, the flat records go before its own).
public enum SiteMigration {
    public struct Report: Sendable, Equatable {
        public var moved: [String] = []
    }

    public static func migrate(_ dir: DataDirectory, site: String) throws -> Report {
        try DataDirectory.checkSiteName(site)
        try FileIO.makeDirectory(dir.logDir)
        return try FileIO.withLock(dir.lockFile) {
            var report = Report()
            for kind in LogKind.allCases {
                for file in dir.logFiles(kind) where DataDirectory.segmentSite(file) == nil {
                    let name = file.lastPathComponent
                    let month = String(name.dropFirst(kind.rawValue.count + 1).dropLast(".jsonl".count))
                    guard DataDirectory.isMonth(month) else { continue }
                    let target = dir.segmentFile(kind, month: month, site: site)
                    try FileIO.makeDirectory(target.deletingLastPathComponent())
                    if FileManager.default.fileExists(atPath: target.path) {
                        let w = try AtomicWriter(target)
                        do {
                            try copy(file, into: w)
                            try copy(target, into: w)
                            try w.commit()
                        } catch {
                            w.abandon()
                            throw error
                        }
                        unlink(file.path)
                    } else if rename(file.path, target.path) != 0 {
                        throw SwitchboardError("cannot move \(file.path) to \(target.path): \(FileIO.errnoText())")
                    }
                    FileIO.syncDirectory(target.deletingLastPathComponent())
                    report.moved.append("log/\(name) → log/\(dir.logName(target))")
                }
            }
            FileIO.syncDirectory(dir.logDir)
            return report
        }
    }

    static func copy(_ file: URL, into w: AtomicWriter) throws {
        let size = FileIO.size(file)
        var off = 0
        while off < size {
            let b = try FileIO.readBytes(file, from: off, count: min(size - off, 8 << 20))
            if b.isEmpty { break }
            try w.write(b)
            off += b.count
        }
    }
}
