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
            problem(dir.root.path, "no data directory here (run `switchboard init`)")
            return out
        }
        if access(dir.root.path, W_OK) != 0 { problem(".", "the data directory is not writable for you") }

        // Human-edited documents.
        var secrets = Set<String>()
        if !fm.fileExists(atPath: dir.teamFile.path) {
            problem("team.json", "missing")
        } else {
            do {
                let team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
                secrets = checkSecrets(team, dir, problem)
                var ids = Set<String>()
                for s in team.sources where !ids.insert(s.id).inserted {
                    problem("team.json", "source id \"\(s.id)\" is used twice")
                }
                for s in team.sources where s.interval != nil && SourceConfig.parseDuration(s.interval!) == nil {
                    problem(
                        "team.json", "source \"\(s.id)\": interval \"\(s.interval!)\" is not a duration like 60s or 15m"
                    )
                }
                for p in team.routingProblems { problem("team.json", p) }
            } catch { problem("team.json", strip(error, dir)) }
        }
        for f in jsonFiles(dir.templatesDir) {
            do { _ = try FileIO.readDocument(ReplyTemplate.self, from: f) } catch {
                problem(rel(f, dir), strip(error, dir))
            }
        }
        for p in PlaybookLibrary.load(dir).problems { problem(p.file, p.message) }
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
                    } else { problem("log", w) }
                }
            }
        } catch { problem("log", "\(error)") }
        let logNames = (try? fm.contentsOfDirectory(atPath: dir.logDir.path)) ?? []
        for n in logNames.sorted() where n.hasSuffix(".corrupt") {
            let lines = ((try? Data(contentsOf: dir.logDir.appendingPathComponent(n))) ?? Data()).reduce(0) {
                $1 == 10 ? $0 + 1 : $0
            }
            note(
                "log/" + n, "\(lines) record(s) set aside after a crash or by compaction; inspect, then delete the file"
            )
        }

        for p in staleTempFiles(dir) {
            problem(p, "a temporary file left by a writer that is no longer running; run: switchboard doctor --fix")
        }

        // Permissions.
        var st = stat()
        let shared = stat(dir.root.path, &st) == 0 && st.st_mode & S_ISGID != 0
        if fm.fileExists(atPath: dir.secretsDir.path), stat(dir.secretsDir.path, &st) == 0, st.st_mode & 0o007 != 0 {
            problem(
                "secrets",
                "readable by everybody (mode \(String(st.st_mode & 0o7777, radix: 8))); run: chmod 700 "
                    + "\(dir.secretsDir.path)"
            )
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
                    problem(p, "a secret readable by others (mode \(String(mode, radix: 8))); run: chmod 600 \(full)")
                }
                continue
            }
            if shared {
                if isDir && mode & S_ISGID == 0 {
                    problem(p, "directory in a shared data directory without the setgid bit; run: chmod g+ws \(full)")
                }
                if mode & 0o060 != 0o060 {
                    problem(p, "not group-writable in a shared data directory; run: chmod g+rw \(full)")
                }
            } else if !isDir && access(full, W_OK) != 0 && (p.hasPrefix("log/") || p.hasPrefix("state/")) {
                problem(p, "not writable for you")
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
