import Foundation
import ScreenKit
import SwitchboardCore

/// The `:contacts` view: every contact, searched and sorted, with marks for merging; Enter opens a card with the
/// history; `a` shows the advocates of the last 7 days instead.
public struct ContactsView: Sendable {
    public var snapshot: ContactsSnapshot { didSet { sortedCache = nil } }
    /// Every contact in the current sort (a search keystroke filters it instead of sorting again).
    private var sortedCache: (sort: ContactSort, contacts: [Contact])?
    public var sort: ContactSort = .reach
    public var search = ""
    /// `/` was pressed: printable keys go into the search until Enter or Esc.
    public var searching = false
    /// The contacts shown (sorted, filtered).
    public private(set) var rows: [Contact] = []
    public var selected = 0
    public var scroll = 0
    /// Contact ids marked with Space, in the order marked (merge keeps the first).
    public var marked: [String] = []
    public var showAdvocates = false
    /// The open card (Enter), with the history.
    public var card: ContactCard?
    public var cardScroll = 0

    public init(_ snap: ContactsSnapshot) {
        snapshot = snap
        refilter()
    }

    /// The sorts `o` cycles through.
    static let sorts: [ContactSort] = [.reach, .activity, .sentiment]

    public var selectedContact: Contact? {
        if showAdvocates { return snapshot.advocates[safe: selected].flatMap { snapshot.contacts.contact(id: $0.id) } }
        return rows[safe: selected]
    }

    var count: Int { showAdvocates ? snapshot.advocates.count : rows.count }

    /// Sorts and filters again, keeping the selected contact selected when it is still shown.
    mutating func refilter() {
        let keep = rows[safe: selected]?.id
        if sortedCache?.sort != sort { sortedCache = (sort, snapshot.contacts.sorted(by: sort)) }
        let sorted = sortedCache!.contacts
        if search.trimmingCharacters(in: .whitespaces).isEmpty {
            rows = sorted
        } else {
            let ids = Set(snapshot.contacts.search(search).map(\.id))
            rows = sorted.filter { ids.contains($0.id) }
        }
        marked = marked.filter { snapshot.contacts.contact(id: $0) != nil }
        selected = keep.flatMap { k in rows.firstIndex { $0.id == k } } ?? min(selected, max(0, rows.count - 1))
        if !showAdvocates { selected = max(0, min(selected, rows.count - 1)) }
    }
}

extension Update {
    /// Keys while `:contacts` is open (context `contacts`; typing while searching).
    static func contactsKey(_ s: inout AppState, _ k: Key) -> [Effect] {
        guard var cv = s.contactsView else { return [] }
        if cv.searching {
            switch k {
            case .enter, .escape: cv.searching = false
            case .backspace:
                if !cv.search.isEmpty { cv.search.removeLast(); cv.refilter() }
            case .char(let c) where !isControl(c):
                cv.search.append(c)
                cv.selected = 0
                cv.refilter()
            default: break
            }
            s.contactsView = cv
            return []
        }
        guard let b = s.settings.keymap.binding(k, in: .contacts) else { return [] }
        return contactsCommand(&s, b.command)
    }

    static func contactsCommand(_ s: inout AppState, _ command: String) -> [Effect] {
        guard var cv = s.contactsView, let c = CommandName(rawValue: command) else { return [] }
        let page = max(1, s.chrome.size.height - 8)
        // The open card scrolls (the renderer clamps); the list moves its selection.
        let cursor =
            cv.card != nil
            ? ListCursor(cv.cardScroll, count: 10_001, page: page, half: page / 2, bounded: false)
            : ListCursor(cv.selected, count: cv.count, page: page, half: page / 2)
        func moveTo(_ m: ListMotion) {
            if cv.card != nil { cv.cardScroll = cursor.moved(m) } else { cv.selected = cursor.moved(m) }
        }
        var fx: [Effect] = []
        switch c {
        case .back:
            if cv.card != nil {
                cv.card = nil
            } else if cv.searching || !cv.search.isEmpty {
                cv.search = ""
                cv.refilter()
            } else {
                s.contactsView = nil; return []
            }
        case .pick:
            guard let contact = cv.selectedContact else { return [] }
            fx = [.community(.loadCard(id: contact.id, now: s.chrome.now))]
        case .command, .help:
            s.contactsView = cv
            s.modal = c == .help ? .help(scroll: 0) : .command(CommandLineState())
            return []
        case .search:
            cv.searching = true
            cv.showAdvocates = false
        case .contactsSort:
            let all = ContactsView.sorts
            cv.sort = all[((all.firstIndex(of: cv.sort) ?? 0) + 1) % all.count]
            cv.refilter()
            say(&s, L10n.t("msg.contactsBy", ["sort": L10n.t("contacts.sort." + cv.sort.rawValue)]))
        case .contactsAdvocates:
            cv.showAdvocates.toggle()
            cv.selected = 0
            cv.card = nil
            if cv.showAdvocates, let p = cv.snapshot.advocatesProblem { say(&s, p, error: true) }
        case .mark:
            guard let contact = cv.selectedContact else { return [] }
            if let i = cv.marked.firstIndex(of: contact.id) {
                cv.marked.remove(at: i)
            } else {
                cv.marked.append(contact.id)
            }
            moveTo(.down)
        case .contactsMerge:
            let marked = cv.marked.compactMap { cv.snapshot.contacts.contact(id: $0) }
            guard marked.count >= 2 else {
                say(&s, L10n.t("msg.markTwo"), error: true)
                return []
            }
            let into = marked[0]
            let ids = marked.dropFirst().flatMap { $0.identities.map(\.key) }
            cv.marked = []
            s.contactsView = cv
            let names = marked.map { sanitizeForScreen($0.name) }.joined(separator: " + ")
            return [
                .record(
                    [.contact(.merge(contact: into.primary, identities: ids))],
                    done: L10n.t("msg.merged", ["names": names])),
                .community(.loadContacts(now: s.chrome.now)),
            ]
        case .roleAdd, .roleRemove:
            s.contactsView = cv
            guard targetContact(s) != nil else { return [] }
            let sign = c == .roleAdd ? "+" : "-"
            prompt(&s, "role " + sign, candidates: ContactRole.allCases.map { sign + $0.rawValue })
            return []
        case .contactNote:
            s.contactsView = cv
            guard targetContact(s) != nil else { return [] }
            prompt(&s, "contact-note ")
            return []
        default:
            if let m = c.motion { moveTo(m) }
        }
        s.contactsView = cv
        return fx
    }
}
