import Foundation
import ScreenKit
import SwitchboardCore
import Insight

/// The full mention behind the selection, loaded by an effect (the feed keeps only small items).
public struct MentionDetail: Sendable, Equatable {
    public var mention: Mention
    /// Other stored mentions of the same thread (same root or reply chain), oldest first.
    public var thread: [Mention]
    /// The author's contact card (nil when the mention has no author, or the author is one of ours).
    public var contact: ContactCard?
    public init(mention: Mention, thread: [Mention]) { self.mention = mention; self.thread = thread }
}

/// The `:` command line.
public struct CommandLineState: Sendable, Equatable {
    public var editor = TextEditor()
    /// Candidates of the last Tab (shown above the line); Tab again cycles through them.
    public var candidates: [String] = []
    public var candidateIndex: Int?
    /// The text before completion started cycling.
    var completionBase: String?
    /// A `filter …` line whose query does not parse: where and why (shown with a caret above the line).
    public var problem: QueryProblem?
    /// The filter active when live filtering started (Esc puts it back); nil when not filtering.
    var filterBefore: String??
}

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

/// A transient message in the status bar.
public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public var until: Date
    public init(text: String, isError: Bool, until: Date) { self.text = text; self.isError = isError; self.until = until }
}

/// What the workbench is given at start-up (everything outside the store).
public struct WorkbenchSettings: Sendable {
    public var dataPath: String
    public var user: String
    public var team: TeamConfig?
    public var keymap: Keymap
    public var themeName: String
    public var themes: [String]
    public var timeZone: TimeZone
    public var listener: String
    /// Saved views (named queries from `views.json` in the personal config), for `:view NAME`.
    public var views: [SavedViews.View]
    /// Publish due queue items from this process (Workbench.swift: when it runs the sources).
    public var publishesQueue = false
    public init(dataPath: String, user: String, team: TeamConfig?, keymap: Keymap = .defaults, themeName: String = "default",
                themes: [String] = ["default"], timeZone: TimeZone = .current, listener: String = "sources: this workbench",
                views: [SavedViews.View] = []) {
        self.dataPath = dataPath; self.user = user; self.team = team; self.keymap = keymap; self.themeName = themeName
        self.themes = themes; self.timeZone = timeZone; self.listener = listener; self.views = views
    }
}

/// Everything the screen shows. A value: only `update` changes it.
public struct AppState: Sendable {
    public var size: Size
    public var now: Date
    public var timeZone: TimeZone
    public var focus: Pane = .feed
    public var zoomed = false
    public var mode: Mode = .normal
    public var keymap: Keymap
    public var themeName: String
    public var themes: [String]
    public var feed: FeedModel
    public var states: [String: MentionState] = [:]
    public var counts = FeedCounts()
    public var detail: MentionDetail?
    public var detailScroll = 0
    public var drafts: [String: Draft] = [:]
    public var queue = QueueInfo()
    public var queueSelected = 0
    /// The queue item `u` restores (the last one deleted here).
    public var queueUndo: String?
    /// This workbench publishes due queue items (it runs the sources; else the listener does).
    public var publishesQueue: Bool
    /// A publishQueue effect is running.
    public var queuePublishing = false
    /// The posting schedule (team.json `posting_schedule`), for the week calendar.
    public var postingSchedule: PostingSchedule?
    public var crisis = CrisisInfo()
    /// The selected playbook (no run) or checklist step (a run); the scroll position in the timeline.
    public var crisisSelected = 0
    public var crisisView: CrisisView = .checklist
    /// Why the last crisis change was refused (shown in full in the crisis pane; the status line clips).
    public var crisisError: String?
    /// The composer's holding-statement cycle (`C-o` again inserts the next statement).
    public var statementCycle: StatementCycle?
    /// The team (roles, brand and time zone for holding statements); nil without team.json.
    public var team: TeamConfig?
    public var dataPath: String
    public var user: String
    public var slaMinutes: Int
    public var listener: String
    public var message: StatusMessage?
    public var quit = false
    /// The newest spike alert from the actions log, shown while younger than `spikeCooldown`.
    public var spike: SpikeNotice?
    public var spikeCooldown: TimeInterval
    /// The `:trends` overlay: terms rising in the last hour (nil when closed).
    public var trends: TrendsOverlay?
    public var views: [SavedViews.View]
    /// The team member I am (for {{agent}} and the signature).
    public var agent: TeamConfig.Member?
    public var sendDelay: TimeInterval
    public var templates: TemplateLibrary?
    /// The newest outbox entry per mention (folded from the log by the EffectRunner).
    public var outbox: [String: OutboxEntry] = [:]
    /// A sendDue effect is running.
    public var sending = false
    /// This process has no publisher (no team.json): queued replies are left to `switchboard listen`.
    public var noSender = false
    /// When I claimed each mention I opened (Triage.claim's `openedAt`): the collision check at send time.
    public var claims: [String: Date] = [:]
    /// Marked mentions (Space), for bulk status, assignment and tags.
    public var marks: Set<String> = []
    /// The row where a visual range (`v`) started: rows between it and the selection count as marked.
    public var visualAnchor: String?
    /// The saved view last chosen (shown in the status bar while its query is the filter).
    public var activeView: String?
    /// ★ (multiplier, journalist) and ⚑ (critic) marks of the feed rows, by mention key.
    public var personMarks: [String: PersonMark] = [:]
    /// The `:report` view (nil when closed).
    public var report: ReportView?
    /// The `:contacts` view (nil when closed).
    public var contactsView: ContactsView?

    public init(settings s: WorkbenchSettings, size: Size, now: Date) {
        self.size = size
        self.now = now
        timeZone = s.timeZone
        keymap = s.keymap
        themeName = s.themeName
        themes = s.themes
        slaMinutes = s.team?.sla.firstResponseMinutes ?? 60
        feed = FeedModel(mute: MuteList(s.team?.mute), slaMinutes: slaMinutes, sla: s.team.flatMap { try? SLA(team: $0) })
        dataPath = s.dataPath
        user = s.user
        listener = s.listener
        views = s.views
        agent = s.team?.member(s.user)
        team = s.team
        sendDelay = AppState.sendDelay(s.team)
        publishesQueue = s.publishesQueue
        postingSchedule = s.team.map { PostingSchedule(team: $0) }
        spikeCooldown = s.team.map { SpikeSettings(team: $0).cooldown } ?? SpikeSettings().cooldown
    }

    /// The mention open in the Mention pane (Enter opens the feed's selection). It does not follow the
    /// selection: moving in the feed stays cheap (a few cells per key), and the draft keeps its target.
    public var opened: String?

    public var shownKey: String? { opened }

    /// A mention is open for replying: the composer has the focus and shows a mention.
    public var isComposing: Bool { focus == .composer && shownKey != nil }

    /// The playbook the spike banner offers: while a spike alert shows and no real crisis is on.
    public var crisisOffer: Playbook? {
        guard !crisis.realActive, let sp = spike, sp.isActive(now: now, cooldown: spikeCooldown) else { return nil }
        return crisis.offer
    }

    public var currentDraft: Draft? { shownKey.flatMap { drafts[$0] } }

    public var hasUnsavedDraft: Bool { drafts.values.contains { $0.isDirty } }

    func enabled(_ c: BindingCondition) -> Bool {
        switch c {
        case .always: return true
        case .selection: return feed.selectedItem != nil
        case .composing: return isComposing
        case .crisisOffer: return crisisOffer != nil
        }
    }
}
