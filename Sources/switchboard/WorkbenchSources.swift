import Foundation
import Insight
import Listening
import SwitchboardCore

/// When no `switchboard listen` process runs for the data directory, the workbench polls the team's
/// sources itself (it takes the listener lock, so a listener started later says one is running).
/// TODO(lead): share `sourceFactory` with the `listen` command once it exists.
enum WorkbenchSources {
    /// Every source type: Mastodon and Bluesky, RSS/Atom, JSON Lines, and the demo replay.
    static func sourceFactory(_ dir: DataDirectory) -> Listener.SourceFactory {
        let http = URLSessionHTTPClient()
        let analyzer = Ingestion.analyzer(for: dir)
        return { c in
            let inner: Source?
            if let s = try Listener.networkSource(c, dataDir: dir, http: http) { inner = s } else {
                switch c.type.lowercased() {
                case "rss", "atom": inner = RSSSource(config: c, http: http, dataDir: dir)
                case "jsonl": inner = JSONLinesSource(config: c, dataDir: dir)
                case "replay": inner = ReplaySource(config: c, dataDir: dir.root)
                default: inner = nil
                }
            }
            return inner.map { AnalysingSource(inner: $0, analyzer: analyzer) }
        }
    }

    /// Starts polling in the background when nobody else does. Returns the running listener (nil: another
    /// process runs one, or the team has no sources).
    static func startIfNeeded(store: Store, team: TeamConfig?) -> Listener? {
        guard let team, !team.sources.filter(\.isEnabled).isEmpty else { return nil }
        guard !Listener.isRunning(dir: store.dir) else { return nil }
        let listener = Listener(store: store, team: team, makeSource: sourceFactory(store.dir))
        do { try listener.acquireLock() } catch { return nil }
        Task.detached { await listener.run() }
        return listener
    }
}

/// Fills in the analysis of polled mentions before they are stored, as `switchboard ingest` does.
struct AnalysingSource: Source {
    let inner: Source
    let analyzer: Analyzer
    var id: String { inner.id }
    func poll(cursor: [String: String]) async throws -> PollResult {
        var r = try await inner.poll(cursor: cursor)
        r.mentions = Ingestion.analyse(r.mentions, with: analyzer)
        return r
    }
}
