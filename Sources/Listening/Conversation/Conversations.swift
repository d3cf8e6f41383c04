import Foundation
import SwitchboardCore

/// Whole conversations for `t` in the workbench and `switchboard thread`: what the network returns (through the
/// source that found the mention) merged with what is stored.
public enum Conversations {
    /// The fetcher for a mention: nil when its network (or the team) offers none; throws for a broken source.
    public typealias FetcherFor = @Sendable (Mention) throws -> ThreadFetching?

    /// Fetchers from the team's sources: the source that found the mention, else the first enabled one of its
    /// network.
    public static func fetchers(team: TeamConfig, dataDir: DataDirectory, http: HTTPClient) -> FetcherFor {
        { m in
            guard let src = team.answeringSource(network: m.platform, origin: m.source) else { return nil }
            return try Listener.networkSource(src, dataDir: dataDir, http: http) as? ThreadFetching
        }
    }

    /// A loaded conversation, and why the network part is missing (nil when it was fetched).
    public struct Loaded: Sendable {
        public var conversation: Conversation
        public var problem: String?
        public var fetched: Int
    }

    /// Fetches the conversation of `key` and merges it with the stored mentions of the same thread. A failed fetch
    /// is not an error: the stored part is returned with `problem` saying why.
    public static func load(
        store: Store, key: String, own: OwnAccounts, fetcherFor: FetcherFor?
    ) async throws -> Loaded {
        guard let m = store.mention(key) else {
            throw SourceError.configuration(L10n.t("msg.noMentionKey", ["key": key]))
        }
        var fetched: [Mention] = []
        var problem: String?
        do {
            if let f = try fetcherFor?(m) {
                // Handles as the store keeps them (without `@`), so fetched and stored posts read alike.
                fetched = try await f.conversation(of: m).map { p in
                    var p = p
                    if let h = p.author?.handle { p.author?.handle = Author.normalized(handle: h) }
                    return p
                }
            } else {
                problem = L10n.t("thread.notFetched", ["network": Moderation.networkName(m.platform)])
            }
        } catch {
            problem = L10n.t("thread.fetchFailed", ["error": "\(error)"])
        }
        let stored = related(to: [m] + fetched, in: store.mentions)
        let c = Conversation(focus: m, stored: stored, fetched: fetched, own: own)
        return Loaded(conversation: c, problem: problem, fetched: fetched.count)
    }

    /// The stored mentions of the same network linked to `posts` (the stored mention asked for first, then what the
    /// network returned) by id, network reference, reply or root, followed to the mentions linked to those.
    public static func related(to posts: [Mention], in all: [Mention]) -> [Mention] {
        guard let platform = posts.first?.platform else { return [] }
        var ids: Set<String> = []
        func add(_ m: Mention) {
            for r in [m.id, m.reply?.uri, m.inReplyTo, m.threadRoot] { if let r, !r.isEmpty { ids.insert(r) } }
        }
        posts.forEach(add)
        var found: [Mention] = []
        // Only the first (the stored mention asked for) is left out: a fetched post that is stored comes back as
        // the stored record.
        var keys: Set<String> = [posts[0].key]
        var grew = true
        while grew {
            grew = false
            for m in all where m.platform == platform && !keys.contains(m.key) {
                let linked = [m.id, m.reply?.uri, m.inReplyTo, m.threadRoot].contains { $0.map(ids.contains) ?? false }
                if linked {
                    keys.insert(m.key)
                    found.append(m)
                    add(m)
                    grew = true
                }
            }
        }
        return found
    }
}
