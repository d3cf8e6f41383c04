import Foundation
import Insight
import SwitchboardCore

/// The feed: every stored mention as a small item, a sorted order, the filtered rows on screen, and a
/// selection and scroll position kept by mention (not by row number) while new mentions arrive.
public struct FeedModel: Sendable {
    /// Items in store order (index = position in the store's log).
    public internal(set) var items: [FeedItem] = []
    var keyIndex: [String: Int32] = [:]
    /// Every item not muted, sorted.
    var order: [Int32] = []
    /// What the feed shows: `order` through the filter.
    public internal(set) var rows: [Int32] = []
    public internal(set) var sort: SortOrder = .newest
    public internal(set) var filter: FeedFilter?
    var mute: MuteList
    /// The brand's own accounts: their posts show as ours and need no answer (set again with `rebuild` when the
    /// team changes).
    var own: OwnAccounts
    var slaMinutes: Int
    /// Items at or after this index arrived while the workbench was open.
    var baseline: Int?
    /// While the feed shows a window of the index (the store still loading): how many mentions are stored.
    public internal(set) var windowTotal: Int?
    /// How many mentions match the filter of a window without a store (its rows are the matches read so far).
    public internal(set) var windowMatches: Int?
    /// A window's filter count as shown: "1,234", or "200+" when the index stopped counting (`windowMatches` -1).
    var windowMatchesText: String {
        guard let n = windowMatches, n >= 0 else {
            return windowMatches == nil ? Format.thousands(rows.count) : Format.thousands(rows.count) + "+"
        }
        return Format.thousands(n)
    }
    /// The count for a message's `{n}`: the number, or "200+" when the index stopped counting.
    var windowMatchesArgument: any Sendable {
        if let n = windowMatches, n < 0 { return windowMatchesText }
        return windowMatches ?? rows.count
    }
    /// Whether the window answers `role:` through the index (`WindowPanes`); otherwise a filter says it cannot.
    public var windowKnowsRoles = false
    /// New arrivals not looked at yet (counted in the title, drawn as `feed_new`).
    public internal(set) var unseen: Set<Int32> = []
    /// Row of the selection and its item; row of the top line.
    public internal(set) var selected = 0
    public internal(set) var selectedItem: Int32?
    public internal(set) var scrollTop = 0

    /// Core's SLA (targets per priority band, business hours): due times and overdue counts.
    var sla: SLA?
    /// Due time per item (seconds since 1970), computed once (NaN: not yet).
    var dueCache: [Double] = []
    /// Business seconds per week of the SLA's hours (0: none).
    var weekly: Double
    /// Marked mentions (Space), for bulk status, assignment and tags.
    public var marks: Set<String> = []
    /// The row where a visual range (`v`) started: rows between it and the selection count as marked.
    public var visualAnchor: String?
    /// The saved view last chosen (shown in the status bar while its query is the filter).
    public var activeView: String?
    /// ★ (multiplier, journalist) and ⚑ (critic) marks of the rows, by mention key.
    public var personMarks: [String: PersonMark] = [:]

    init(mute: MuteList, slaMinutes: Int, sla: SLA? = nil, own: OwnAccounts = OwnAccounts()) {
        (self.mute, self.own, self.slaMinutes, self.sla) = (mute, own, slaMinutes, sla)
        weekly = sla.map(FeedModel.weeklySeconds) ?? 0
    }

    /// When the first response to item `i` is due: Core's SLA with the item's priority band and business hours.
    func dueTime(_ i: Int) -> Double {
        if i < dueCache.count, !dueCache[i].isNaN { return dueCache[i] }
        let it = items[i]
        guard let sla else { return it.time + Double(slaMinutes) * 60 }
        let band = Priority.band(Double(it.priority))
        if sla.hours == nil { return it.time + sla.target(band: band) }
        return sla.due(from: Date(timeIntervalSince1970: it.time), band: band).timeIntervalSince1970
    }

