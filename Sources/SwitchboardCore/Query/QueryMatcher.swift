import Foundation

/// Evaluates one query over many mentions. It keeps a column per field it reads (intents as bits, interned
/// network/language/source, folded handle, creation time, and the folded text once a text term needs it), built
/// once per mention and reused by every later query, so a keystroke's query costs one pass over small columns.
/// Not thread-safe: one per thread (the UI's update loop).
public final class QueryMatcher {
    public private(set) var query: Query
    public var environment: QueryEnvironment {
        didSet { if environment.own != oldValue.own { ownCol = [UInt8](repeating: 0, count: ownCol.count) } }
    }
    private var compiled: R

    // Columns, one row per mention seen (rows are keyed by mention key).
    private var keys: [String] = []
    private var rowOf: [String: Int32] = [:]
    private var intents: [UInt8] = []
    private var sentiment: [UInt8] = []
    private var platform: [UInt16] = []
    private var lang: [UInt16] = []
    private var source: [UInt16] = []
    private var created: [Double] = []
    private var handle: [[UInt8]] = []
    private var texts: [[UInt8]] = []
    private var hasText: [Bool] = []
    /// Posted by one of the brand's own accounts: 0 not known yet, 1 no, 2 yes.
    private var ownCol: [UInt8] = []
    private var atoms: [String: UInt16] = ["": 0]
    /// The team's state of each row (kept by `setStates` / `updateStates`, or filled by `filter(_:states:)`).
    private var stateRows: [MentionState] = []
    /// Status of each row as a byte (index in `MentionStatus.allCases`): the most used state field, read without
    /// touching the state's arrays.
    private var statusCol: [UInt8] = []
    private static let statusIndex: [MentionStatus: UInt8] = Dictionary(
        uniqueKeysWithValues: MentionStatus.allCases.enumerated().map { ($1, UInt8($0)) })
    private static let openMask: UInt16 = MentionStatus.allCases.enumerated().reduce(0) {
        $1.element.isOpen ? $0 | (1 << $1.offset) : $0
    }

    private func setState(_ r: Int, _ st: MentionState) {
        stateRows[r] = st
        statusCol[r] = QueryMatcher.statusIndex[st.status] ?? 0
    }
    /// Rows of the last mentions array filtered (reused while the array only grows at the end).
    private var lastRows: [Int32] = []

    public init(_ query: Query, environment: QueryEnvironment, cacheText: Bool = true) {
        (self.query, self.environment) = (query, environment)
        compiled = .all
        compiled = compile(query.root)
    }

    /// Swaps in a new query, keeping the columns.
    public func set(_ q: Query) {
        query = q
        compiled = compile(q.root)
    }
    /// Forgets every column (after `reanalyze` changed analyses); mentions never change their text otherwise.
    public func clearCache() {
        (keys, rowOf, intents, sentiment, platform, lang, source, created) = ([], [:], [], [], [], [], [], [])
        (handle, texts, hasText, ownCol, stateRows, statusCol, lastRows) = ([], [], [], [], [], [], [])
    }

    public func matches(_ m: Mention, _ st: MentionState) -> Bool {
        let r = row(m)
        setState(Int(r), st)
        return eval(compiled, r, m)
    }

    /// Indices of the mentions that match, in order, with `states` (the store's `states()`; a mention without one
    /// is new). Looks every state up: for repeated filtering use `setStates` once, then `filter(_:)`.
    public func filter(_ mentions: [Mention], states: [String: MentionState]) -> [Int] {
        let rows = rows(mentions)
        if query.dependsOnState || compiled.needsMention {
            let empty = MentionState()
            for (i, m) in mentions.enumerated() { setState(Int(rows[i]), states[m.key] ?? empty) }
        }
        return run(mentions, rows)
    }

    /// Indices of the mentions that match, with the states given to `setStates`/`updateStates` (the fast path for
    /// a workbench re-filtering on every keystroke).
    public func filter(_ mentions: [Mention]) -> [Int] { run(mentions, rows(mentions)) }

    /// Loads every mention's state (after opening the store).
    public func setStates(_ states: [String: MentionState]) {
        for i in stateRows.indices { setState(i, MentionState()) }
        updateStates(states)
    }

