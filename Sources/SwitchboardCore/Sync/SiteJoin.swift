import Foundation

/// Setting up a site: the first one of a team (`init --site NAME [--remote URL]`) or another one joining from the
/// team's remote (`init --join REMOTE --site NAME`).
public enum SiteJoin {
    /// Makes a freshly initialised data directory site `site`, with `.gitignore` and (optionally) the remote.
    public static func found(_ dir: DataDirectory, site: String, remote: String?) throws {
        try dir.setSite(site)
        try Data(GitSync.gitignore.utf8).write(to: dir.root.appendingPathComponent(".gitignore"))
        guard let remote else { return }
        var team = try FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
        team.extra["sync"] = .object(["remote": .string(remote), "branch": .string("main"), "interval": .string("60s")])
        try StarterKit.writeJSON(team, to: dir.teamFile)
    }

    /// Clones the team's data directory from `remote` into `dir` (which must not exist or be empty), as `site`.
    public static func join(_ dir: DataDirectory, remote: String, site: String) throws {
        try DataDirectory.checkSiteName(site)
        let fm = FileManager.default
        if let names = try? fm.contentsOfDirectory(atPath: dir.root.path), !names.isEmpty {
            throw SwitchboardError("\(dir.root.path) exists and is not empty: join into a new directory")
        }
        let r = try GroupProcess.run(
            "git", ["clone", "-q", "--", remote, dir.root.path],
            environment: ["GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"], timeout: 600)
        guard r.succeeded else {
            throw SwitchboardError(
                "cannot clone \(remote): "
                    + (r.timedOut ? "it took too long" : r.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        if !dir.exists { try checkOutTeamBranch(dir) }
        guard dir.exists else {
            try? fm.removeItem(at: dir.root)
            throw SwitchboardError(
                "\(remote) holds no Switchboard data directory (no team.json): the first site runs "
                    + "`switchboard init --site NAME --remote \(remote)` and `switchboard sync`")
        }
        for d in [dir.logDir, dir.templatesDir, dir.playbooksDir, dir.stateDir, dir.inboxDir] {
            try FileIO.makeDirectory(d)
        }
        try FileIO.makeDirectory(dir.secretsDir, mode: 0o700)
        try dir.setSite(site)
        let ignore = dir.root.appendingPathComponent(".gitignore")
        if !fm.fileExists(atPath: ignore.path) { try Data(GitSync.gitignore.utf8).write(to: ignore) }
    }

    /// A bare repository created with another default branch than the one the team pushed: check out the team's
    /// branch (`main` if there is one, else the only one).
    static func checkOutTeamBranch(_ dir: DataDirectory) throws {
        func git(_ args: [String]) throws -> GroupProcess.Result {
            try GroupProcess.run("git", ["-C", dir.root.path] + args, environment: ["LC_ALL": "C"], timeout: 120)
        }
        let refs = try git(["for-each-ref", "--format=%(refname:lstrip=3)", "refs/remotes/origin"]).output
            .split(separator: "\n").map(String.init).filter { $0 != "HEAD" }
        guard let branch = refs.contains("main") ? "main" : (refs.count == 1 ? refs.first : nil) else { return }
        _ = try git(["checkout", "-q", "-B", branch, "origin/" + branch])
    }
}
