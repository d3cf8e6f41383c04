import Foundation

extension AuditEvent {
    /// Reads the common action records with the fast scanner; nil for anything else (JSONDecoder then decides).
    static func fastDecode(_ bytes: UnsafeBufferPointer<UInt8>) -> AuditEvent? {
        var s = JSONScanner(bytes)
        var schema = 1
        var id: String?, at: Date?, actor: String?, type: String?, mention: String?
        var status: MentionStatus?, user: String?, tags: [String]?, text: String?, team: String?, note: String?
        var hasUser = false
        do {
            try s.beginObject()
            while let k = try s.nextKey() {
                if k.count == 1 && k[0] == 118 { schema = try s.int() }
                else if keyIs(k, "id") { id = try s.string() }
                else if keyIs(k, "at") { at = try s.date() }
                else if keyIs(k, "actor") { actor = try s.string() }
                else if keyIs(k, "type") { type = try s.string() }
                else if keyIs(k, "mention") { mention = try s.string() }
                else if keyIs(k, "status") { guard let v = MentionStatus(rawValue: try s.string()) else { return nil }; status = v }
                else if keyIs(k, "user") { user = try s.optionalString(); hasUser = true }
                else if keyIs(k, "tags") { tags = try s.stringArray() }
                else if keyIs(k, "text") { text = try s.string() }
                else if keyIs(k, "team") { team = try s.string() }
                else if keyIs(k, "note") { note = try s.optionalString() }
                else { return nil }
            }
            try s.end()
        } catch { return nil }
        guard let id, let at, let actor, let type, let m = mention else { return nil }
        let action: Action
        switch type {
        case "status": guard let status else { return nil }; action = .setStatus(mention: m, status: status)
        case "assign": _ = hasUser; action = .assign(mention: m, user: user)
        case "claim": action = .claim(mention: m)
        case "tag": guard let tags else { return nil }; action = .tag(mention: m, tags: tags)
        case "untag": guard let tags else { return nil }; action = .untag(mention: m, tags: tags)
        case "note": guard let text else { return nil }; action = .note(mention: m, text: text)
        case "handoff": guard let team else { return nil }; action = .handoff(mention: m, team: team, note: note)
        default: return nil
        }
        var e = AuditEvent(id: id, at: at, actor: actor, action: action)
        e.schema = schema
        return e
    }
}
