import Foundation
import SwitchboardCore

extension FacebookSource: ThreadFetching {
    /// Every comment and reply under the post the mention belongs to (`/{post}/comments?filter=stream`, oldest
    /// first, up to `maxPages` pages), the Page's own answers included: they show inline in the thread view.
    public func conversation(of mention: Mention) async throws -> [Mention] {
        if mention.reply?.visibility == "direct" {
            return try await GraphMessages(config: config, client: client, account: page).thread(of: mention)
        }
        guard let root = mention.threadRoot, !root.isEmpty else { return [] }
        let all = try await feed.all(
            "/\(NetworkCall.escape(root))/comments",
            query: [
                ("filter", "stream"), ("order", "chronological"), ("fields", FacebookSource.commentFields),
                ("limit", "50"),
            ])
        return all.compactMap { c in
            let parent = c.parentObject.flatMap { $0 == root ? nil : $0 }
            return feed.mention(
                c, kind: parent == nil ? .comment : .reply, root: root, parentComment: parent, via: "thread")
        }
    }
}
