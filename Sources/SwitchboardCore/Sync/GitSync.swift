import Foundation

/// `switchboard sync`: the data directory synchronised through an ordinary git remote, by the `git` command line.
/// Commit what this site wrote, fetch, merge (each site appends only to its own log segments, so logs never
/// conflict; documents merge as text, and a real conflict keeps the local version), push. Every git command runs in
/// its own process group with a timeout.
public struct GitSync {
    public let dir: DataDirectory
    public let site: String
    public let settings: SyncSettings
    public var timeout: TimeInterval = 120

    public init(dir: DataDirectory, site: String, settings: SyncSettings) {
        (self.dir, self.site, self.settings) = (dir, site, settings)
    }

    /// What one sync did.
    public struct Report: Sendable, Equatable {
        /// Records that came in, per site.
        public var incoming: [String: Int] = [:]
        /// This site's records that went out.
        public var outgoing = 0
        /// Documents both sides changed: the local version was kept.
        public var conflicts: [String] = []
        public var migrated: [String] = []
        public var pushed = false
    }

    /// What never syncs.
    public static let gitignore = """
        # Written by switchboard: what stays on this machine.
        /secrets/
        /index/
        /local/
        /state/
        /inbox/
        *.lock
        .lock
        *.corrupt
        .*.tmp-*

        """

    /// The file that lists documents whose merge conflicted (kept local), one path a line.
    public var conflictsFile: URL { dir.localDir.appendingPathComponent("sync-conflicts") }

    public var remembered: [String] { GitSync.rememberedConflicts(dir) }

    /// Documents whose last merge conflicted (this site's version kept), as `doctor` names them.
    public static func rememberedConflicts(_ dir: DataDirectory) -> [String] {
        let file = dir.localDir.appendingPathComponent("sync-conflicts")
        let s = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return s.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    func git(_ args: [String], allowFailure: Bool = false) throws -> GroupProcess.Result {
        let id = [
            "-C", dir.root.path, "-c", "user.name=switchboard \(site)", "-c", "user.email=\(site)@switchboard.invalid",
        ]
        var env = ["GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"]
        if ProcessInfo.processInfo.environment["GIT_SSH_COMMAND"] == nil {
            env["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes"
        }
        let r = try GroupProcess.run("git", id + args, environment: env, timeout: timeout)
        if r.timedOut {
            throw SwitchboardError(L10n.t("sync.gitTimeout", ["command": args.first ?? "", "seconds": Int(timeout)]))
        }
        if !r.succeeded && !allowFailure {
            let said = r.output.trimmingCharacters(in: .whitespacesAndNewlines).suffix(600)
            throw SwitchboardError(L10n.t("sync.gitFailed", ["command": args.first ?? "", "output": String(said)]))
        }
        return r
    }

    /// Makes the data directory a git repository (first sync), writes `.gitignore`, points `origin` at the remote.
    public func prepare() throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: dir.root.appendingPathComponent(".git").path) {
            _ = try git(["init", "-q", "-b", settings.branch])
        }
        let ignore = dir.root.appendingPathComponent(".gitignore")
        if !fm.fileExists(atPath: ignore.path) { try Data(GitSync.gitignore.utf8).write(to: ignore) }
        guard let remote = settings.remote else { return }
        let current = try git(["remote", "get-url", "origin"], allowFailure: true)
        if !current.succeeded {
            _ = try git(["remote", "add", "origin", remote])
        } else if current.output.trimmingCharacters(in: .whitespacesAndNewlines) != remote {
            _ = try git(["remote", "set-url", "origin", remote])
        }
    }

