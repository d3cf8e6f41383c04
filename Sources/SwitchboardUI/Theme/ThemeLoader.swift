import Foundation
import SwitchboardCore

/// Finds and loads themes. Search order: `$XDG_CONFIG_HOME/switchboard/themes` (personal), a `Themes`
/// directory in the checkout (walking up from the executable: `swift run` runs `.build/debug/switchboard`),
/// the installed `PREFIX/share/switchboard/themes` (`../share/switchboard/themes` beside `PREFIX/bin`),
/// and finally the compiled-in themes (default, light, high-contrast, mono), which files of the same name
/// override.
public enum ThemeLoader {
    public static func searchDirectories(
        executable: URL? = Bundle.main.executableURL,
        environment env: [String: String] = ProcessInfo.processInfo.environment
    ) -> [URL] {
        var dirs: [URL] = []
        dirs.append(DataDirectory.configDirectory(environment: env).appendingPathComponent("themes"))
        if let exe = executable?.resolvingSymlinksInPath() {
            let binDir = exe.deletingLastPathComponent()
            dirs.append(binDir.deletingLastPathComponent().appendingPathComponent("share/switchboard/themes"))
            var d = binDir
            for _ in 0..<6 {
                let t = d.appendingPathComponent("Themes")
                if FileManager.default.fileExists(atPath: t.appendingPathComponent("default.json").path) {
                    dirs.append(t)
                    break
                }
                let parent = d.deletingLastPathComponent()
                if parent.path == d.path { break }
                d = parent
            }
        }
        return dirs
    }

    /// Names of every theme found (plus the compiled-in ones), sorted.
    public static func available(in dirs: [URL]) -> [String] {
        var names = Set(BuiltinTheme.names)
        for d in dirs {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: d.path)) ?? []
            for f in files where f.hasSuffix(".json") && !f.hasPrefix(".") { names.insert(String(f.dropLast(5))) }
        }
        return names.sorted()
    }

    /// Loads theme `name` from the first directory that has it, else the compiled-in theme of that name.
    public static func load(_ name: String, from dirs: [URL]) throws -> Theme {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
            throw SwitchboardError("no theme named \"\(name)\"")
        }
        for d in dirs {
            let f = d.appendingPathComponent(name + ".json")
            if FileManager.default.fileExists(atPath: f.path) { return try Theme.load(f) }
        }
        if let t = BuiltinTheme.named(name) { return t }
        throw SwitchboardError(
            "no theme named \"\(name)\" (looked in \(dirs.map(\.path).joined(separator: ", ")); "
                + "available: \(available(in: dirs).joined(separator: ", ")))"
        )
    }

    /// Which theme to use: `--theme`, else `NO_COLOR` → mono, else the personal config's `"theme"`, else default.
    public static func chooseName(
        flag: String?, environment env: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> String {
        if let f = flag, !f.isEmpty { return f }
        if let nc = env["NO_COLOR"], !nc.isEmpty { return "mono" }
        let cfg = DataDirectory.configDirectory(environment: env).appendingPathComponent("config.json")
        if FileManager.default.fileExists(atPath: cfg.path) {
            let c = try FileIO.readDocument(PersonalConfig.self, from: cfg)
            if let t = c.theme, !t.isEmpty { return t }
        }
        return "default"
    }
}
