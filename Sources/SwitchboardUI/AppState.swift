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

/// Everything the screen shows. A value: only `update` changes it. Settings fixed at start, the frame
/// around the panes, one slice per pane, and the modal layer and views over them.
public struct AppState: Sendable {
    /// What the workbench was started with (never changes).
    public let settings: AppSettings
    /// Size, clock, focus, zoom, theme, status line.
    public var chrome: Chrome
    /// The current working state of every mention that has one (from the store).
    public var states: [String: MentionState] = [:]
    public var feed: FeedModel
    public var mention = MentionPane()
    public var queue = QueuePane()
    public var crisis = CrisisPane()
    /// Modal states over the panes (help, the command line, prompts).
    public var mode: Mode = .normal
    /// The `:trends` overlay: terms rising in the last hour (nil when closed).
    public var trends: TrendsOverlay?
    /// The `:report` view (nil when closed).
    public var report: ReportView?
    /// The `:contacts` view (nil when closed).
    public var contactsView: ContactsView?

    public init(settings s: WorkbenchSettings, size: Size, now: Date) {
        settings = AppSettings(s)
        chrome = Chrome(size: size, now: now, themeName: s.themeName, listener: s.listener)
        feed = FeedModel(mute: MuteList(s.team?.mute), slaMinutes: settings.slaMinutes,
                         sla: s.team.flatMap { try? SLA(team: $0) })
    }

    /// The mention open in the Mention pane.
    public var shownKey: String? { mention.opened }

    /// A mention is open for replying: the composer has the focus and shows a mention.
    public var isComposing: Bool { chrome.focus == .composer && shownKey != nil }

    /// The playbook the spike banner offers: while a spike alert shows and no real crisis is on.
    public var crisisOffer: Playbook? {
        guard !crisis.info.realActive, let sp = chrome.spike,
              sp.isActive(now: chrome.now, cooldown: settings.spikeCooldown) else { return nil }
        return crisis.info.offer
    }

    public var currentDraft: Draft? { shownKey.flatMap { mention.drafts[$0] } }

    public var hasUnsavedDraft: Bool { mention.drafts.values.contains { $0.isDirty } }

    func enabled(_ c: BindingCondition) -> Bool {
        switch c {
        case .always: return true
        case .selection: return feed.selectedItem != nil
        case .composing: return isComposing
        case .crisisOffer: return crisisOffer != nil
        }
    }
}
