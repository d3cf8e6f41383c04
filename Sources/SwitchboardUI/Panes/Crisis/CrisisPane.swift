import Foundation
import SwitchboardCore

/// The Crisis pane: playbooks and the run, what it shows and the selection.
public struct CrisisPane: Sendable {
    public var info = CrisisInfo()
    /// The selected playbook (no run) or checklist step (a run); the scroll position in the timeline.
    public var selected = 0
    public var view: CrisisView = .checklist
    /// Why the last crisis change was refused (shown in full in the pane; the status line clips).
    public var error: String?
}
