import Foundation

/// One event as it leaves Switchboard: an action from the log (its id is the action's id) or a new high-priority
/// mention (`mention_high`, id `mention:KEY`). Every text in it went through TextSafety.
public struct OutgoingEvent: Hashable, Sendable {
    public static let mentionHigh = "mention_high"

    public var id: String, type: String, at: Date, actor: String, brand: String, summary: String
    public var mention: Mention?

    public init(id: String, type: String, at: Date, actor: String, brand: String, summary: String, mention: Mention?) {
        (self.id, self.type, self.at, self.actor, self.brand) = (id, type, at, actor, brand)
        (self.summary, self.mention) = (OutgoingEvent.clean(summary), mention)
    }

    /// The event of a logged action (with the mention it is about, when there is one).
    public init(_ e: AuditEvent, brand: String, mention: Mention?) {
        self.init(
            id: e.id, type: e.action.typeName, at: e.at, actor: e.actor, brand: brand, summary: e.action.summary,
            mention: mention)
    }

    /// The event of a newly stored high-priority mention.
    public init(highPriority m: Mention, brand: String) {
        self.init(
            id: "mention:" + m.key, type: OutgoingEvent.mentionHigh, at: m.fetchedAt, actor: "switchboard",
            brand: brand, summary: "high-priority mention", mention: m)
    }

    static func clean(_ s: String, limit: Int = 500) -> String {
        let t = ImportFormat.clean(s, newlines: false)
        return t.count > limit ? String(t.prefix(limit - 1)) + "…" : t
    }

    /// One line for a chat room: `[Acme] anna: claim — mastodon @kunde: "Mein Paket …"`.
    public var line: String {
        var s = "[\(OutgoingEvent.clean(brand, limit: 80))] "
        s += type == OutgoingEvent.mentionHigh ? summary : "\(OutgoingEvent.clean(actor, limit: 80)): \(summary)"
        if let m = mention {
            let who = m.author.map { " " + OutgoingEvent.clean($0.handle, limit: 80) } ?? ""
            s += " — \(m.platform)\(who): \"\(OutgoingEvent.clean(m.text, limit: 200))\""
            if let u = m.url { s += " " + OutgoingEvent.clean(u, limit: 300) }
        }
        return s
    }

    /// The event as a JSON value (what a `json` webhook or a command receives).
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "v": .number(1), "id": .string(id), "type": .string(type), "at": .string(Timestamp.format(at)),
            "actor": .string(OutgoingEvent.clean(actor, limit: 200)), "brand": .string(OutgoingEvent.clean(brand)),
            "summary": .string(summary), "text": .string(line),
        ]
        if let m = mention {
            var mo: [String: JSONValue] = [
                "key": .string(m.key), "network": .string(m.platform),
                "text": .string(OutgoingEvent.clean(m.text, limit: 5000)),
                "created_at": .string(Timestamp.format(m.createdAt)),
            ]
            if let a = m.author { mo["author"] = .string(OutgoingEvent.clean(a.handle, limit: 200)) }
            if let u = m.url { mo["url"] = .string(OutgoingEvent.clean(u, limit: 2000)) }
            o["mention"] = .object(mo)
        }
        return .object(o)
    }

    /// The body for `format`: the event, or a chat message.
    public func body(_ format: EventSink.Format) -> Data {
        let value: JSONValue
        switch format {
        case .json: value = json
        case .slack, .mattermost: value = .object(["text": .string(line)])
        case .matrix: value = .object(["msgtype": .string("m.text"), "body": .string(line)])
        }
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? enc.encode(value)) ?? Data("{}".utf8)
    }
}
