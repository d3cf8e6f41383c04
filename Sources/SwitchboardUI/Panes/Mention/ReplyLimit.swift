import Foundation
import SwitchboardCore

/// Reply length against the target network's limit.
public enum ReplyLimit {
    /// (used, limit) for the network, or nil when it has no limit (RSS, others).
    /// A private chat message (`visibility` `direct` outside Mastodon) counts against the network's message limit.
    public static func count(_ text: String, platform: String, visibility: String? = nil) -> (used: Int, limit: Int)? {
        // One implementation with the CLI and the checks: Core's PostLength.
        PostLength.measure(text, network: platform.lowercased(), visibility: visibility)
    }
}
