import Foundation
import ScreenKit
import SwitchboardCore

extension Update {
    /// The internal teams a hand-off can go to: those named in the routing rules, then every team used before.
    static func handoffTeams(_ s: AppState) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for t in s.settings.team?.handoffTeams ?? [] where seen.insert(t).inserted { out.append(t) }
        for t in Set(s.states.values.compactMap(\.handoffTeam)).sorted() where seen.insert(t).inserted { out.append(t) }
        return out
    }

    /// The contact that role and note commands change: the open card or selected row of `:contacts`, else the
    /// author of the mention open in the composer.
    static func targetContact(_ s: AppState) -> (primary: String, name: String)? {
        if let cv = s.contactsView {
            if let c = cv.card { return (c.primary, c.name) }
            return cv.selectedContact.map { ($0.primary, $0.name) }
        }
        if let c = s.mention.detail?.contact, s.mention.detail?.mention.key == s.shownKey { return (c.primary, c.name) }
        return nil
    }

    /// What to load again after a contact changed: the `:contacts` view (and its card), or the author card.
    static func reloadContactViews(_ s: AppState) -> [Effect] {
        if let cv = s.contactsView {
            return [.community(.loadContacts(now: s.chrome.now))]
                + (cv.card.map { [.community(.loadCard(id: $0.id, now: s.chrome.now))] } ?? [])
        }
        return s.shownKey.map { [.loadDetail($0)] } ?? []
    }

    /// Opens the command line with `text` typed, and maybe candidates shown above it.
    static func prompt(_ s: inout AppState, _ text: String, candidates: [String] = []) {
        var cl = CommandLineState()
        cl.editor = TextEditor(text)
        cl.candidates = candidates
        s.modal = .command(cl)
    }

    static func report(_ s: inout AppState) -> [Effect] {
        say(&s, L10n.t("msg.computingReport"))
        return [.community(.loadReport(now: s.chrome.now))]
    }

    /// Hands the mention to an internal team (`handoff TEAM [NOTE]`); without a team, asks for one.
    static func handoff(_ s: inout AppState, _ arg: String) -> [Effect] {
        guard let k = s.actionKey else { say(&s, L10n.t("msg.noSelection")); return [] }
        let words = arg.split(separator: " ", maxSplits: 1).map(String.init)
        guard let team = words.first else {
            let teams = handoffTeams(s)
            prompt(&s, "handoff ", candidates: teams)
            if teams.isEmpty { say(&s, L10n.t("msg.handoffUsage")) }
            return []
        }
        let note = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        return [
            .record(
                [.handoff(mention: k, team: team, note: note.isEmpty ? nil : note)],
                done: L10n.t("msg.handedOff", ["team": team, "mention": s.label(k)]))
        ]
    }

    /// `role +journalist -fan` on the target contact; without roles, asks for them.
    static func role(_ s: inout AppState, _ arg: String) -> [Effect] {
        guard let c = targetContact(s) else {
            say(&s, L10n.t("msg.noContact"), error: true)
            return []
        }
        if arg.isEmpty {
            prompt(&s, "role ", candidates: ContactRole.allCases.map { "+" + $0.rawValue })
            return []
        }
        var add: [String] = []
        var remove: [String] = []
        for w in arg.split(separator: " ") {
            let removing = w.hasPrefix("-")
            let bare = String(w.drop { $0 == "+" || $0 == "-" })
            guard let r = ContactRole(parsing: bare) else {
                say(
                    &s,
                    L10n.t(
                        "msg.noRole",
                        ["role": bare, "roles": ContactRole.allCases.map(\.rawValue).joined(separator: ", ")]),
                    error: true)
                return []
            }
            if removing { remove.append(r.rawValue) } else { add.append(r.rawValue) }
        }
        let what = (add.map { "+" + $0 } + remove.map { "-" + $0 }).joined(separator: " ")
        return [
            .record(
                [.contact(.role(contact: c.primary, add: add, remove: remove))],
                done: L10n.t("msg.rolesChanged", ["name": c.name, "roles": what]))
        ] + reloadContactViews(s)
    }

    static func contactNote(_ s: inout AppState, _ arg: String) -> [Effect] {
        guard let c = targetContact(s) else {
            say(&s, L10n.t("msg.noContact"), error: true)
            return []
        }
        let text = arg.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { prompt(&s, "contact-note "); return [] }
        return [
            .record([.contact(.note(contact: c.primary, text: text))], done: L10n.t("msg.noteAdded", ["what": c.name]))
        ]
            + reloadContactViews(s)
    }

    /// Puts the newest answer from inside at the start of the draft (after the handle the network needs).
    static func insertHandoffAnswer(_ s: inout AppState) -> [Effect] {
        guard let k = s.shownKey else { say(&s, L10n.t("msg.noOpen")); return [] }
        guard let answer = s.states[k]?.handoffReplies.last else {
            say(&s, L10n.t("msg.noHandoffAnswer"))
            return []
        }
        let text = sanitizeForScreen(answer.text, singleLine: false)
        var d = s.mention.drafts[k] ?? Draft()
        let current = d.editor.text
        let prefix =
            s.mention.detail.map { $0.mention.key == k ? sanitizeForScreen(Triage.replyPrefix(for: $0.mention)) : "" }
            ?? ""
        let hasPrefix = !prefix.isEmpty && current.hasPrefix(prefix)
        let rest = (hasPrefix ? String(current.dropFirst(prefix.count)) : current).trimmingCharacters(in: .whitespaces)
        d.editor = TextEditor((hasPrefix ? prefix : "") + text + (rest.isEmpty ? "" : " " + rest))
        s.mention.drafts[k] = d
        s.chrome.focus = .composer
        say(&s, L10n.t("msg.answerInserted", ["team": sanitizeForScreen(answer.team)]))
        return []
    }

    /// The report's text: the view opens (or keeps its scroll position).
    static func reportLoaded(_ s: inout AppState, _ lines: [String]) -> [Effect] {
        let keep = s.report?.scroll ?? 0
        var r = ReportView(lines: lines.map { sanitizeForScreen($0) })
        r.scroll = keep
        s.report = r
        s.chrome.message = nil
        return []
    }

    static func contactsLoaded(_ s: inout AppState, _ snap: ContactsSnapshot) -> [Effect] {
        if var cv = s.contactsView {
            cv.snapshot = snap
            cv.refilter()
            s.contactsView = cv
        } else {
            s.contactsView = ContactsView(snap)
        }
        return []
    }

    static func contactCardLoaded(_ s: inout AppState, _ card: ContactCard) -> [Effect] {
        guard var cv = s.contactsView else { return [] }
        if cv.card?.id != card.id { cv.cardScroll = 0 }
        cv.card = card
        s.contactsView = cv
        return []
    }

    /// Keys while the report view is open (context `report`).
    static func reportCommand(_ s: inout AppState, _ command: String) -> [Effect] {
        guard var r = s.report, let c = CommandName(rawValue: command) else { return [] }
        let page = max(1, s.chrome.size.height - 4)
        switch c {
        case .back: s.report = nil
        case .command: s.modal = .command(CommandLineState())
        case .help: s.modal = .help(scroll: 0)
        case .report: return [.community(.loadReport(now: s.chrome.now))]
        default:
            guard let m = c.motion else { return [] }
            r.scroll = ListCursor(r.scroll, count: max(0, r.lines.count - page) + 1, page: page, half: page / 2).moved(
                m)
            s.report = r
        }
        return []
    }
}
