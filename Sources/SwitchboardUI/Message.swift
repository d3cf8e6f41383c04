import Foundation
import ScreenKit
import SwitchboardCore
import Insight

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
    public init(newMentions: [Mention], states: [String: MentionState], analysis: [String: Analysis] = [:], reloaded: Bool,
                spike: SpikeNotice? = nil) {
        self.newMentions = newMentions; self.states = states; self.analysis = analysis; self.reloaded = reloaded; self.spike = spike
    }
}

/// Everything that can happen to the workbench: one mailbox, one `update`.
public enum Message: Sendable {
    /// The runtime started: load what the panes need.
    case start
    case key(Key)
    case paste(String)
    case mouse(MouseEvent)
    case resize(Size)
    /// The clock moved (relative times, overdue counts, transient messages).
    case tick(Date)
    case storeChanged(StoreDelta)
    /// The full mention (and its thread, and a saved draft) for the selection.
    case detailLoaded(MentionDetail, draft: String?)
    case recorded(String)
    case draftSaved(key: String, text: String, path: String)
    /// The editor finished; nil when it failed or left the file unchanged.
    case editorFinished(key: String, text: String?)
    case panelsLoaded(QueueInfo, CrisisInfo)
    case themeLoaded(String)
    case trendsLoaded([TrendingTerm])
    /// The matcher's answer for a feed query: indices (feed items = store mentions) that match.
    case feedMatched(Query, [Int])
    /// The composer's claim went through (`tookOverFrom`: who held it before a forced take-over).
    case claimed(key: String, openedAt: Date, tookOverFrom: String?)
    /// Someone else holds the mention: ask before taking over.
    case claimHeld(key: String, user: String, since: Date?)
    case templatesLoaded(TemplateLibrary)
    /// The reply is in the outbox (durably): counting down, or to be given by hand.
    case replyQueued(OutboxEntry)
    /// Sending stopped before anything was stored: someone else changed the mention.
    case collision(key: String, lines: [String])
    /// A sender pass finished (sent, failed or skipped per entry).
    case sendFinished([String])
    case listener(String)
    /// Pre-flight warnings of a new post (none: it is added at once; else y confirms).
    case queueChecked(QueueOp, warnings: [String])
    /// A queue item was added: focus the queue pane on it.
    case queueSelect(id: String, text: String, edit: String? = nil)
    /// A queue publishing pass finished (one line per post).
    case queuePublished([String])
    /// A notify step's command finished (or was recorded): what happened, and whether it worked.
    case crisisNotified(String, ok: Bool)
    /// A crisis change was refused (CrisisError, the queue's role rule): shown in the pane until the next try.
    case crisisFailed(String)
    /// The `:report` view's text (Core's Report.text for the last 7 days).
    case reportLoaded([String])
    /// The contacts for the `:contacts` view (and the advocates of the last 7 days).
    case contactsLoaded(ContactsSnapshot)
    /// A contact's card with its history (the `:contacts` view's Enter).
    case contactCardLoaded(ContactCard)
    case failed(String)
    /// SIGTERM/SIGHUP/SIGINT: quit now (drafts stay in memory only if unsaved: they are saved first).
    case terminate
}

/// Side effects, as values: the runtime (or TestApp) performs them and answers with messages.
public enum Effect: Sendable, Equatable {
    case record([Action], done: String)
    case loadDetail(String)
    case saveDraft(key: String, text: String)
    case openEditor(key: String, text: String)
    case loadPanels
    case loadTheme(String)
    /// Terms rising in the last hour against the previous 24 hours (Insight's Trends.rising).
    case loadTrends(now: Date)
    /// Run the feed's query over the store's mentions (one QueryMatcher, columns reused per keystroke).
    case matchFeed(Query, now: Date, slaMinutes: Int)
    /// Claim a mention for me (Triage.claim); `force` takes it over from someone else.
    case claim(String, force: Bool)
    case loadTemplates
    /// Store the reply in the outbox, checking nobody changed the mention since `openedAt` (atomic).
    case queueReply(key: String, text: String, delay: TimeInterval, openedAt: Date?)
    case cancelSend(id: String)
    case retrySend(id: String)
    case confirmManual(id: String)
    /// OSC 52 through the terminal (works over SSH).
    case copyToClipboard(String)
    /// Post what is due through the mentions' networks (OutboxSender).
    case sendDue
    /// Fold in what this process wrote from a background task (a send).
    case refreshStore
    /// A change to the content queue (an action in the log).
    case queue(QueueOp)
    /// Publish due queue items (QueuePublisher) in a background task.
    case publishQueue
    /// A change to the crisis drawer (CrisisOps; notify commands run in a background task).
    case crisis(CrisisOp)
    /// Contacts, hand-offs and the report (EffectRunner+Community.swift).
    case community(CommunityOp)
    case quit
}
