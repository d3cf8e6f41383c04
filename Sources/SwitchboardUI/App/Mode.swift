import Foundation
import SwitchboardCore

/// Modal states over the panes.
public enum Mode: Sendable, Equatable {
    case normal
    case help(scroll: Int)
    case command(CommandLineState)
    case confirmQuit
    /// Someone else holds the mention the composer opened: Enter (or y) takes it over.
    case confirmTakeover(key: String, user: String, since: Date?)
    case templates(TemplatePicker)
    case review(ReplyReview)
    /// A reply to give by hand was copied: `y` marks the mention answered.
    case confirmManual(key: String, id: String, url: String?)
    /// A post to add or schedule has pre-flight warnings: y goes ahead anyway.
    case confirmQueue(QueueOp, warnings: [String])
    /// Sending stopped: the mention changed since I opened it (what others did).
    case collision(key: String, lines: [String])
    /// Starting a playbook (severity, then whether to suspend the queue), or changing a run's severity.
    case crisisPrompt(CrisisPrompt)
}
