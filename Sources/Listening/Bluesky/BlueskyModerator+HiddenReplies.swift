import Foundation
import SwitchboardCore

/// Hide and unhide a reply on Bluesky: the reply's AT-URI added to or removed from `hiddenReplies` of the thread
/// gate of the thread's root post. Only the author of the root may gate a thread, so this works only where the root
/// is the account's own post; the gate's other fields (a crisis's `allow` rules) stay as they are.
extension BlueskyModerator {
    func hideReply(_ target: ReplyRef, uri: String, hide: Bool) async throws {
        let me = try await session().did
        let what = hide ? "hide" : "unhide"
        guard let root = target.rootURI, root.hasPrefix("at://"), root != uri else {
            throw PublishError.configuration(
                "Bluesky can \(what) only a reply, and this post starts its own thread: mute, block or report the "
                    + "author instead")
        }
        let parts = root.dropFirst(5).split(separator: "/").map(String.init)
        guard parts.count == 3, parts[1] == "app.bsky.feed.post", parts[0] == me else {
            throw PublishError.configuration(
                "Bluesky can \(what) replies only in threads that start with the account's own post; this thread "
                    + "starts with someone else's post: mute, block or report the author instead")
        }
        let gate = BlueskyThreadgate(client: client, did: me, rkey: parts[2])
        try await gate.update(now: now()) { record in
            var hidden = (record["hiddenReplies"] as? [Any])?.compactMap { $0 as? String } ?? []
            if hide {
                guard !hidden.contains(uri) else { return false }
                guard hidden.count < BlueskyThreadgate.maxHidden else {
                    throw PublishError.rejected(
                        "Bluesky hides at most \(BlueskyThreadgate.maxHidden) replies per thread, and this thread has "
                            + "that many hidden already")
                }
                hidden.append(uri)
            } else {
                guard hidden.contains(uri) else { return false }
                hidden.removeAll { $0 == uri }
            }
            record["hiddenReplies"] = hidden
            return true
        }
    }
}
