import Foundation
import Insight
import ScreenKit
import SwitchboardCore

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
    /// A window without a store read the history again (after a write, on the refresh tick).
    case windowReread(WindowReread)
    /// A window without a store started its pages again with the filter's query: its first rows, how many match.
    case windowMatched(Query, [(mention: Mention, state: MentionState)], matches: Int)
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
    /// A reply was taken back during its send delay: its text goes back into the composer (saved to `path`, nil:
    /// the file could not be written).
    case replyTakenBack(key: String, text: String, path: String?)
    /// Sending stopped before anything was stored: someone else changed the mention.
    case collision(key: String, lines: [String])
    /// A sender pass finished (sent, failed or skipped per entry).
    case sendFinished([String])
    /// Who polls the sources now (the Refresher's probe, when it changed).
    case sources(SourcesMode)
    /// team.json changed and parses: the new settings replace the old ones.
    case teamChanged(TeamConfig)
    /// team.json stopped parsing (file, line, column): the settings stay, a banner says so, nothing is saved.
    case teamBroken(String)
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
    /// The kinds of moderation the highlighted mention's network offers (the `X` chooser).
    case moderationChoices(key: String, kinds: [ModerationKind])
    /// A moderation action finished: what happened (recorded when `ok`).
    case moderated(String, ok: Bool)
    /// The conversation of `key` (fetched and stored posts); `problem`: why the network's part is missing.
    case threadLoaded(key: String, Conversation, problem: String?)
    /// The reply suggestions for a mention, best first.
    case suggestionsLoaded(key: String, [ReplySuggestion])
    /// The post is one of ours, with its latest text: edit on the command line, or confirm.
    case ownPostChecked(OwnPostChange)
    /// A post of a conversation is stored now, to be answered.
    case threadStored(key: String)
    case failed(String)
    /// A background git sync finished (Update+Sync.swift).
    case synced(SyncOutcome)
    /// The brands overview's rows (read in the background).
    case brandsLoaded([BrandSummary])
    /// `:brand NAME` or Enter in the overview found the brand: the workbench reopens on its directory.
    case brandChosen(BrandList.Brand)
    /// SIGTERM/SIGHUP/SIGINT: quit now (drafts stay in memory only if unsaved: they are saved first).
    case terminate
}
