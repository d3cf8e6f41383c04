import DemoNetwork
import Foundation
import SwitchboardCore

extension Demo {
    /// The stored Mastodon and Bluesky mentions as the demo's network knows them, so `t` fetches their
    /// conversations from it (Mastodon by status number, Bluesky by AT-URI).
    static func threadPosts(_ mentions: [Mention]) -> [DemoThreadPost] {
        mentions.compactMap { m in
            switch m.platform {
            case "mastodon":
                guard let id = replyRef(platform: m.platform, id: m.id, threadRoot: nil)?.uri else { return nil }
                let parent = m.inReplyTo.map { String($0.split(separator: "/").last ?? Substring($0)) }
                return DemoThreadPost(
                    network: "mastodon", id: id, uri: m.id, text: m.text, inReplyTo: parent,
                    handle: m.author?.handle ?? "someone@example.social", name: m.author?.name, createdAt: m.createdAt)
            case "bluesky":
                guard m.id.hasPrefix("at://") else { return nil }
                return DemoThreadPost(
                    network: "bluesky", id: m.id, uri: m.id, text: m.text, inReplyTo: m.inReplyTo,
                    rootURI: m.threadRoot, handle: m.author?.handle ?? "someone.bsky.social", name: m.author?.name,
                    createdAt: m.createdAt)
            default: return nil
            }
        }
    }
}
