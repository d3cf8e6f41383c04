import Foundation
import Insight
import SwitchboardCore

/// What changed in the store since the UI last looked.
public struct StoreDelta: Sendable {
    /// Mentions stored since the last delta (all of them when `reloaded`).
    public var newMentions: [Mention]
    /// The current working state of every mention that has one.
    public var states: [String: MentionState]
    /// New analysis results for mentions the UI already has.
    public var analysis: [String: Analysis]
    /// The store was rewritten (compaction): rebuild from `newMentions`.
    public var reloaded: Bool
    /// The newest outbox entry of every mention whose outbox changed (all of them when `reloaded`).
    public var outbox: [String: OutboxEntry] = [:]
    /// The newest spike alert among the new actions (all actions when `reloaded`), if any.
    public var spike: SpikeNotice?
    /// The queue, when a queue action came in (or everything was reloaded).
    public var queue: QueueInfo?
    /// The crisis drawer, when a crisis action, a spike, or (during a run) anything new came in.
    public var crisis: CrisisInfo?
    /// The feed's person marks, when the contacts changed (all of them).
    public var personMarks: [String: PersonMark]?
    /// Marks of some mentions only (the authors of new mentions): nil inside removes the mark.
    public var personMarkChanges: [String: PersonMark?] = [:]
    public init(
        newMentions: [Mention], states: [String: MentionState], analysis: [String: Analysis] = [:], reloaded: Bool,
        spike: SpikeNotice? = nil
    ) {
        (self.newMentions, self.states, self.analysis, self.reloaded) = (newMentions, states, analysis, reloaded)
        self.spike = spike
    }
}
