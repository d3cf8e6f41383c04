import Foundation
import SwitchboardCore

/// The demo's source: replays a JSON Lines file (import format) as if the mentions were arriving now.
///
/// Each poll releases one mention per `rateSeconds` elapsed since the previous poll (at least one, at most
/// `maxPerPoll`), re-stamped with the current time. When the position reaches `burstAt`, `burstSize`
/// mentions are released at once (a spike for the demo to show). At the end of the file the replay starts
/// over with ids suffixed `~2`, `~3`, … so every round is new to the store. Cursor: `position`, `last`.
public struct ReplaySource: Source {
    public let id: String, fileURL: URL, rateSeconds: Double
    public let burstAt: Int?
    public let burstSize: Int
    public let maxPerPoll: Int
    let now: @Sendable () -> Date

    public init(
        id: String = "replay", fileURL: URL, rateSeconds: Double = 4, burstAt: Int? = nil, burstSize: Int = 30,
        maxPerPoll: Int = 10, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        (self.id, self.fileURL) = (id, fileURL)
        self.rateSeconds = max(0.1, rateSeconds)
        self.burstAt = burstAt
        self.burstSize = max(1, burstSize)
        self.maxPerPoll = max(1, maxPerPoll)
        self.now = now
    }

    /// From a `{"id": "demo", "type": "replay", "path": "demo/mentions.jsonl", "interval": "5s"}` entry:
    /// `path` relative to the data directory, one mention per `interval` on average.
    public init(config: SourceConfig, dataDir: URL) {
        let p = config.path ?? ""
        let url = p.hasPrefix("/") ? URL(fileURLWithPath: p) : dataDir.appendingPathComponent(p)
        self.init(id: config.id, fileURL: url, rateSeconds: config.intervalSeconds)
    }

    public func poll(cursor: [String: String]) async throws -> PollResult {
        guard let data = FileManager.default.contents(atPath: fileURL.path) else {
            throw SourceError.configuration("replay file \(fileURL.path) cannot be read")
        }
        let pool = ImportFormat.decodeAll(data, now: now()).mentions
        guard !pool.isEmpty else {
            throw SourceError.malformed("replay file has no valid mentions", sample: FeedError.sample(data))
        }
        let t = now()
        let position = Int(cursor["position"] ?? "0") ?? 0
        var count = 1
        if let last = cursor["last"].flatMap(Timestamp.parse) {
            count = min(maxPerPoll, max(1, Int(t.timeIntervalSince(last) / rateSeconds)))
        }
        if let b = burstAt, position <= b, position + count > b { count = b - position + burstSize }
        var out: [Mention] = []
        out.reserveCapacity(count)
        for k in 0..<count {
            let p = position + k
            var m = pool[p % pool.count]
            let round = p / pool.count
            if round > 0 {
                m = Mention(
                    platform: m.platform, id: m.id + "~\(round + 1)", text: m.text, createdAt: m.createdAt, url: m.url,
                    author: m.author, lang: m.lang, inReplyTo: m.inReplyTo, threadRoot: m.threadRoot,
                    source: m.source, title: m.title, reply: m.reply, extra: m.extra)
            }
            // Spread the batch over the last moments so the feed keeps its order.
            m.createdAt = t.addingTimeInterval(-Double(count - 1 - k) * 0.5)
            m.fetchedAt = t
            m.source = id
            out.append(m)
        }
        return PollResult(mentions: out, cursor: ["position": String(position + count), "last": Timestamp.format(t)])
    }
}
