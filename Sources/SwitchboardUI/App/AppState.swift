import Foundation
import Insight
import ScreenKit
import SwitchboardCore

/// Everything the screen shows. A value: only `update` changes it. Settings fixed at start, the frame
/// around the panes, one slice per pane, and the modal layer and views over them.
public struct AppState: Sendable {
    /// What the workbench was started with: replaced only by `reconfigure` (a team.json change, a take-over).
    public private(set) var settings: AppSettings
    /// Size, clock, focus, zoom, theme, status line.
    public var chrome: Chrome
    /// The current working state of every mention that has one (from the store).
    public var states: [String: MentionState] = [:]
    public var feed: FeedModel
    public var mention = MentionPane()
    public var queue = QueuePane()
    public var crisis = CrisisPane()
    /// The git sync of a team across servers (SyncStatus.swift).
    public var sync = SyncStatus()
    /// What covers the panes, bottom to top (views, then at most one modal): see `Overlay`.
    public var overlays: [Overlay] = []

    public init(settings s: WorkbenchSettings, size: Size, now: Date) {
        settings = AppSettings(s)
        chrome = Chrome(size: size, now: now, themeName: s.themeName, sources: s.sources)
        chrome.layout = s.layout
        feed = FeedModel(
            mute: MuteList(team: s.team, user: s.user), slaMinutes: settings.slaMinutes,
            sla: s.team.flatMap { try? SLA(team: $0) }, own: OwnAccounts(team: s.team))
    }

    /// New settings from the ones in use (only `update` calls this: `.teamChanged`, `.teamBroken`, `.sources`);
    /// the feed follows the team's mute list and SLA.
    mutating func reconfigure(_ change: (inout WorkbenchSettings) -> Void) {
        var w = settings.base
        change(&w)
        settings = AppSettings(w)
        feed.reconfigure(
            mute: MuteList(team: w.team, user: w.user), slaMinutes: settings.slaMinutes,
            sla: w.team.flatMap { try? SLA(team: $0) },
            own: OwnAccounts(team: w.team), states: states, viewport: Layout.feedViewport(self))
    }

    /// The mention open in the Mention pane.
    public var shownKey: String? { mention.opened }

    /// A mention is open for replying: the composer has the focus and shows a mention.
    public var isComposing: Bool { chrome.focus == .composer && shownKey != nil }

    /// The playbook the spike banner offers: while a spike alert shows and no real crisis is on.
    public var crisisOffer: Playbook? {
        guard !crisis.info.realActive, let sp = chrome.spike,
            sp.isActive(now: chrome.now, cooldown: settings.spikeCooldown)
        else { return nil }
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
