import Foundation
import Insight
import SwitchboardCore

/// What happens to mentions on their way into the store, whoever brings them (ingest, listener, demo).
public enum Ingestion {
    /// The analyzer configured with the team's crisis and brand terms (defaults when team.json can't be read).
    public static func analyzer(for dir: DataDirectory) -> Analyzer {
        guard let team = try? FileIO.readDocument(TeamConfig.self, from: dir.teamFile) else { return Analyzer() }
        return Analyzer(team: team)
    }

    /// The text the analysis reads: the headline too, for feed items whose text doesn't start with it.
    /// A comment's title is its thread's (Reddit's `link_title`, a YouTube video's title), not its own words:
    /// "Der Import hat bei mir problemlos geklappt." under a post titled "Import kaputt?!" is no complaint.
    public static func text(of m: Mention) -> String {
        guard let t = m.title, !t.isEmpty, !m.text.hasPrefix(t), ownsTitle(m) else { return m.text }
        return t + "\n" + m.text
    }

    /// Platforms whose mentions are all comments under someone else's headline (a video's title).
    static let commentPlatforms: Set<String> = ["youtube"]

    /// Whether the mention's title heads the mention itself: not a reply, not a comment inside another's thread.
    static func ownsTitle(_ m: Mention) -> Bool {
        m.inReplyTo == nil && (m.threadRoot == nil || m.threadRoot == m.id) && !commentPlatforms.contains(m.platform)
    }

    /// Fills in the analysis of mentions that have none.
    public static func analyse(_ mentions: [Mention], dir: DataDirectory) -> [Mention] {
        analyse(mentions, with: analyzer(for: dir))
    }

    public static func analyse(_ mentions: [Mention], with analyzer: Analyzer) -> [Mention] {
        mentions.map { m in
            guard m.analysis == nil else { return m }
            var m = m
            m.analysis = analyzer.analyze(text(of: m))
            return m
        }
    }
}
