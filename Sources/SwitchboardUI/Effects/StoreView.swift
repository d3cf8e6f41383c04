import Foundation
import Insight
import SwitchboardCore

/// The store as the workbench has seen it: how far the deltas got, and the folds the effects read between them
/// (threads, outbox, crisis runs, playbooks, contacts, the last spike) with the caches derived from them (the
/// crisis chart, the offered playbook, the `role:` hook). A plain value advanced by `start` and `advance`; the
/// EffectRunner keeps one and does the reading and writing around it.
struct StoreView {
    /// Mentions and log events already handed to the UI (new ones are found by count).
    private(set) var knownCount = 0
    private(set) var knownEvents = 0
    var threads = ThreadIndex([])
    var outbox = Outbox()
    /// The crisis runs folded from the log (kept up to date with every delta) and the playbooks last read.
    var crisisLog = CrisisLog()
    var playbookLibrary = PlaybookLibrary(playbooks: [])
    /// The newest spike alert seen (for the playbook offer).
    var lastSpike: SpikeNotice? { didSet { if lastSpike != oldValue { offer = nil } } }
    /// The chart of the current run between deltas: new mentions are counted into their slots (`counted`: how many
    /// of the store's mentions are in it). Computed again when a slot begins, on reload and on re-analysis.
    var chart: (run: String, counted: Int, buckets: [CrisisBucket])?
    /// The playbook offered for `lastSpike` (computed once per spike and playbook reload: it reads every mention).
    var offer: (playbook: Playbook?, spike: Date)?
    /// Every contact: folded once at start-up, then updated with each delta's new mentions and actions
    /// (for `role:` in the feed filter, the author card, the feed's ★/⚑ marks and `:contacts`).
    var contacts: Contacts? { didSet { roleHook = nil } }
    /// `role:` for the feed filter, made from `contacts` when a query needs it (kept until the contacts change).
    var roleHook: (@Sendable (Mention, String) -> Bool)?

    /// What the store gained since the last `advance`.
    struct Gain {
        var newMentions: [Mention]
        var newEvents: ArraySlice<AuditEvent>
        /// The store was rewritten (compaction): everything is new.
        var reloaded: Bool
        /// The log was read again from the start.
        var fresh: Bool
        /// The newest outbox entry of every mention whose outbox changed.
        var outbox: [String: OutboxEntry]
    }

    /// Folds in everything the store holds (the first frame).
    mutating func start(mentions: [Mention], events: [AuditEvent], spike: SpikeNotice?) -> [String: OutboxEntry] {
        knownCount = mentions.count
        threads = ThreadIndex(mentions)
        knownEvents = events.count
        outbox = Outbox(events: events)
        crisisLog = CrisisLog(events: events)
        lastSpike = spike
        return Self.latest(outbox.all)
    }

    /// Folds in what the store gained: new mentions (by count), new log events, both again after a rewrite.
    mutating func advance(mentions all: [Mention], events: [AuditEvent], reloaded storeReloaded: Bool) -> Gain {
        let reloaded = storeReloaded || all.count < knownCount
        let new = reloaded ? all : Array(all[knownCount...])
        if reloaded { threads = ThreadIndex(all) } else if !new.isEmpty { threads.add(new, all: all) }
        knownCount = all.count
        let fresh = reloaded || events.count < knownEvents
        let newEvents = fresh ? events[...] : events[knownEvents...]
        knownEvents = events.count
        var changed: [String: OutboxEntry] = [:]
        if fresh {
            outbox = Outbox(events: events)
            changed = Self.latest(outbox.all)
        } else {
            var touched: Set<String> = []
            for e in newEvents where e.action.outboxID != nil {
                outbox.apply(e)
                if let m = e.action.mention { touched.insert(m) }
            }
            for m in touched { if let l = outbox.latest(for: m) { changed[m] = l } }
        }
        if fresh { crisisLog = CrisisLog(events: events) } else { for e in newEvents { crisisLog.apply(e) } }
        return Gain(newMentions: new, newEvents: newEvents, reloaded: reloaded, fresh: fresh, outbox: changed)
    }

    /// The newest entry per mention.
    static func latest(_ all: [OutboxEntry]) -> [String: OutboxEntry] {
        var out: [String: OutboxEntry] = [:]
        for e in all { out[e.mention] = e }
        return out
    }
}
