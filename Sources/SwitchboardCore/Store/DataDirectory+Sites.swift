import Foundation

/// Sites: a data directory synchronised through git has a site name (kept in `local/site`, never synced), and
/// each site appends only to its own log segments, one per month: `log/YYYY-MM/SITE.KIND.jsonl`.
extension DataDirectory {
    /// What stays on this machine: the site name, sync state. Listed in the `.gitignore` `init` writes.
    public var localDir: URL { root.appendingPathComponent("local") }
    public var siteFile: URL { localDir.appendingPathComponent("site") }

    /// This data directory's site, or nil (a single-server team: the flat log layout, as before).
    public var site: String? {
        guard let d = FileManager.default.contents(atPath: siteFile.path) else { return nil }
        let s = String(decoding: d, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return s.isEmpty ? nil : s
    }

    /// Sets the site name (letters, digits, `-` and `_`; it names files).
    public func setSite(_ name: String) throws {
        try DataDirectory.checkSiteName(name)
        try FileIO.makeDirectory(localDir)
        try Data((name + "\n").utf8).write(to: siteFile, options: .atomic)
    }

    public static func checkSiteName(_ name: String) throws {
        let ok =
            !name.isEmpty && name.count <= 40
            && name.unicodeScalars.allSatisfy {
                ($0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_"))
            }
        guard ok, name.first != "-" else {
            throw SwitchboardError(
                "\(name): a site name is 1 to 40 letters, digits, - or _ (ASCII; it names log files), e.g. berlin")
        }
    }

    /// A site's segment of `kind` for `month` (`YYYY-MM`).
    public func segmentFile(_ kind: LogKind, month: String, site: String) -> URL {
        logDir.appendingPathComponent(month).appendingPathComponent("\(site).\(kind.rawValue).jsonl")
    }

    /// Every log file of `kind`, in the order the store reads them: the flat files (`KIND-YYYY-MM.jsonl`, written
    /// before the directory had a site), then each month's segments by month, then site.
    public func logFiles(_ kind: LogKind) -> [URL] {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: logDir.path)) ?? []).sorted()
        var files = names.filter { $0.hasPrefix(kind.rawValue + "-") && $0.hasSuffix(".jsonl") }
            .map { logDir.appendingPathComponent($0) }
        let suffix = ".\(kind.rawValue).jsonl"
        for month in names where DataDirectory.isMonth(month) {
            let sub = logDir.appendingPathComponent(month)
            let segs = ((try? fm.contentsOfDirectory(atPath: sub.path)) ?? []).filter {
                $0.hasSuffix(suffix) && !$0.hasPrefix(".")
            }
            files += segs.sorted().map { sub.appendingPathComponent($0) }
        }
        return files
    }

    /// The site that writes a segment (nil: a flat log file).
    public static func segmentSite(_ file: URL) -> String? {
        guard isMonth(file.deletingLastPathComponent().lastPathComponent) else { return nil }
        return file.lastPathComponent.split(separator: ".").first.map(String.init)
    }

    /// A log file's name relative to `log/` (`mentions-2026-12.jsonl`, `2026-12/berlin.mentions.jsonl`).
    public func logName(_ file: URL) -> String {
        let base = logDir.path + "/"
        let p = file.standardizedFileURL.path
        return p.hasPrefix(base) ? String(p.dropFirst(base.count)) : file.lastPathComponent
    }

    static func isMonth(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return u.count == 7 && u[4] == 45
            && u.enumerated().allSatisfy { $0.offset == 4 || (48...57).contains($0.element) }
    }
}
