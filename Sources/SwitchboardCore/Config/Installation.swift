import Foundation

/// Where an installed or built Switchboard finds its resource bundles (the demo data, the sentiment model).
/// Looked up by hand rather than through `Bundle.module`, whose accessor stops the process when the bundle is
/// missing. `make install` puts them under `PREFIX/share/switchboard/`; SwiftPM's build folder has them beside the
/// binary.
public enum Installation {
    /// Candidate locations of the bundle `name` (e.g. `Switchboard_Insight.resources`), most specific first:
    /// beside the executable (a build folder), `../share/switchboard/` and `../lib/switchboard/` from the
    /// executable's folder (an installation; symlinks resolved), and beside a test bundle.
    public static func bundleCandidates(_ name: String) -> [URL] {
        var out: [URL] = [Bundle.main.bundleURL.appendingPathComponent(name)]
        var exeDirs: [URL] = []
        if let exe = Bundle.main.executableURL {
            exeDirs.append(exe.deletingLastPathComponent())
            exeDirs.append(exe.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for dir in exeDirs {
            out.append(dir.appendingPathComponent(name))
            let prefix = dir.deletingLastPathComponent()
            out.append(prefix.appendingPathComponent("share/switchboard").appendingPathComponent(name))
            out.append(prefix.appendingPathComponent("lib/switchboard").appendingPathComponent(name))
        }
        for b in Bundle.allBundles where b.bundleURL.lastPathComponent.hasSuffix(".xctest") {
            out.append(b.bundleURL.deletingLastPathComponent().appendingPathComponent(name))
        }
        var seen = Set<String>()
        return out.map(\.standardizedFileURL).filter { seen.insert($0.path).inserted }
    }

    /// The first folder among the candidates' usual layouts (`Resources/`, a macOS bundle's
    /// `Contents/Resources/Resources/`, or the bundle folder itself) that holds `marker`.
    public static func locate(_ name: String, containing marker: String, extra: [URL] = []) -> URL? {
        let fm = FileManager.default
        for c in extra + bundleCandidates(name) {
            for dir in [
                c.appendingPathComponent("Resources"), c.appendingPathComponent("Contents/Resources/Resources"), c,
            ] where fm.fileExists(atPath: dir.appendingPathComponent(marker).path) {
                return dir
            }
        }
        return nil
    }
}
