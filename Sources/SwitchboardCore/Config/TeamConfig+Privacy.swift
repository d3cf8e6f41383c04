import Foundation

extension TeamConfig {
    /// Roles that may read private messages: team.json's `private_messages` (like `["lead", "support"]`);
    /// without it, leads and managers.
    public var privateMessageRoles: Set<String> {
        guard let list = extra["private_messages"]?.arrayValue else { return ["lead", "manager"] }
        return Set(list.compactMap { $0.stringValue?.lowercased() })
    }

    /// Whether `user` may read private messages: a member whose role is allowed, or anyone when team.json lists
    /// no members (one person working alone).
    public func mayReadPrivate(_ user: String) -> Bool {
        if team.isEmpty { return true }
        guard let m = member(user) else { return false }
        return privateMessageRoles.contains(m.role.lowercased())
    }
}
