import Foundation
import SwitchboardCore

/// Which networks take images in a reply, and how many: Mastodon, Bluesky and X up to 4, a Facebook comment 1
/// (an unpublished photo as its `attachment_id`), a Threads reply up to 10 (an image or carousel container with
/// `reply_to_id`). Instagram comment replies, YouTube comments and Reddit comments take only text through their APIs;
/// the feeds (RSS, JSON Lines) are answered by hand. `:attach` and `switchboard reply --media` ask here first, so an
/// image is refused when it is chosen, not when the reply is sent.
public enum ReplyMedia {
    /// The most images a reply on `network` may carry; nil where it can carry none.
    public static func limit(_ network: String) -> Int? {
        switch network.lowercased() {
        case "mastodon", "bluesky", "x": return 4
        case "facebook": return 1
        case "threads": return 10
        default: return nil
        }
    }

    /// Why `count` images cannot go with a reply on `network` (nil when they can), in the interface's language.
    public static func refusal(_ network: String, count: Int) -> String? {
        let name = Moderation.networkName(network)
        guard let limit = limit(network) else {
            switch network.lowercased() {
            case "instagram", "youtube", "reddit": return L10n.t("media.replyTextOnly", ["network": name])
            default: return L10n.t("media.replyNoAPI", ["network": name])
            }
        }
        return count > limit ? L10n.t("media.replyTooMany", ["network": name, "limit": limit]) : nil
    }
}
