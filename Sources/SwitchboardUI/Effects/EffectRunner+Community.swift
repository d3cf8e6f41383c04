import Foundation
import Insight
import SwitchboardCore

extension EffectRunner {
    /// The contacts fold, made on first use (tests and the runtime make it in `initialDelta`).
    func contactBook() -> Contacts {
        if let c = view.contacts { return c }
        let c = Contacts(mentions: readable(store.mentions), events: store.events, team: team)
        view.contacts = c
        return c
    }

    /// Folds a delta's new mentions and actions into the contacts; new person marks when anything changed.
    func updateContacts(_ d: inout StoreDelta, new: [Mention], newEvents: [AuditEvent], reload: Bool) {
        guard view.contacts != nil else { return }
        let contactActions = newEvents.contains { if case .contact = $0.action { return true } else { return false } }
        if reload {
            view.contacts = Contacts(mentions: readable(store.mentions), events: store.events, team: team)
        } else {
            guard !new.isEmpty || contactActions else { return }
            view.contacts!.update(newMentions: readable(new), newEvents: newEvents)
        }
        if reload || contactActions { d.personMarks = personMarks(); return }
        // Only new mentions: the marks of their authors' mentions (a new mention can make a critic or a multiplier).
        let book = view.contacts!
        var seen = Set<String>()
        for m in new {
            guard let c = book.contact(for: m), seen.insert(c.id).inserted else { continue }
            let mark = PersonMark(c)
            for k in c.mentionKeys { d.personMarkChanges[k] = .some(mark) }
        }
    }

    /// ★ for every mention of a multiplier or journalist, ⚑ for every mention of a critic (VIP wins).
    func personMarks() -> [String: PersonMark] {
        var out: [String: PersonMark] = [:]
        for c in contactBook().all {
            guard let mark = PersonMark(c) else { continue }
            for k in c.mentionKeys { out[k] = mark }
        }
        return out
    }

    /// The author card of a mention (nil without an author or for the brand's own accounts).
    func authorCard(_ m: Mention) -> ContactCard? {
        let book = contactBook()
        guard let c = book.contact(for: m) else { return nil }
        return ContactCard.make(c, contacts: book, store: store, timeZone: timeZone, now: clock(), history: false)
    }

    /// The report's options as `switchboard report` sets them (Insight's topic words, the priority band a mention had
    /// when it arrived for SLA targets by band), and merged contacts as one person.
    func reportOptions() -> ReportOptions {
        EffectRunner.reportOptions(book: contactBook(), team: team, hidePrivate: hidesPrivate)
    }

    static func reportOptions(book: Contacts, team: TeamConfig?, hidePrivate: Bool = false) -> ReportOptions {
        let authorOf: (Mention) -> ReportAuthor? = { m in
            guard let c = book.contact(for: m) else { return ReportAuthor.byAccount(m) }
            return ReportAuthor(id: c.id, name: c.identities.first?.displayHandle ?? c.name)
        }
        var o =
            team.map { ReportOptions.insight(team: $0, authorOf: authorOf) }
            ?? ReportOptions(authorOf: authorOf, terms: Trends.terms)
        o.hidePrivate = hidePrivate
        return o
    }

    /// Whether the user's role may not read private messages (team.json `private_messages`): then they are left
    /// out of the contacts, the report and the advocates as they are out of the feed.
    var hidesPrivate: Bool { !(team?.mayReadPrivate(actor) ?? true) }

    /// `mentions` without the private messages the user may not read.
    func readable(_ mentions: [Mention]) -> [Mention] { hidesPrivate ? mentions.filter { !$0.isPrivate } : mentions }

    func performCommunity(_ op: CommunityOp) -> [Message] {
        switch op {
        case .loadReport(let now):
            guard let team else { return [.failed(L10n.t("msg.reportNeedsTeam"))] }
            let store = self.store
            let hidePrivate = hidesPrivate
            let book = contactBook()
            let work: @Sendable () -> Message = {
                do {
                    let r = try Report.lastWeek(
                        store: store, team: team, now: now,
                        options: EffectRunner.reportOptions(book: book, team: team, hidePrivate: hidePrivate))
                    return .reportLoaded(
                        r.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
                } catch {
                    return .failed(L10n.t("msg.reportFailed", ["error": "\(error)"]))
                }
            }
            // A week of 100k mentions takes ~150 ms: off the main loop, so keys never wait.
            background.startThread { [work()] }
            return []
        case .loadContacts(let now):
            let book = contactBook()
            let store = self.store
            let team = self.team
            let hidePrivate = hidesPrivate
            let work: @Sendable () -> Message = {
                var snap = ContactsSnapshot(contacts: book, advocates: [], advocatesProblem: nil)
                if let team {
                    do {
                        snap.advocates = try Report.lastWeek(
                            store: store, team: team, now: now,
                            options: EffectRunner.reportOptions(book: book, team: team, hidePrivate: hidePrivate)
                        ).advocates.advocates
                    } catch { snap.advocatesProblem = "\(error)" }
                } else {
                    snap.advocatesProblem = L10n.t("msg.advocatesNeedTeam")
                }
                return .contactsLoaded(snap)
            }
            // The advocates ranking reads a week of mentions: off the main loop.
            background.startThread { [work()] }
            return []
        case .loadCard(let id, let now):
            let book = contactBook()
            guard let c = book.contact(id: id) else { return [.failed(L10n.t("msg.noContactId", ["id": id]))] }
            return [
                .contactCardLoaded(
                    ContactCard.make(c, contacts: book, store: store, timeZone: timeZone, now: now, history: true))
            ]
        }
    }
}
