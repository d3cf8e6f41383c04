import Foundation

/// The brand's own accounts: `contacts.own_accounts`, the brand terms that look like handles (`acme.bsky.social`,
/// `acme@mastodon.social`; a bare `@acme` matches `acme@` on any server) and the handles of the team's sources
/// (Bluesky `handle`, Reddit `username`).
/// Their posts are ours: never contacts, never in need of an answer, not counted in the triage figures or spikes.
public struct OwnAccounts: Sendable, Hashable {
    /// Lower-case handles without `@`, and the local parts of `@name` brand terms.
    let handles: Set<String>
    let localParts: Set<String>

    public init() {
        handles = []
        localParts = []
    }

    public init(team: TeamConfig?) {
        var handles = Set<String>()
        var locals = Set<String>()
        for a in ContactSettings(team: team).ownAccounts { handles.insert(OwnAccounts.norm(a)) }
        for t in team?.brand.terms ?? [] {
            let h = OwnAccounts.norm(t)
            if t.hasPrefix("@") && !h.contains("@") {
                locals.insert(h)
            } else if h.contains(".") && !h.contains(" ") || h.contains("@") {
                handles.insert(h)
            }
        }
        for s in team?.sources ?? [] { if let h = s.handle { handles.insert(OwnAccounts.norm(h)) } }
        // A Reddit account is its user name (`acmecloud`, as its comments' authors show it).
        for s in team?.sources ?? [] where s.type.lowercased() == "reddit" {
            if let u = s.username { handles.insert(OwnAccounts.norm(u)) }
        }
        handles.remove("")
        locals.remove("")
        (self.handles, self.localParts) = (handles, locals)
    }

    public var isEmpty: Bool { handles.isEmpty && localParts.isEmpty }
    /// The handles (lower-case, without `@`) and the local parts (`acme` of `@acme`) that are ours: what an index
    /// compares a stored handle with (`normalized`, and its part before `@`).
    public var ownHandles: Set<String> { handles }
    public var ownLocalParts: Set<String> { localParts }

    /// A handle as `contains(handle:)` compares it: lower-case, without leading `@`.
    public static func normalized(_ handle: String) -> String { norm(handle) }

    static func norm(_ s: String) -> String {
        var h = s.lowercased()
        while h.hasPrefix("@") { h.removeFirst() }
        return h
    }

    /// Whether `handle` (with or without a leading `@`) is one of ours.
    public func contains(handle: String) -> Bool {
        if isEmpty { return false }
        let h = OwnAccounts.norm(handle)
        if handles.contains(h) { return true }
        if let at = h.firstIndex(of: "@"), localParts.contains(String(h[..<at])) { return true }
        return false
    }

    /// Whether the mention was posted by one of our accounts.
    public func contains(_ m: Mention) -> Bool { m.author.map { contains(handle: $0.handle) } ?? false }
}
