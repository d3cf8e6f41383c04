import Foundation

/// The fold of the `contact_*` actions: which identities belong together (merges and splits), and the roles and
/// notes people gave each contact. Contacts are named by their primary identity key; an identity nobody merged is a
/// contact of its own.
struct ContactBook: Sendable {
    struct Data: Sendable {
        var set: Set<ContactRole> = []
        var removed: Set<ContactRole> = []
        var notes: [Note] = []
        mutating func absorb(_ o: Data) {
            // A role set by hand on either side stays set; a suggestion removed on either side stays removed.
            set.formUnion(o.set)
            removed = removed.union(o.removed).subtracting(set)
            notes = (notes + o.notes).sorted { $0.at < $1.at }
        }
    }

    /// identity → its contact's primary identity (only for identities in a merged contact).
    private var ownerOf: [String: String] = [:]
    /// primary identity → its members in merge order (only merged contacts; the primary first).
    private var members: [String: [String]] = [:]
    private(set) var data: [String: Data] = [:]

    init(events: [AuditEvent]) {
        for e in events {
            guard case .contact(let a) = e.action else { continue }
            apply(a, actor: e.actor, at: e.at)
        }
    }

    func owner(of identity: String) -> String { ownerOf[identity] ?? identity }
    func members(of primary: String) -> [String] { members[primary] ?? [primary] }
    /// Whether `primary` names a contact of several identities.
    func isMerged(_ primary: String) -> Bool { members[primary] != nil }

    /// The position of each member of `primary`'s contact (for ordering identities: primary, then merge order).
    func rank(in primary: String) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: members(of: primary).enumerated().map { ($1, $0) })
    }

    mutating func apply(_ a: ContactAction, actor: String, at: Date) {
        switch a {
        case .merge(let c, let ids):
            let target = owner(of: c)
            var list = members(of: target)
            for i in ids {
                let from = owner(of: i)
                guard from != target else { continue }
                // The whole contact of `i` moves, with its roles and notes.
                for m in members(of: from) where !list.contains(m) { list.append(m); ownerOf[m] = target }
                members[from] = nil
                if let d = data.removeValue(forKey: from) { data[target, default: Data()].absorb(d) }
            }
            ownerOf[target] = target
            members[target] = list
        case .split(let c, let i):
            let target = owner(of: c)
            guard i != target, var list = members[target], let at = list.firstIndex(of: i) else { return }
            list.remove(at: at)
            ownerOf[i] = nil
            data[i] = nil
            if list.count <= 1 {
                members[target] = nil
                ownerOf[target] = nil
            } else { members[target] = list }
        case .role(let c, let add, let remove):
            let target = owner(of: c)
            var d = data[target] ?? Data()
            for r in add.compactMap(ContactRole.init(parsing:)) { d.set.insert(r); d.removed.remove(r) }
            for r in remove.compactMap(ContactRole.init(parsing:)) { d.set.remove(r); d.removed.insert(r) }
            data[target] = d
        case .note(let c, let text):
            data[owner(of: c), default: Data()].notes.append(Note(actor: actor, at: at, text: text))
        }
    }
}
