import Foundation

/// The brand's own post or reply changed on its network after it went out (`post_edit`, `post_delete` in the
/// actions log): every version is kept, so the log shows the old and the new text of each edit and what was deleted.
public enum PostAction: Hashable, Sendable {
    /// The post `postID` on `network` now reads `new` (it read `old` before).
    case edit(mention: String, network: String, postID: String, old: String, new: String)
    /// The post `postID` on `network`, which read `text`, was deleted there.
    case delete(mention: String, network: String, postID: String, text: String)

    public var typeName: String {
        switch self {
        case .edit: return "post_edit"
        case .delete: return "post_delete"
        }
    }

    public static let typeNames: Set<String> = ["post_edit", "post_delete"]

    public var mention: String {
        switch self {
        case .edit(let m, _, _, _, _), .delete(let m, _, _, _): return m
        }
    }

    /// `edited: "old" → "new"`, `deleted on mastodon: "text"`.
    public var summary: String {
        switch self {
        case .edit(_, let n, _, let old, let new):
            return L10n.t("log.post.edited", ["network": n]) + ": \"\(old)\" → \"\(new)\""
        case .delete(_, let n, _, let t): return L10n.t("log.post.deleted", ["network": n]) + ": \"\(t)\""
        }
    }

    enum Keys: String, CodingKey {
        case network, postID = "post_id", old, new, text
    }

    init(type: String, from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let m = try decoder.container(keyedBy: AuditEvent.Keys.self).decode(String.self, forKey: .mention)
        let n = try c.decode(String.self, forKey: .network)
        let id = try c.decode(String.self, forKey: .postID)
        if type == "post_edit" {
            self = .edit(
                mention: m, network: n, postID: id, old: try c.decode(String.self, forKey: .old),
                new: try c.decode(String.self, forKey: .new))
        } else {
            self = .delete(mention: m, network: n, postID: id, text: try c.decode(String.self, forKey: .text))
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .edit(_, let n, let id, let old, let new):
            try c.encode(n, forKey: .network); try c.encode(id, forKey: .postID)
            try c.encode(old, forKey: .old); try c.encode(new, forKey: .new)
        case .delete(_, let n, let id, let t):
            try c.encode(n, forKey: .network); try c.encode(id, forKey: .postID); try c.encode(t, forKey: .text)
        }
    }

    /// The fold: an edit records the latest text of the post (`MentionState.postText`), a delete marks it deleted
    /// on its network (a `delete` moderation record, so every view that shows deleted items shows it).
    func apply(to s: inout MentionState, actor: String, at: Date) {
        switch self {
        case .edit(_, _, let id, _, let new): s.postEdits = (s.postEdits ?? [:]).merging([id: new]) { $1 }
        case .delete:
            s.moderation.append(ModerationRecord(kind: .delete, actor: actor, at: at, reason: "own post deleted"))
        }
    }
}