    /// One sync: commit, fetch, merge, push (again, if another site pushed in between).
    public func run() throws -> Report {
        guard settings.remote != nil else {
            throw SwitchboardError(L10n.t("sync.noRemoteToSync"))
        }
        var report = Report()
        try restoreKeptCopies()
        report.migrated = try SiteMigration.migrate(dir, site: site).moved
        try prepare()
        report.outgoing = try commitLocal()
        for attempt in 1...4 {
            _ = try git(["fetch", "-q", "origin"])
            let remoteRef = "refs/remotes/origin/\(settings.branch)"
            // Both ends in one call: equal (the usual case when nothing is new) means done.
            let heads = try git(["rev-parse", "HEAD", remoteRef], allowFailure: true).output
                .split(separator: "\n").map(String.init)
            let theirs = heads.count == 2 && heads[1].count == 40 && heads[1].allSatisfy(\.isHexDigit)
            let ours = heads.first.map { $0.count == 40 && $0.allSatisfy(\.isHexDigit) } ?? false
            if theirs && ours && heads[0] == heads[1] { return report }
            if theirs {
                try merge(remoteRef, before: ours ? heads[0] : nil, into: &report)
            }
            let ahead = try git(["rev-list", "--count", theirs ? "\(remoteRef)..HEAD" : "HEAD"])
            if Int(ahead.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 == 0 { return report }
            let push = try git(["push", "-q", "origin", "HEAD:refs/heads/\(settings.branch)"], allowFailure: true)
            if push.succeeded {
                report.pushed = true
                return report
            }
            if attempt == 4 {
                throw SwitchboardError(
                    L10n.t(
                        "sync.gitFailed",
                        ["command": "push", "output": push.output.trimmingCharacters(in: .whitespacesAndNewlines)]))
            }
        }
        return report
    }

    /// Commits everything this site changed (holding the store's lock, so no record is half written); returns how
    /// many of its log records the commit adds.
    func commitLocal() throws -> Int {
        try FileIO.makeDirectory(dir.logDir)
        return try FileIO.withLock(dir.lockFile) {
            // Nothing changed (the usual case): one `git status`, no index write.
            if try git(["status", "--porcelain", "--untracked-files=all"]).output.isEmpty { return 0 }
            _ = try git(["add", "-A"])
            // A document in conflict does not sync (either way) until the person settles it.
            let held = remembered
            if !held.isEmpty { _ = try git(["reset", "-q", "--"] + held, allowFailure: true) }
            let staged = try git(["diff", "--cached", "--numstat"])
            guard !staged.output.isEmpty else { return 0 }
            _ = try git(["commit", "-q", "--no-verify", "-m", "\(site): sync"])
            return GitSync.addedRecords(staged.output).values.reduce(0, +)
        }
    }

    /// Merges the remote branch; on a conflict in a document, the merge takes the other side's version (this site's
    /// is not pushed over it), this site keeps its own in the working tree and remembers the file: it syncs no more
    /// until `--resolved`. A remembered file is set aside during the merge, so what comes in for it is merged into
    /// the history but not into the file.
    func merge(_ ref: String, before: String?, into report: inout Report) throws {
        try FileIO.withLock(dir.lockFile) {
            let held = remembered
            for f in held { try setAside(f) }
            defer { for f in held { try? putBack(f) } }
            let m = try git(
                ["merge", "-q", "--no-edit", "--no-verify", "--allow-unrelated-histories", ref], allowFailure: true)
            if !m.succeeded {
                let unmerged = try git(["diff", "--name-only", "--diff-filter=U"])
                let files = unmerged.output.split(separator: "\n").map(String.init)
                guard !files.isEmpty else {
                    _ = try git(["merge", "--abort"], allowFailure: true)
                    throw SwitchboardError(
                        L10n.t(
                            "sync.gitFailed",
                            ["command": "merge", "output": m.output.trimmingCharacters(in: .whitespacesAndNewlines)]))
                }
                for f in files {
                    _ = try git(["checkout", "--ours", "--", f], allowFailure: true)
                    try setAside(f, checkout: false)
                    _ = try git(["checkout", "--theirs", "--", f], allowFailure: true)
                    _ = try git(["add", "-A", "--", f])
                }
                _ = try git(["commit", "-q", "--no-verify", "--no-edit"])
                report.conflicts = files
                try remember(files)
                for f in files { try putBack(f) }
            }
        }
        guard let old = before else { return }
        let diff = try git(["diff", "--numstat", old, "HEAD", "--", "log"])
        for (s, n) in GitSync.addedRecords(diff.output) { report.incoming[s, default: 0] += n }
    }

    /// Where a document in conflict waits while a merge runs (so a crash in between loses nothing).
    func keptCopy(_ file: String) -> URL { dir.localDir.appendingPathComponent("sync-kept/" + file) }

    /// Copies this site's version of `file` aside (a copy left by an interrupted merge is kept, as it is the
    /// local one) and, with `checkout`, puts the committed version in its place for the merge.
    func setAside(_ file: String, checkout: Bool = true) throws {
        let fm = FileManager.default
        let kept = keptCopy(file)
        let path = dir.root.appendingPathComponent(file)
        if !fm.fileExists(atPath: kept.path), let data = fm.contents(atPath: path.path) {
            try FileIO.makeDirectory(kept.deletingLastPathComponent())
            try data.write(to: kept, options: .atomic)
        }
        if checkout { _ = try git(["checkout", "HEAD", "--", file], allowFailure: true) }
    }

    /// Puts back what a merge killed in the middle left set aside.
    func restoreKeptCopies() throws {
        let top = dir.localDir.appendingPathComponent("sync-kept")
        let files = (try? FileManager.default.subpathsOfDirectory(atPath: top.path)) ?? []
        for f in files.sorted() {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: top.appendingPathComponent(f).path, isDirectory: &isDir),
                !isDir.boolValue
            else { continue }
            try FileIO.withLock(dir.lockFile) { try putBack(f) }
        }
    }

