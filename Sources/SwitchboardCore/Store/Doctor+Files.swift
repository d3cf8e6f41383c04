import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension Doctor {
    /// Every secret file team.json names (`token_file`, `app_password_file`): one that cannot be read (with the
    /// system's reason) or that others may read is a problem. Returns the paths checked (the permission walk skips
    /// them, so nothing is reported twice).
    static func checkSecrets(_ team: TeamConfig, _ dir: DataDirectory, _ problem: (String, String) -> Void) -> Set<
        String
    > {
        var checked = Set<String>()
        // A team across servers: another site's source is polled and posted to there, with its secrets there.
        for source in team.sources where source.isHome(dir.site) {
            for (setting, path) in source.secretFiles {
                let url = dir.secretPath(path)
                checked.insert(url.standardizedFileURL.path)
                let place = "team.json"
                let what = "source \"\(source.id)\": \(setting) \(url.path)"
                var st = stat()
                if stat(url.path, &st) != 0 {
                    problem(place, "\(what): cannot be read: \(FileIO.errnoText())")
                    continue
                }
                if st.st_mode & S_IFMT == S_IFDIR { problem(place, "\(what): is a directory"); continue }
                if access(url.path, R_OK) != 0 {
                    problem(place, "\(what): cannot be read: \(FileIO.errnoText())")
                    continue
                }
                let mode = st.st_mode & 0o777
                if mode & 0o077 != 0 {
                    let who = mode & 0o007 != 0 ? "everybody" : "the group"
                    problem(
                        place,
                        "\(what): a secret readable by \(who) (mode \(String(mode, radix: 8))); run: chmod 600 \(url.path)"
                    )
                }
            }
        }
        return checked
    }

    /// A temporary file left by a writer that is gone: `.NAME.tmp-PID-N` (documents, compaction) whose process no
    /// longer runs. Relative paths, sorted.
    public static func staleTempFiles(_ dir: DataDirectory) -> [String] {
        var out: [String] = []
        let walker = FileManager.default.enumerator(atPath: dir.root.path)
        while let p = walker?.nextObject() as? String {
            let name = (p as NSString).lastPathComponent
            guard name.hasPrefix("."), let r = name.range(of: ".tmp-", options: .backwards) else { continue }
            let pidText = name[r.upperBound...].prefix { $0 != "-" }
            guard let pid = Int32(pidText), pid > 0 else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }  // the writer still runs: not ours to judge
            out.append(p)
        }
        return out.sorted()
    }

    /// `doctor --fix`: removes the stale temporary files; returns what it removed.
    public static func removeStaleTempFiles(_ dir: DataDirectory) -> [String] {
        staleTempFiles(dir).filter { unlink(dir.root.appendingPathComponent($0).path) == 0 }
    }
}
