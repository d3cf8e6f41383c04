import Foundation
import SwitchboardCore

extension InstagramSource: ThreadFetching {
    /// Every comment of the media the mention belongs to, each with its replies (`/{media}/comments` with the
    /// `replies` field, up to `maxPages` pages), the account's own answers included: they show inline in the thread.
    public func conversation(of mention: Mention) async throws -> [Mention] {
        if mention.reply?.visibility == "direct" {
            return try await GraphMessages(config: config, client: client, account: account).thread(of: mention)
        }
        guard let root = mention.threadRoot, !root.isEmpty else { return [] }
        let all = try await feed.all(
            "/\(NetworkCall.escape(root))/comments",
            query: [("fields", InstagramSource.commentFields), ("limit", "50")])
        var out: [Mention] = []
        for c in all {
            if let x = feed.mention(c, kind: .comment, root: root, via: "thread", profile: InstagramSource.profile) {
                out.append(x)
            }
            for r in c.replies?.data ?? [] {
                if let x = feed.mention(
                    r, kind: .reply, root: root, parentComment: c.id, via: "thread", profile: InstagramSource.profile)
                {
                    out.append(x)
                }
            }
        }
        return out
    }
}
