import Foundation
import Insight
import Listening
import SwitchboardCore

/// Maps source configs to sources: Mastodon and Bluesky (`Listener.networkSource`), RSS/Atom, JSON Lines and
/// the demo's replay. Nil for an unknown type (the listener reports it on that source).
public enum SourceFactory {
    /// Every source's mentions are analysed (language, sentiment, intents) before they are stored.
    public static func make(dir: DataDirectory, http: HTTPClient = URLSessionHTTPClient(timeout: 30))
        -> Listener.SourceFactory
    {
        let raw = makeRaw(dir: dir, http: http)
        let analyzer = LazyAnalyzer(dir)
        return { config in try raw(config).map { AnalysingSource(inner: $0) { analyzer.get() } } }
    }

    /// The sources as they are, without the analysis.
    public static func makeRaw(dir: DataDirectory, http: HTTPClient) -> Listener.SourceFactory {
        { config in
            if let s = try Listener.networkSource(config, dataDir: dir, http: http) { return s }
            switch config.type.lowercased() {
            case "rss", "atom": return RSSSource(config: config, http: http, dataDir: dir.root)
            case "jsonl": return JSONLinesSource(config: config, dataDir: dir.root)
            case "replay":
                guard let p = config.path, !p.isEmpty else {
                    throw SourceError.configuration("source \(config.id): a replay source needs a \"path\"")
                }
                let file = p.hasPrefix("/") ? URL(fileURLWithPath: p) : dir.root.appendingPathComponent(p)
                return ReplaySource(id: config.id, fileURL: file)
            default: return nil
            }
        }
    }
}
