import Foundation

/// `switchboard doctor`: checks a data directory and lists each problem with its file (and line).
public enum Doctor {
    public struct Finding: Sendable, CustomStringConvertible {
        public enum Level: String, Sendable { case problem, note }
        public var level: Level
        /// Path relative to the data directory, with `:LINE` when known.
        public var place: String
        public var message: String
        public var description: String { "\(place): \(message)" }
        public init(level: Level, place: String, message: String) {
            (self.level, self.place, self.message) = (level, place, message)
        }
    }

    public static func check(_ dir: DataDirectory) -> [Finding] {
        var out: [Finding] = []
        func problem(_ p: String, _ m: String) { out.append(Finding(level: .problem, place: p, message: m)) }
        func note(_ p: String, _ m: String) { out.append(Finding(level: .note, place: p, message: m)) }
        let fm = FileManager.default

        guard fm.fileExists(atPath: dir.root.path) else {
            problem(dir.root.path, L10n.t("doctor.noDirectory"))
            return out
        }
        if access(dir.root.path, W_OK) != 0 { problem(".", L10n.t("doctor.notWritable")) }

        // Human-edited documents.
        var secrets = Set<String>()
        if !fm.fileExists(atPath: dir.teamFile.path) {
            problem("team.json", L10n.t("doctor.missing"))
        } else {
            do {
                let team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
                secrets = checkSecrets(team, dir, problem)
                var ids = Set<String>()
                for s in team.sources where !ids.insert(s.id).inserted {
                    problem("team.json", L10n.t("doctor.sourceTwice", ["id": s.id]))
                }
                for s in team.sources where s.interval != nil && SourceConfig.parseDuration(s.interval!) == nil {
                    problem("team.json", L10n.t("doctor.badInterval", ["id": s.id, "interval": s.interval!]))
                }
                for p in team.routingProblems { problem("team.json", p) }
                // A team across servers: a source without a home is polled and posted to by every site.
                if let site = dir.site {
                    for src in team.sources where src.isEnabled && src.home == nil {
                        note("team.json", L10n.t("doctor.noHome", ["id": src.id, "site": site]))
                    }
                }
                for p in team.eventProblems { problem("team.json", p) }
            } catch { problem("team.json", strip(error, dir)) }
        }
        for f in jsonFiles(dir.templatesDir) {
            do { _ = try FileIO.readDocument(ReplyTemplate.self, from: f) } catch {
                problem(rel(f, dir), strip(error, dir))
            }
        }
        for p in PlaybookLibrary.load(dir).problems { problem(p.file, p.message) }
        for f in GitSync.rememberedConflicts(dir) {
            problem(f, L10n.t("doctor.syncConflict", ["file": f]))
        }
        for sub in ["drafts", "state"] {
            for f in jsonFiles(dir.root.appendingPathComponent(sub)) {
                if let data = try? Data(contentsOf: f), let (l, c, why) = FileIO.syntaxErrorPosition(data) {
                    problem(rel(f, dir) + ":\(l):\(c)", why)
                }
            }
        }

        // Logs: read the store (read-only: nothing is created, repaired or locked) and report every line that does
        // not parse, every record from a newer version and every torn tail.
        do {
            let store = try Store(dir: dir, mode: .readOnly)
            for w in store.warnings {
                if w.contains("ends in an incomplete record") {
                    problem(String(w.prefix { $0 != ":" }), String(w.drop { $0 != ":" }.dropFirst(2)))
                } else if w.contains("was moved to") || w.contains("was removed") {
                    note(String(w.prefix { $0 != ":" }), String(w.drop { $0 != ":" }.dropFirst(2)))
                } else {
                    let parts = w.split(separator: ":", maxSplits: 2).map(String.init)
                    if parts.count == 3 {
                        problem(parts[0] + ":" + parts[1], parts[2].trimmingCharacters(in: .whitespaces))
                    } else {
                        problem("log", w)
                    }
                }
            }
        } catch { problem("log", "\(error)") }
        let logNames = (try? fm.contentsOfDirectory(atPath: dir.logDir.path)) ?? []
        for n in logNames.sorted() where n.hasSuffix(".corrupt") {
            let lines = ((try? Data(contentsOf: dir.logDir.appendingPathComponent(n))) ?? Data()).reduce(0) {
                $1 == 10 ? $0 + 1 : $0
            }
            note("log/" + n, L10n.t("doctor.setAside", ["lines": lines]))
        }

        for p in staleTempFiles(dir) {
            problem(p, L10n.t("doctor.staleTemp"))
        }

        // Permissions.
        var st = stat()
        let shared = stat(dir.root.path, &st) == 0 && st.st_mode & S_ISGID != 0
        if fm.fileExists(atPath: dir.secretsDir.path), stat(dir.secretsDir.path, &st) == 0, st.st_mode & 0o007 != 0 {
            let mode = String(st.st_mode & 0o7777, radix: 8)
            problem("secrets", L10n.t("doctor.secretsOpen", ["mode": mode, "path": dir.secretsDir.path]))
        }
        let walker = fm.enumerator(atPath: dir.root.path)
        while let p = walker?.nextObject() as? String {
            let full = dir.root.appendingPathComponent(p).path
            guard lstat(full, &st) == 0 else { continue }
            let mode = st.st_mode & 0o7777
            let isDir = (st.st_mode & S_IFMT) == S_IFDIR
            if p == "secrets" { continue }  // checked above: private to whoever runs the sources
            if secrets.contains(dir.root.appendingPathComponent(p).standardizedFileURL.path) { continue }
            if p.hasPrefix("secrets/") || p.hasSuffix(".session.json") || p.hasSuffix(".token") || p.hasSuffix(".pass")
            {
                if !isDir && mode & 0o077 != 0 {
                    problem(p, L10n.t("doctor.secretReadable", ["mode": String(mode, radix: 8), "path": full]))
                }
                continue
            }
            if shared {
                if isDir && mode & S_ISGID == 0 {
                    problem(p, L10n.t("doctor.noSetgid", ["path": full]))
                }
                if mode & 0o060 != 0o060 {
                    problem(p, L10n.t("doctor.notGroupWritable", ["path": full]))
                }
            } else if !isDir && access(full, W_OK) != 0 && (p.hasPrefix("log/") || p.hasPrefix("state/")) {
                problem(p, L10n.t("doctor.notWritableFile"))
            }
        }
        return out
    }

    static func jsonFiles(_ d: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: d.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { d.appendingPathComponent($0) }
    }

    static func rel(_ f: URL, _ dir: DataDirectory) -> String {
        let p = f.standardizedFileURL.path
        let r = dir.root.path + "/"
        return p.hasPrefix(r) ? String(p.dropFirst(r.count)) : p
    }

    /// The error text without the absolute path prefix (the finding already names the file).
    static func strip(_ e: Error, _ dir: DataDirectory) -> String {
        var s = "\(e)"
        if let r = s.range(of: ": "), s.hasPrefix("/") { s = String(s[r.upperBound...]) }
        return s
    }
}
