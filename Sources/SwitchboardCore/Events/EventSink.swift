import Foundation

/// Where outgoing events go (`team.json`'s `"events"`): a webhook (`url`, signed with HMAC-SHA256 when a secret is
/// configured) or a command (the event's JSON on stdin), for the event types in `on`.
public struct EventSink: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        /// `url` may hold `{id}`, replaced by the event id (a Matrix transaction id).
        case webhook(url: String, method: String)
        case command(String)
    }

    /// How a webhook's body looks: the event itself, or a chat message for Slack/Mattermost (`{"text": …}`) or
    /// Matrix (`{"msgtype": "m.text", "body": …}`).
    public enum Format: String, Hashable, Sendable, CaseIterable {
        case json, slack, mattermost, matrix
    }

    public var name: String
    public var target: Target
    public var format: Format
    /// Event type patterns (`claim`, `crisis_*`, `*`).
    public var on: [String]
    /// Where the HMAC secret comes from (a file under the data directory, or a command that prints it).
    public var secretFile: String?, secretCommand: String?
    /// A bearer token for the endpoint (Matrix), from a file or a command.
    public var tokenFile: String?, tokenCommand: String?
    /// The first retry's wait in seconds; it doubles per attempt, at most an hour.
    public var retrySeconds: Double
    /// Attempts before an event is given up (and said so in the listener's log).
    public var maxAttempts: Int

    /// What `on` means when it is absent: what a team usually wants in its chat.
    public static let defaultTypes = [
        OutgoingEvent.mentionHigh, "claim", "assign", "handoff", "outbox_sent", "moderate", "queue_suspend_all",
        "queue_resume_all", "queue_failed", "crisis_*", "spike_alert",
    ]

    public init(
        name: String, target: Target, format: Format = .json, on: [String] = EventSink.defaultTypes,
        secretFile: String? = nil, secretCommand: String? = nil, tokenFile: String? = nil,
        tokenCommand: String? = nil, retrySeconds: Double = 30, maxAttempts: Int = 12
    ) {
        (self.name, self.target, self.format, self.on) = (name, target, format, on)
        (self.secretFile, self.secretCommand, self.tokenFile, self.tokenCommand) =
            (secretFile, secretCommand, tokenFile, tokenCommand)
        (self.retrySeconds, self.maxAttempts) = (retrySeconds, maxAttempts)
    }

    /// Whether events of `type` go to this sink.
    public func wants(_ type: String) -> Bool {
        on.contains { p in
            p == "*" || p == type || (p.hasSuffix("*") && type.hasPrefix(String(p.dropLast())))
        }
    }

    /// The wait before attempt `attempts + 1` after `attempts` failed ones.
    public func retryDelay(attempts: Int) -> TimeInterval {
        min(3600, retrySeconds * pow(2, Double(max(0, attempts - 1))))
    }
}
