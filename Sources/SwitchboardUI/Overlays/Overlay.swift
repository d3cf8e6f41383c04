import Foundation
import SwitchboardCore

/// Everything that can cover the panes: the views (trends, report, contacts) and the modals (help, the command
/// line, prompts). `AppState.overlays` stacks them bottom to top — the views in a fixed order (trends, report,
/// contacts), then at most one modal — and keys go to the top one.
public enum Overlay: Sendable {
    /// The `:trends` overlay: terms rising in the last hour.
    case trends(TrendsOverlay)
    /// The `:report` view.
    case report(ReportView)
    /// The `:contacts` view.
    case contacts(ContactsView)
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
    /// A new post asks which accounts it goes to.
    case accounts(AccountPicker)
    /// Sending stopped: the mention changed since I opened it (what others did).
    case collision(key: String, lines: [String])
    /// Starting a playbook (severity, then whether to suspend the queue), or changing a run's severity.
    case crisisPrompt(CrisisPrompt)
    /// The brands overview (`B`): a row per brand, Enter opens one.
    case brands(BrandsOverview)
    /// Editing or deleting one of our own posts: y asks the network.
    case confirmPost(OwnPostChange)
    /// The thread view (`t`): the whole conversation of a mention.
    case thread(ThreadView)

    /// Where it goes in the stack: views by kind, modals on top.
    var layer: Int {
        switch self {
        case .trends: return 0
        case .report: return 1
        case .contacts: return 2
        case .thread: return 3
        default: return 4
        }
    }

    var isModal: Bool { layer == 4 }
}

extension AppState {
    /// The modal on top (help, the command line, a prompt); nil when keys go to a view or the panes. Setting it
    /// replaces the modal (nil closes it); the views under it stay.
    public var modal: Overlay? {
        get { overlays.last.flatMap { $0.isModal ? $0 : nil } }
        set { show(newValue, layer: 4) }
    }

    /// The `:trends` overlay (nil when closed).
    public var trends: TrendsOverlay? {
        get { overlays.lazy.compactMap { if case .trends(let t) = $0 { return t } else { return nil } }.first }
        set { show(newValue.map(Overlay.trends), layer: 0) }
    }

    /// The `:report` view (nil when closed).
    public var report: ReportView? {
        get { overlays.lazy.compactMap { if case .report(let r) = $0 { return r } else { return nil } }.first }
        set { show(newValue.map(Overlay.report), layer: 1) }
    }

    /// The `:contacts` view (nil when closed).
    public var contactsView: ContactsView? {
        get { overlays.lazy.compactMap { if case .contacts(let c) = $0 { return c } else { return nil } }.first }
        set { show(newValue.map(Overlay.contacts), layer: 2) }
    }

    /// The thread view (nil when closed).
    public var threadView: ThreadView? {
        get { overlays.lazy.compactMap { if case .thread(let t) = $0 { return t } else { return nil } }.first }
        set { show(newValue.map(Overlay.thread), layer: 3) }
    }

    /// Puts `overlay` in its layer (replacing what was there), or with nil empties the layer.
    private mutating func show(_ overlay: Overlay?, layer: Int) {
        overlays.removeAll { $0.layer == layer }
        guard let overlay else { return }
        overlays.insert(overlay, at: overlays.firstIndex { $0.layer > layer } ?? overlays.endIndex)
    }
}