    /// Whether item `i` is past its deadline at `t`, without calendar arithmetic when the answer is certain: the
    /// deadline is never earlier than created + target (business time runs no faster than the wall clock) and, with
    /// business hours of W seconds a week, never later than created + ⌈target / W⌉ weeks + 1 hour (DST).
    mutating func isOverdue(_ i: Int, at t: Double, clock: BusinessClock? = nil) -> Bool {
        guard let sla, sla.hours != nil else { return t > cacheDue(i) }
        if i < dueCache.count, !dueCache[i].isNaN { return t > dueCache[i] }
        let it = items[i]
        let target = sla.target(band: Priority.band(Double(it.priority)))
        if t <= it.time + target { return false }
        if weekly > 0, t > it.time + (target / weekly).rounded(.up) * 7 * 86400 + 3600 { return true }
        // In between: as much business time as the target has passed since it arrived.
        if let clock { return clock.between(it.time, t) >= target }
        return t > cacheDue(i)
    }

    /// The business clock covering every mention whose overdue state needs it at `t`.
    func businessClock(at t: Double) -> BusinessClock? {
        guard let sla, sla.hours != nil else { return nil }
        guard weekly > 0 else { return nil }
        let longest =
            ([Double(sla.firstResponseMinutes) * 60] + sla.byPriority.values.map { Double($0) * 60 }).max() ?? 0
        return BusinessClock(sla: sla, from: t - (longest / weekly).rounded(.up) * 7 * 86400 - 7200, to: t)
    }

    static func weeklySeconds(_ sla: SLA) -> Double {
        Double((sla.hours ?? [:]).values.reduce(0) { $0 + $1.reduce(0) { $0 + $1.upperBound - $1.lowerBound } }) * 60
    }

    /// Computes the due times of the rows on screen (so drawing needs no calendar arithmetic).
    mutating func cacheVisibleDue(viewport: Int) {
        guard sla?.hours != nil, !rows.isEmpty else { return }
        for r in scrollTop..<min(rows.count, scrollTop + max(1, viewport)) { _ = cacheDue(Int(rows[r])) }
    }

    mutating func cacheDue(_ i: Int) -> Double {
        if dueCache.count < items.count { dueCache += [Double](repeating: .nan, count: items.count - dueCache.count) }
        if !dueCache[i].isNaN { return dueCache[i] }
        let d = dueTime(i)
        dueCache[i] = d
        return d
    }

    public var selectedKey: String? { selectedItem.map { items[Int($0)].key } }
    public var isEmpty: Bool { rows.isEmpty }