    /// Puts this site's version of `file` back from where `setAside` kept it.
    func putBack(_ file: String) throws {
        let kept = keptCopy(file)
        guard let data = FileManager.default.contents(atPath: kept.path) else { return }
        let path = dir.root.appendingPathComponent(file)
        try FileIO.makeDirectory(path.deletingLastPathComponent())
        try data.write(to: path, options: .atomic)
        try FileManager.default.removeItem(at: kept)
    }

    func remember(_ files: [String]) throws {
        let all = Array(Set(remembered + files)).sorted()
        try FileIO.makeDirectory(dir.localDir)
        try Data((all.joined(separator: "\n") + "\n").utf8).write(to: conflictsFile, options: .atomic)
    }

    /// Forgets a remembered conflict (the person settled the file).
    public func resolved(_ file: String) throws {
        let left = remembered.filter { $0 != file }
        try Data((left.map { $0 + "\n" }.joined()).utf8).write(to: conflictsFile, options: .atomic)
    }

    /// Added lines of log files in `git diff --numstat` output, per site (the segment's first name part).
    static func addedRecords(_ numstat: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for line in numstat.split(separator: "\n") {
            let cols = line.split(separator: "\t", maxSplits: 2)
            guard cols.count == 3, let n = Int(cols[0]), cols[2].hasPrefix("log/"), cols[2].hasSuffix(".jsonl")
            else { continue }
            let url = URL(fileURLWithPath: String(cols[2]))
            out[DataDirectory.segmentSite(url) ?? "?", default: 0] += n
        }
        return out
    }
}

extension GitSync {
    /// `sync --gc`: packs the repository and says how large it is.
    public func collectGarbage() throws -> String {
        _ = try git(["gc", "-q", "--prune=now"])
        let r = try git(["count-objects", "-v", "-H"])
        let pack = r.output.split(separator: "\n").first { $0.hasPrefix("size-pack:") }
        return L10n.t("sync.packed", ["size": pack.map { String($0.dropFirst("size-pack:".count)).trimmed } ?? "?"])
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
