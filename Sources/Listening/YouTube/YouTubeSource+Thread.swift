import Foundation
import SwitchboardCore

extension YouTubeSource: ThreadFetching {
    /// The comment thread the mention belongs to: its top-level comment (`commentThreads.list?id=`) and every reply
    /// (`comments.list?parentId=`, all pages), each a list unit on the quota ledger. YouTube threads are one level
    /// deep: every reply answers the top-level comment.
    public func conversation(of mention: Mention) async throws -> [Mention] {
        guard let thread = mention.threadRoot ?? mention.reply?.rootURI, !thread.isEmpty else { return [] }
        var pass = Pass(cursor: [:], replyCounts: [:])
        let page = try await client.get(
            YouTube.Page<YouTube.CommentThread>.self, "/commentThreads",
            [("part", "snippet"), ("id", thread), ("textFormat", "plainText")], cost: YouTubeQuotaLedger.Cost.list)
        guard let t = page.items.first else { return [] }
        let video = t.snippet.videoId ?? t.snippet.topLevelComment.snippet.videoId
        pass.found.append(
            Found(comment: t.snippet.topLevelComment, thread: t.id, video: video, title: nil, via: "thread"))
        try await readReplies(thread: t.id, video: video, title: nil, via: "thread", &pass)
        return pass.found.map { self.mention($0) }
    }
}
