import Foundation

extension AuditEvent {
    /// Reads the common action records with the fast scanner; nil for anything else (JSONDecoder then decides).
    public static func fastDecode(_ bytes: UnsafeBufferPointer<UInt8>) -> AuditEvent? {
        var s = JSONScanner(bytes)
        var schema = 1
        var id: String?
        var at: Date?
        var actor: String?
        var type: String?
        var mention: String?
        var status: MentionStatus?
        var user: String?
        var tags: [String]?
        var text: String?
        var team: String?
        var note: String?
        var kind: ModerationKind?
        var reason: String?
        var ban = false
        var hlc: Int?
        var site: String?
        var hasUser = false
        var seen: UInt64 = 0
        do {
            try s.beginObject()
            while let k = try s.nextKey() {
                if k.count == 1 && k[0] == 118 {
                    try JSONScanner.once(&seen, 0)
                    schema = try s.int()
                } else if keyIs(k, "id") {
                    try JSONScanner.once(&seen, 1)
                    id = try s.string()
                } else if keyIs(k, "at") {
                    try JSONScanner.once(&seen, 2)
                    at = try s.date()
                } else if keyIs(k, "actor") {
                    try JSONScanner.once(&seen, 3)
                    actor = try s.string()
                } else if keyIs(k, "type") {
                    try JSONScanner.once(&seen, 4)
                    type = try s.string()
                } else if keyIs(k, "mention") {
                    try JSONScanner.once(&seen, 5)
                    mention = try s.string()
                } else if keyIs(k, "status") {
                    try JSONScanner.once(&seen, 6)
                    guard let v = MentionStatus(rawValue: try s.string()) else { return nil }
                    status = v
                } else if keyIs(k, "user") {
                    try JSONScanner.once(&seen, 7)
                    user = try s.optionalString()
                    hasUser = true
                } else if keyIs(k, "tags") {
                    try JSONScanner.once(&seen, 8)
                    tags = try s.stringArray()
                } else if keyIs(k, "text") {
                    try JSONScanner.once(&seen, 9)
                    text = try s.string()
                } else if keyIs(k, "team") {
                    try JSONScanner.once(&seen, 10)
                    team = try s.string()
                } else if keyIs(k, "note") {
                    try JSONScanner.once(&seen, 11)
                    note = try s.optionalString()
                } else if keyIs(k, "kind") {
                    try JSONScanner.once(&seen, 12)
                    guard let v = ModerationKind(rawValue: try s.string()) else { return nil }
                    kind = v
                } else if keyIs(k, "reason") {
                    try JSONScanner.once(&seen, 13)
                    reason = try s.optionalString()
                } else if keyIs(k, "ban") {
                    try JSONScanner.once(&seen, 14)
                    ban = try s.bool()
                } else if keyIs(k, "hlc") {
                    try JSONScanner.once(&seen, 15)
                    hlc = try s.exactInt()
                } else if keyIs(k, "site") {
                    try JSONScanner.once(&seen, 16)
                    site = try s.string()
                } else {
                    return nil
                }
            }
            try s.end()
        } catch { return nil }
        // A newer version's record: JSONDecoder refuses it with the reason.
        guard schema <= AuditEvent.schemaVersion, let id, let at, let actor, let type, let m = mention else {
            return nil
        }
        let action: Action
        switch type {
        case "status":
            guard let status else { return nil }
            action = .setStatus(mention: m, status: status)
        case "assign":
            _ = hasUser
            action = .assign(mention: m, user: user)
        case "claim": action = .claim(mention: m)
        case "tag":
            guard let tags else { return nil }
            action = .tag(mention: m, tags: tags)
        case "untag":
            guard let tags else { return nil }
            action = .untag(mention: m, tags: tags)
        case "note":
            guard let text else { return nil }
            action = .note(mention: m, text: text)
        case "handoff":
            guard let team else { return nil }
            action = .handoff(mention: m, team: team, note: note)
        case "moderate":
            guard let kind else { return nil }
            action = .moderate(mention: m, kind: kind, reason: reason, ban: ban)
        default: return nil
        }
        var e = AuditEvent(id: id, at: at, actor: actor, action: action)
        if let hlc, let site { e.stamp = LogStamp(hlc: Int64(hlc), site: site) }
        e.schema = schema
        return e
    }
}
