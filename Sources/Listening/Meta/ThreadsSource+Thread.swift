import Foundation
import SwitchboardCore

extension ThreadsSource: ThreadFetching {
    /// Every reply, at every depth, to the thread the mention belongs to (`/{root}/conversation`, oldest first, up
    /// to `maxPages` pages), the account's own answers included.
    public func conversation(of mention: Mention) async throws -> [Mention] {
        guard let root = mention.threadRoot, !root.isEmpty else { return [] }
        let all = try await feed.all(
            "/\(NetworkCall.escape(root))/conversation",
            query: [("fields", ThreadsSource.fields), ("reverse", "false")])
        return all.compactMap {
            feed.mention(
                $0, kind: .thread, root: $0.rootPost?.id ?? root, via: "thread", profile: ThreadsSource.profile)
        }
    }
}