    /// Sorts indices by the current order without copying items in the comparator (fast at 100,000).
    func sorted(_ idx: [Int32]) -> [Int32] {
        switch sort {
        case .newest:
            var keyed = idx.map { (items[Int($0)].time, $0) }
            keyed.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 > $1.1 }
            return keyed.map(\.1)
        case .priority:
            var keyed = idx.map { (items[Int($0)].priority, items[Int($0)].time, $0) }
            keyed.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1 != $1.1 ? $0.1 > $1.1 : $0.2 > $1.2) }
            return keyed.map(\.2)
        }
    }

    func before(_ a: Int32, _ b: Int32) -> Bool {
        let x = items[Int(a)]
        let y = items[Int(b)]
        switch sort {
        case .newest:
            return x.time != y.time ? x.time > y.time : a > b
        case .priority:
            if x.priority != y.priority { return x.priority > y.priority }
            return x.time != y.time ? x.time > y.time : a > b
        }
    }

    func status(_ i: Int32, _ states: [String: MentionState]) -> MentionStatus {
        states.isEmpty ? .new : (states[items[Int(i)].key]?.status ?? .new)
    }

    func passes(_ i: Int32, _ states: [String: MentionState]) -> Bool {
        guard let f = filter else { return true }
        return f.matches(i)
    }

    // MARK: Building

    /// Replaces everything (first load, or the store was rewritten), keeping the selection by key.
    mutating func rebuild(_ mentions: [Mention], states: [String: MentionState], now: Date, viewport: Int) {
        let oldKey = selectedKey
        let oldTopKey = rows.indices.contains(scrollTop) ? items[Int(rows[scrollTop])].key : nil
        let wasAtTop = scrollTop == 0
        // One own-account test per author, not per mention (a start-up over 100,000 mentions).
        var ownByHandle: [String: Bool] = [:]
        let own = self.own
        items = mentions.map { m in
            var mine = false
            if !own.isEmpty, let h = m.author?.handle {
                if let v = ownByHandle[h] {
                    mine = v
                } else { mine = own.contains(handle: h); ownByHandle[h] = mine }
            }
            return FeedItem(
                m, sla: slaMinutes, now: now, status: states.isEmpty ? .new : (states[m.key]?.status ?? .new), own: mine
            )
        }
        dueCache = []
        windowTotal = nil
        windowMatches = nil
        keyIndex = [:]
        keyIndex.reserveCapacity(items.count)
        for (i, it) in items.enumerated() where keyIndex[it.key] == nil { keyIndex[it.key] = Int32(i) }
        if baseline == nil { baseline = items.count }
        unseen = unseen.filter { Int($0) < items.count }
        order = sorted(
            mute.hidesNothing
                ? Array(0..<Int32(items.count)) : (0..<Int32(items.count)).filter { !mute.hides(items[Int($0)]) })
        rows = filter == nil ? order : order.filter { passes($0, states) }
        reanchor(
            selectedKey: oldKey.flatMap { keyIndex[$0] }, topItem: wasAtTop ? nil : oldTopKey.flatMap { keyIndex[$0] },
            viewport: viewport)
    }

    /// Folds in mentions that arrived since the last look. The selection stays on its mention and the
    /// view on the same lines, unless the view is at the very top (then new mentions appear there).
    mutating func append(_ mentions: [Mention], states: [String: MentionState], now: Date, viewport: Int) {
        guard !mentions.isEmpty else { return }
        let topItem = rows.indices.contains(scrollTop) && scrollTop > 0 ? rows[scrollTop] : nil
        var fresh: [Int32] = []
        for m in mentions {
            if keyIndex[m.key] != nil { continue }
            let idx = Int32(items.count)
            items.append(
                FeedItem(m, sla: slaMinutes, now: now, status: states[m.key]?.status ?? .new, own: own.contains(m)))
            keyIndex[m.key] = idx
            if let b = baseline, Int(idx) >= b { unseen.insert(idx) }
            if !mute.hides(items[Int(idx)]) { fresh.append(idx) }
        }
        if fresh.count > 64 {
            order = sorted(order + fresh)
            rows = filter == nil ? order : order.filter { passes($0, states) }
        } else {
            for i in fresh {
                order.insert(i, at: insertionPoint(i, in: order))
                if passes(i, states) { rows.insert(i, at: insertionPoint(i, in: rows)) }
            }
        }
        reanchor(selectedKey: selectedItem, topItem: topItem, viewport: viewport)
    }

    private func insertionPoint(_ i: Int32, in a: [Int32]) -> Int {
        var lo = 0
        var hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if before(a[mid], i) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// New analysis for stored mentions: marks and priority change, positions stay.
    mutating func updateAnalysis(_ updates: [String: Analysis], now: Date) {
        for (k, a) in updates {
            guard let i = keyIndex[k] else { continue }
            // Its priority band may change: its due time is computed again when next needed.
            if Int(i) < dueCache.count { dueCache[Int(i)] = .nan }
            items[Int(i)].sentiment = a.sentiment
            items[Int(i)].intents = IntentSet(a.intents)
            items[Int(i)].moodScore = Float(a.score)
            let it = items[Int(i)]
            items[Int(i)].priority = FeedItem.priority(
                a, followers: Int(it.followers), time: it.time, isReply: it.isReply,
                status: it.isOwn ? .answered : .new,
                sla: slaMinutes, now: now)
        }
    }

    /// States changed: a filter that looks at states is re-run.
    mutating func statesChanged(_ states: [String: MentionState], viewport: Int) {
        guard let f = filter, f.dependsOnState else { return }
        refilter(states, viewport: viewport)
    }

    mutating func setSort(_ s: SortOrder, states: [String: MentionState], viewport: Int, now: Date) {
        sort = s
        if s == .priority {
            // Priorities move with time (the SLA) and state: recompute before sorting.
            for i in items.indices {
                let st = states.isEmpty ? MentionStatus.new : (states[items[i].key]?.status ?? .new)
                items[i].priority = items[i].currentPriority(status: st, sla: slaMinutes, now: now)
            }
        }
        order = sorted(order)
        refilter(states, viewport: viewport, keepTop: false)
    }

    /// The matcher's answer for the current query: indices of matching items.
    mutating func applyMatches(_ q: Query, _ matched: [Int], states: [String: MentionState], viewport: Int) {
        guard var f = filter, f.query == q else { return }
        var bits = [Bool](repeating: false, count: items.count)
        for i in matched where i < bits.count { bits[i] = true }
        let first = f.bits == nil
        f.bits = bits
        filter = f
        refilter(states, viewport: viewport, keepTop: !first)
    }

    mutating func setFilter(_ f: FeedFilter?, states: [String: MentionState], viewport: Int) {
        var f = f
        if let old = filter, f?.query == old.query { f?.bits = old.bits }
        filter = f
        refilter(states, viewport: viewport, keepTop: false)
    }

    mutating func refilter(_ states: [String: MentionState], viewport: Int, keepTop: Bool = true) {
        let top = keepTop && scrollTop > 0 && rows.indices.contains(scrollTop) ? rows[scrollTop] : nil
        rows = filter == nil ? order : order.filter { passes($0, states) }
        reanchor(selectedKey: selectedItem, topItem: top, viewport: viewport)
    }

    /// Finds the selected item and the top item again after rows changed.
    private mutating func reanchor(selectedKey item: Int32?, topItem: Int32?, viewport: Int) {
        if let item, let r = rows.firstIndex(of: item) {
            selected = r
        } else { selected = min(selected, max(0, rows.count - 1)) }
        if let t = topItem, let r = rows.firstIndex(of: t) {
            scrollTop = r
        } else if topItem != nil {
            scrollTop = min(scrollTop, max(0, rows.count - 1))
        }
        selectedItem = rows.isEmpty ? nil : rows[selected]
        clampScroll(viewport: viewport)
        markSeen()
    }

    // MARK: Moving

    mutating func move(to row: Int, viewport: Int) {
        guard !rows.isEmpty else { (selected, selectedItem, scrollTop) = (0, nil, 0); return }
        selected = max(0, min(rows.count - 1, row))
        selectedItem = rows[selected]
        clampScroll(viewport: viewport)
        markSeen()
    }

    /// Keeps the selection inside the viewport.
    mutating func clampScroll(viewport: Int) {
        let h = max(1, viewport)
        if selected < scrollTop { scrollTop = selected }
        if selected >= scrollTop + h { scrollTop = selected - h + 1 }
        scrollTop = max(0, min(scrollTop, max(0, rows.count - h)))
        if selected < scrollTop || selected >= scrollTop + h { scrollTop = max(0, selected - h + 1) }
    }

    private mutating func markSeen() {
        if let s = selectedItem, !unseen.isEmpty { unseen.remove(s) }
    }

    func item(atRow r: Int) -> FeedItem { items[Int(rows[r])] }
    func isNew(row r: Int) -> Bool { unseen.contains(rows[r]) }

    /// Whether item `i` waits for a first response: open, unanswered, not our own post, and an SLA to keep.
    func waitsForAnswer(_ i: Int, _ st: MentionState?) -> Bool {
        !items[i].isOwn && (st?.status ?? .new).isOpen && st?.firstResponseAt == nil && slaMinutes > 0
    }

    /// Counts for the status bar: status new, open (needs someone), overdue (open, unanswered, older than the SLA).
    /// Our own posts are none of these: they need no answer.
    mutating func counts(_ states: [String: MentionState], now: Date) -> FeedCounts {
        var c = FeedCounts()
        let t = now.timeIntervalSince1970
        let clock = businessClock(at: t)
        for i in order {
            let idx = Int(i)
            if items[idx].isOwn { continue }
            let st = states.isEmpty ? nil : states[items[idx].key]
            let s = st?.status ?? .new
            if s == .new { c.new += 1 }
            if s.isOpen {
                c.open += 1
                if slaMinutes > 0, st?.firstResponseAt == nil, isOverdue(idx, at: t, clock: clock) { c.overdue += 1 }
            }
        }
        return c
    }
}
