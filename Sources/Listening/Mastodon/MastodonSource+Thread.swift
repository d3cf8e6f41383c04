import Foundation
import SwitchboardCore

extension Mastodon {
    /// `GET /api/v1/statuses/:id/context`: the statuses above and below one status.
    public struct Context: Codable, Sendable {
        public var ancestors: [Status]
        public var descendants: [Status]
    }
}

extension MastodonSource: ThreadFetching {
    /// Ancestors and descendants of the mention's status (its id on this instance, `reply.uri`).
    public func conversation(of mention: Mention) async throws -> [Mention] {
        guard let id = mention.reply?.uri, !id.isEmpty else { return [] }
        let r = try await client.get(
            NetworkCall.url(client.instance, path: "/api/v1/statuses/" + NetworkCall.escape(id) + "/context"))
        let c = try NetworkCall.decode(Mastodon.Context.self, from: r, label: client.label)
        return (c.ancestors + c.descendants).map { self.mention($0, via: "thread") }
    }
}
