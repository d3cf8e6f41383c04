import Foundation
import SwitchboardCore

/// `switchboard --demo`: a data directory seeded with the bundled demo mentions (timestamps re-based to now)
/// and a replay source that keeps adding mentions from a second bundled set every few seconds.
enum Demo {
    /// `--data-dir` when given, else `$XDG_DATA_HOME/switchboard-demo` (or `~/.local/share/switchboard-demo`).
    static func directory(explicit: String?, environment env: [String: String] = ProcessInfo.processInfo.environment) -> DataDirectory {
        if let e = explicit, !e.isEmpty { return DataDirectory.resolve(explicit: e, environment: env) }
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (env["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return DataDirectory(root: URL(fileURLWithPath: base).appendingPathComponent("switchboard-demo"))
    }

    /// Where the bundled demo files are.
    static func bundled(_ name: String) throws -> URL {
        if let u = Bundle.module.url(forResource: "Demo/" + name, withExtension: nil) { return u }
        if let d = Bundle.module.resourceURL?.appendingPathComponent("Demo").appendingPathComponent(name),
           FileManager.default.fileExists(atPath: d.path) { return d }
        throw CLIError.failure("the bundled demo data (\(name)) is missing from this installation")
    }

    /// Creates the demo directory, or reuses it when it exists. Returns it.
    @discardableResult
    static func prepare(explicit: String?, now: Date = Date(), log: (String) -> Void = { _ in }) throws -> DataDirectory {
        let dir = directory(explicit: explicit)
        if dir.exists { return dir }
        try StarterKit.initialise(dir, brand: "Acme Cloud", user: Actor.current())
        // The demo's own team config and the replay set.
        let team = try FileIO.readDocument(TeamConfig.self, from: try bundled("team.json"))
        try StarterKit.writeJSON(team, to: dir.teamFile)
        try FileIO.writeDocument(try Data(contentsOf: try bundled("replay.jsonl")), to: dir.root.appendingPathComponent("replay.jsonl"))
        let seed = ImportFormat.decodeAll(try Data(contentsOf: try bundled("mentions.jsonl")), now: now)
        let store = try Store(dir: dir)
        try store.ingest(Ingestion.analyse(rebase(seed.mentions, to: now), dir: dir), now: now)
        log("Created the demo data directory \(dir.displayPath) with \(store.count) mentions.")
        return dir
    }

    /// Shifts every mention so the newest is two minutes old, keeping their spacing.
    static func rebase(_ mentions: [Mention], to now: Date) -> [Mention] {
        guard let newest = mentions.map(\.createdAt).max() else { return mentions }
        let shift = now.addingTimeInterval(-120).timeIntervalSince(newest)
        return mentions.map { m in
            var m = m
            m.createdAt = m.createdAt.addingTimeInterval(shift)
            m.fetchedAt = min(now, m.createdAt.addingTimeInterval(30))
            return m
        }
    }
}