    /// Updates the states that changed (`StoreChanges.changedStates` after a refresh); unknown keys are kept for
    /// when their mention is first seen.
    public func updateStates(_ changed: [String: MentionState]) {
        for (k, st) in changed {
            if let r = rowOf[k] { setState(Int(r), st) } else { pendingStates[k] = st }
        }
    }
    private var pendingStates: [String: MentionState] = [:]

    private func run(_ mentions: [Mention], _ rows: [Int32]) -> [Int] {
        var out: [Int] = []
        if compiled.needsMention {
            for i in mentions.indices where eval(compiled, rows[i], mentions[i]) { out.append(i) }
        } else {
            for i in rows.indices where eval(compiled, rows[i], nil) { out.append(i) }
        }
        return out
    }

    /// The row of each mention: reused from the last call while the array only grew at its end.
    private func rows(_ mentions: [Mention]) -> [Int32] {
        let n = lastRows.count
        if n > 0, mentions.count >= n, keys[Int(lastRows[0])] == mentions[0].key,
            keys[Int(lastRows[n - 1])] == mentions[n - 1].key
        {
            if mentions.count > n { for i in n..<mentions.count { lastRows.append(row(mentions[i])) } }
        } else {
            lastRows = mentions.map { row($0) }
        }
        if compiled.needsText {
            for i in mentions.indices where !hasText[Int(lastRows[i])] { fillText(Int(lastRows[i]), mentions[i]) }
        }
        if compiled.needsOwn, !environment.own.isEmpty {
            for i in mentions.indices where ownCol[Int(lastRows[i])] == 0 { _ = isOwn(Int(lastRows[i]), mentions[i]) }
        }
        return lastRows
    }

    // MARK: Columns

    private func atom(_ s: String) -> UInt16 {
        if let a = atoms[s] { return a }
        let a = UInt16(truncatingIfNeeded: atoms.count)
        atoms[s] = a
        return a
    }

    private func row(_ m: Mention) -> Int32 {
        if let r = rowOf[m.key] { return r }
        let r = Int32(keys.count)
        rowOf[m.key] = r
        keys.append(m.key)
        var bits: UInt8 = 0
        for i in m.analysis?.intents ?? [] { bits |= QueryMatcher.bit(i) }
        intents.append(bits)
        sentiment.append(m.analysis.map { QueryMatcher.sentimentCode($0.sentiment) } ?? 0)
        platform.append(atom(m.platform.lowercased()))
        lang.append(atom(QueryMatcher.baseLanguage(m.lang ?? m.analysis?.lang)))
        source.append(atom(m.source?.lowercased() ?? ""))
        created.append(m.createdAt.timeIntervalSince1970)
        var h = m.author.map { QueryText.fold($0.handle) } ?? []
        while h.first == 64 { h.removeFirst() }
        handle.append(h)
        texts.append([])
        hasText.append(false)
        ownCol.append(0)
        let st = pendingStates.removeValue(forKey: m.key) ?? MentionState()
        stateRows.append(st)
        statusCol.append(QueryMatcher.statusIndex[st.status] ?? 0)
        if compiled.needsText { fillText(Int(r), m) }
        return r
    }

    private func fillText(_ r: Int, _ m: Mention) {
        texts[r] = QueryText.haystack(m)
        hasText[r] = true
    }

    /// Whether row `i` is one of our own posts (the column is filled by `rows` when the query needs it).
    private func isOwn(_ i: Int, _ m: Mention?) -> Bool {
        if environment.own.isEmpty { return false }
        if ownCol[i] == 0, let m { ownCol[i] = environment.own.contains(m) ? 2 : 1 }
        return ownCol[i] == 2
    }

    public static func bit(_ i: Intent) -> UInt8 { UInt8(1) << UInt8(Intent.allCases.firstIndex(of: i)!) }
    public static func sentimentCode(_ s: Sentiment) -> UInt8 { s == .negative ? 1 : s == .neutral ? 2 : 3 }
    public static func baseLanguage(_ l: String?) -> String {
        guard let l else { return "" }
        return String(l.lowercased().prefix { $0 != "-" && $0 != "_" })
    }

    // MARK: The compiled tree

