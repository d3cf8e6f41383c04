import Foundation
import SwitchboardCore

/// Reply length against the target network's limit.
public enum ReplyLimit {
    /// (used, limit) for the network, or nil when it has no limit (RSS, others).
    public static func count(_ text: String, platform: String) -> (used: Int, limit: Int)? {
        // One implementation with the CLI and the checks: Core's PostLength.
        guard let limit = PostLength.limit(platform.lowercased()) else { return nil }
        return (PostLength.count(text, platform.lowercased()), limit)
    }
}
