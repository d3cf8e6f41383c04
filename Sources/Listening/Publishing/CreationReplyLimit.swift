import Foundation
import SwitchboardCore

/// Who may reply to a new post, on the networks that let it be set only when the post is created: X
/// (`reply_settings`) and Threads (`reply_control`). While a real crisis with a `reply_controls` step runs, the queue
/// publishes with the step's rule; a post from before the crisis keeps what it had (neither API changes it later).
public enum CreationReplyLimit {
    /// The reply rule (`nobody`, `mentioned`, `following`) of the `reply_controls` step of the crisis running in
    /// `events` (drills change nothing); nil when none runs.
    public static func rule<S: Sequence>(_ events: S) -> String? where S.Element == AuditEvent {
        guard let run = CrisisLog(events: events).active,
            let step = run.playbook.steps.first(where: { $0.kind == .replyControls })
        else { return nil }
        return step.replies ?? "mentioned"
    }

    /// The form or JSON field and its value `network` takes for `rule` at creation; nil when it has none. Neither
    /// network has "nobody": the closest is "only people mentioned" (a post that mentions nobody).
    public static func field(network: String, rule: String) -> (name: String, value: String)? {
        switch (network, rule) {
        case ("x", "following"): return ("reply_settings", "following")
        case ("x", _): return ("reply_settings", "mentionedUsers")
        case ("threads", "following"): return ("reply_control", "accounts_you_follow")
        case ("threads", _): return ("reply_control", "mentioned_only")
        default: return nil
        }
    }
}