    indirect enum R {
        case all, none
        case and([R])
        case or([R])
        case not(R)
        case intents(UInt8)
        case sentiment(UInt8)
        case platform(UInt16)
        case lang(UInt16)
        case source(UInt16)
        case status(UInt8)
        case open, unassigned, assigned, mine
        case assignee(String)
        case tag(String)
        case from([UInt8])
        case created(min: Double, max: Double)
        case ageBelow(Double)
        case ageAbove(Double)
        case text([UInt8])
        case overdue, own
        case role(String)

        var needsText: Bool {
            switch self {
            case .text: return true
            case .and(let n), .or(let n): return n.contains { $0.needsText }
            case .not(let n): return n.needsText
            default: return false
            }
        }
        var needsOwn: Bool {
            switch self {
            case .own, .overdue: return true
            case .and(let n), .or(let n): return n.contains { $0.needsOwn }
            case .not(let n): return n.needsOwn
            default: return false
            }
        }
        /// Hooks (`overdue`, `role`) see the whole mention.
        var needsMention: Bool {
            switch self {
            case .overdue, .role: return true
            case .and(let n), .or(let n): return n.contains { $0.needsMention }
            case .not(let n): return n.needsMention
            default: return false
            }
        }
    }

    private func compile(_ n: Node) -> R {
        switch n {
        case .all: return .all
        case .none: return .none
        case .and(let ns): return .and(ns.map(compile))
        case .or(let ns): return .or(ns.map(compile))
        case .not(let x): return .not(compile(x))
        case .intent(let i): return .intents(QueryMatcher.bit(i))
        case .sentiment(let s): return .sentiment(QueryMatcher.sentimentCode(s))
        case .status(let s): return .status(QueryMatcher.statusIndex[s] ?? 0)
        case .open: return .open
        case .unassigned: return .unassigned
        case .assigned: return .assigned
        case .mine: return .mine
        case .overdue: return .overdue
        case .own: return .own
        case .assignee(let u): return .assignee(u)
        case .net(let p): return .platform(atom(p))
        case .from(let h): return .from(QueryText.fold(h))
        case .lang(let l): return .lang(atom(QueryMatcher.baseLanguage(l)))
        case .tag(let t): return .tag(t)
        case .source(let s): return .source(atom(s))
        case .role(let r): return .role(r)
        case .ageBelow(let d): return .ageBelow(d)
        case .ageAbove(let d): return .ageAbove(d)
        case .since(let d): return .created(min: d.timeIntervalSince1970, max: .infinity)
        case .until(let d): return .created(min: -.infinity, max: d.timeIntervalSince1970)
        case .text(let t): return .text(t)
        }
    }

    private func eval(_ n: R, _ r: Int32, _ m: Mention?) -> Bool {
        let i = Int(r)
        switch n {
        case .all: return true
        case .none: return false
        case .and(let ns):
            for x in ns where !eval(x, r, m) { return false }
            return true
        case .or(let ns):
            for x in ns where eval(x, r, m) { return true }
            return false
        case .not(let x): return !eval(x, r, m)
        case .intents(let b): return intents[i] & b != 0
        case .sentiment(let s): return sentiment[i] == s
        case .platform(let p): return platform[i] == p
        case .lang(let l): return lang[i] == l && l != 0
        case .source(let s): return source[i] == s && s != 0
        case .status(let s): return statusCol[i] == s
        case .open: return QueryMatcher.openMask & (1 << UInt16(statusCol[i])) != 0
        case .unassigned: return stateRows[i].assignee == nil
        case .assigned: return stateRows[i].assignee != nil
        case .mine: return stateRows[i].assignee == environment.me
        case .assignee(let u): return stateRows[i].assignee?.lowercased() == u
        case .tag(let t): return stateRows[i].tags.contains { $0.lowercased() == t }
        case .from(let prefix): return handle[i].starts(with: prefix)
        case .created(let lo, let hi): return created[i] >= lo && created[i] < hi
        case .ageBelow(let d): return environment.now.timeIntervalSince1970 - created[i] < d
        case .ageAbove(let d): return environment.now.timeIntervalSince1970 - created[i] > d
        case .text(let needle):
            if !hasText[i], let m { fillText(i, m) }
            return QueryText.contains(texts[i], needle)
        case .overdue:
            guard let m else { return false }
            let st = stateRows[i]
            if let f = environment.overdue { return f(m, st, environment.now) }
            return st.status.isOpen && st.firstResponseAt == nil && !isOwn(i, m)
                && environment.now.timeIntervalSince(m.createdAt) > Double(environment.defaultSLAMinutes) * 60
        case .own: return isOwn(i, m)
        case .role(let role):
            guard let m else { return false }
            return environment.role?(m, role) ?? false
        }
    }
}
