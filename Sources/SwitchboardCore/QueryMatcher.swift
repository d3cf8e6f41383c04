import Foundation

/// What a query is evaluated against besides the mention: who "me" is, the time, and hooks for what Core
/// cannot know by itself (the SLA's priority bands, contacts for `role:`).
public struct QueryEnvironment: Sendable {
    public var me: String
    public var now: Date
    /// `is:overdue`; default: open, unanswered and older than the team's first-response target (60 minutes).
    public var overdue: (@Sendable (Mention, MentionState, Date) -> Bool)?
    /// `role:VALUE` (contacts: press, vip, partner…); nil → `role:` matches nothing.
    public var role: (@Sendable (Mention, String) -> Bool)?
    public var defaultSLAMinutes: Int

    public init(me: String, now: Date = Date(), overdue: (@Sendable (Mention, MentionState, Date) -> Bool)? = nil,
                role: (@Sendable (Mention, String) -> Bool)? = nil, defaultSLAMinutes: Int = 60) {
        self.me = me; self.now = now; self.overdue = overdue; self.role = role; self.defaultSLAMinutes = defaultSLAMinutes
    }
}

/// Evaluates one query over many mentions, keeping the folded text of each mention (by key) so the next
/// keystroke's query only pays for the comparison. Not thread-safe: one per thread (the UI's update loop).
public final class QueryMatcher {
    public private(set) var query: Query
    public var environment: QueryEnvironment
    let me: String
    private var cache: [String: [UInt8]] = [:]
    private let cacheText: Bool

    public init(_ query: Query, environment: QueryEnvironment, cacheText: Bool = true) {
        self.query = query; self.environment = environment; self.cacheText = cacheText
        me = environment.me.lowercased()
    }

    /// Swaps in a new query, keeping the text cache.
    public func set(_ q: Query) { query = q }
    /// Forget cached text (e.g. after `reanalyze`); normally mentions never change their text.
    public func clearCache() { cache.removeAll(keepingCapacity: true) }

    public func matches(_ m: Mention, _ st: MentionState) -> Bool { eval(query.root, m, st) }

    /// Indices of the mentions that match, in order.
    public func filter(_ mentions: [Mention], states: [String: MentionState]) -> [Int] {
        var out: [Int] = []
        let empty = MentionState()
        for (i, m) in mentions.enumerated() where eval(query.root, m, states[m.key] ?? empty) { out.append(i) }
        return out
    }

    func haystack(_ m: Mention) -> [UInt8] {
        if !cacheText { return QueryText.haystack(m) }
        if let h = cache[m.key] { return h }
        let h = QueryText.haystack(m)
        cache[m.key] = h
        return h
    }

    func eval(_ n: Node, _ m: Mention, _ st: MentionState) -> Bool {
        switch n {
        case .all: return true
        case .none: return false
        case .and(let ns): for x in ns where !eval(x, m, st) { return false }; return true
        case .or(let ns): for x in ns where eval(x, m, st) { return true }; return false
        case .not(let x): return !eval(x, m, st)
        case .intent(let i): return m.analysis?.intents.contains(i) ?? false
        case .sentiment(let s): return m.analysis?.sentiment == s
        case .status(let s): return st.status == s
        case .open: return st.status.isOpen
        case .unassigned: return st.assignee == nil
        case .assigned: return st.assignee != nil
        case .mine: return st.assignee?.lowercased() == me
        case .assignee(let u): return st.assignee?.lowercased() == u
        case .overdue:
            if let f = environment.overdue { return f(m, st, environment.now) }
            return st.status.isOpen && st.firstResponseAt == nil
                && environment.now.timeIntervalSince(m.createdAt) > Double(environment.defaultSLAMinutes) * 60
        case .net(let p): return m.platform.lowercased() == p
        case .from(let prefix):
            guard let a = m.author else { return false }
            var h = a.handle.lowercased()
            while h.hasPrefix("@") { h.removeFirst() }
            return h.hasPrefix(prefix)
        case .lang(let l):
            guard let ml = (m.lang ?? m.analysis?.lang)?.lowercased() else { return false }
            return ml == l || ml.hasPrefix(l + "-") || ml.hasPrefix(l + "_")
        case .tag(let t): return st.tags.contains { $0.lowercased() == t }
        case .source(let s): return m.source?.lowercased() == s
        case .role(let r): return environment.role?(m, r) ?? false
        case .ageBelow(let d): return environment.now.timeIntervalSince(m.createdAt) < d
        case .ageAbove(let d): return environment.now.timeIntervalSince(m.createdAt) > d
        case .since(let d): return m.createdAt >= d
        case .until(let d): return m.createdAt < d
        case .text(let needle): return QueryText.contains(haystack(m), needle)
        }
    }
}
