import SwitchboardCore

/// Which stored mentions belong to the same conversation: by `thread_root` and the `in_reply_to` chain.
/// Only mentions that reference another post (or are referenced) are indexed, so it stays small.
struct ThreadIndex {
    /// "platform␟referenced id" → keys of mentions that reference it (as root or parent).
    private var refs: [String: [String]] = [:]
    /// "platform␟id" → key, for ids some mention references.
    private var byID: [String: String] = [:]
    /// References already searched for among older mentions.
    private var searched: Set<String> = []

    private static func k(_ platform: String, _ id: String) -> String { platform + "\u{1F}" + id }

    init(_ all: [Mention]) {
        for m in all where m.threadRoot != nil || m.inReplyTo != nil { addRefs(m) }
        guard !refs.isEmpty else { return }
        for m in all where refs[ThreadIndex.k(m.platform, m.id)] != nil {
            byID[ThreadIndex.k(m.platform, m.id)] = m.key
        }
        searched = Set(refs.keys)
    }

    private mutating func addRefs(_ m: Mention) {
        if let r = m.threadRoot, !r.isEmpty { refs[ThreadIndex.k(m.platform, r), default: []].append(m.key) }
        if let r = m.inReplyTo, !r.isEmpty, r != m.threadRoot {
            refs[ThreadIndex.k(m.platform, r), default: []].append(m.key)
        }
    }

    /// Folds in newly stored mentions; `all` is searched once for a parent that arrived earlier.
    mutating func add(_ new: [Mention], all: [Mention]) {
        var wanted: Set<String> = []
        for m in new {
            addRefs(m)
            for r in [m.threadRoot, m.inReplyTo].compactMap({ $0 }) {
                let key = ThreadIndex.k(m.platform, r)
                if byID[key] == nil, !searched.contains(key) { wanted.insert(key) }
            }
        }
        for m in new where refs[ThreadIndex.k(m.platform, m.id)] != nil {
            byID[ThreadIndex.k(m.platform, m.id)] = m.key
        }
        guard !wanted.isEmpty else { return }
        searched.formUnion(wanted)
        for m in all {
            let key = ThreadIndex.k(m.platform, m.id)
            if wanted.contains(key) { byID[key] = m.key }
        }
    }

    /// Keys of the other mentions in `m`'s conversation.
    func related(_ m: Mention) -> Set<String> {
        var out: Set<String> = []
        for r in [m.threadRoot, m.inReplyTo, m.id].compactMap({ $0 }) {
            let key = ThreadIndex.k(m.platform, r)
            if let k = byID[key] { out.insert(k) }
            out.formUnion(refs[key] ?? [])
        }
        out.remove(m.key)
        return out
    }
}
