import Foundation
import SwitchboardCore

/// The Mention pane: the open mention, its drafts and the reply flow's state.
public struct MentionPane: Sendable {
    /// The mention open in the pane (Enter opens the feed's selection). It does not follow the selection:
    /// moving in the feed stays cheap (a few cells per key), and the draft keeps its target.
    public var opened: String?
    /// The full mention behind `opened`, loaded by an effect.
    public var detail: MentionDetail?
    public var scroll = 0
    public var drafts: [String: Draft] = [:]
    /// When I claimed each mention I opened (Triage.claim's `openedAt`): the collision check at send time.
    public var claims: [String: Date] = [:]
    /// The composer's holding-statement cycle (`C-o` again inserts the next statement).
    public var statementCycle: StatementCycle?
    /// Reply suggestions per mention (`ReplySuggester`), best first; `C-g` inserts them in turn.
    public var suggestions: [String: [ReplySuggestion]] = [:]
    public var suggestionCycle: StatementCycle?
    public var templates: TemplateLibrary?
    /// The newest outbox entry per mention (from the store's deltas).
    public var outbox: [String: OutboxEntry] = [:]
    /// The composer's text of each reply of mine in the outbox (by entry id), as typed (without the signature the
    /// review added): taking the reply back (`u`) puts exactly this back into the composer.
    public var sentTexts: [String: String] = [:]
    /// Mentions I had claimed that someone else took over since (key → who): stated in the Mention pane.
    public var takenOver: [String: String] = [:]
    /// A sendDue effect is running.
    public var sending = false
    /// This process has no publisher (no team.json): queued replies are left to `switchboard listen`.
    public var noSender = false
    /// Mentions behind a server filter's warning whose text was opened (Enter a second time).
    public var revealed: Set<String> = []
}
