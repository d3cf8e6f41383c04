import Foundation

/// What an internal team gets for a hand-off: one JSON object (keys sorted, one line, newline-terminated), on the
/// command's stdin or in `<dir>/<mention-key>.json`.
public struct HandoffPayload: Codable, Hashable, Sendable {
    public var v = 1
    /// Switchboard's mention key (what `switchboard handoff reply KEY` takes).
    public var mention: String
    /// The network's id of the post.
    public var id: String
    public var platform: String
    public var author: Author?
    public var text: String
    public var title: String?
    public var url: String?
    public var createdAt: Date
    public var sentiment: String?
    public var score: Double?
    public var intents: [String], tags: [String], rule: String, team: String
    public var note: String?
    /// When it was handed off.
    public var at: Date

    public init(mention m: Mention, state: MentionState, rule: String, team: String, note: String? = nil, at: Date) {
        (mention, id, platform) = (m.key, m.id, m.platform)
        author = m.author.map {
            Author(
                handle: ImportFormat.clean($0.handle, newlines: false),
                name: $0.name.map { ImportFormat.clean($0, newlines: false) }, url: $0.url, followers: $0.followers)
        }
        text = ImportFormat.clean(m.text, newlines: true)
        title = m.title.map { ImportFormat.clean($0, newlines: false) }
        (url, createdAt, sentiment) = (m.url, m.createdAt, m.analysis?.sentiment.rawValue)
        score = m.analysis.map { ($0.score * 1000).rounded() / 1000 }
        intents = m.analysis?.intents.map(\.rawValue) ?? []
        tags = state.tags
        (self.rule, self.team, self.note, self.at) = (rule, team, note, at)
    }

    enum CodingKeys: String, CodingKey {
        case v, mention, id, platform, author, text, title, url, sentiment, score, intents, tags, rule, team, note, at
        case createdAt = "created_at"
    }

    /// The bytes delivered: sorted keys, no extra spaces, a final newline.
    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .switchboard
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try e.encode(self) + Data([10])
    }
}
