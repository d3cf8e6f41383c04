import Foundation
import SwitchboardCore

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
    case queueReply(key: String, text: String, delay: TimeInterval, openedAt: Date?, media: [QueueMedia] = [])
    /// Take a reply back during its send delay; `draft` (the composer's text) goes back into the composer and to
    /// `drafts/` as a saved draft.
    case cancelSend(id: String, draft: String)
    /// A reply to the mention went out (sent, or confirmed posted by hand): remove `drafts/KEY.json` if it was
    /// saved at or before `sentAt` (a draft saved later is someone's new work).
    case deleteDraft(key: String, sentAt: Date)
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
    /// Hide, unhide, delete… through the mention's network (EffectRunner+Moderation.swift).
    case moderation(ModerationOp)
    /// Rank the templates and the team's earlier answers for a mention (in the background).
    case loadSuggestions(String)
    /// Edit or delete one of the brand's own posts (EffectRunner+OwnPosts.swift).
    case ownPost(OwnPostOp)
    /// The thread view: fetch a conversation, store a post to answer it (EffectRunner+Thread.swift).
    case thread(ThreadOp)
    /// The team the effects use changed (team.json edited), or stopped parsing (`problem`: nothing is saved).
    case useTeam(TeamConfig?, problem: String?)
    /// The brands of brands.json: the overview's counts, or the brand to open.
    case brands(BrandOp)
    /// One git sync with team.json's `sync` remote, off the main loop (EffectRunner+Sync.swift).
    case sync
    case quit
}
