import Foundation
import ScreenKit
import SwitchboardCore

extension Update {
    /// Finds what a key does: the top overlay takes it, else the focused pane (through the keymap table).
    static func key(_ s: inout AppState, _ k: Key) -> [Effect] {
        guard let top = s.overlays.last else { return paneKey(&s, k) }
        switch top {
        case .confirmQuit:
            switch k {
            case .char("y"), .char("Y"):
                s.chrome.quit = true
                return [.quit]
            default:
                s.modal = nil
                say(&s, L10n.t("msg.notQuitting"))
                return []
            }
        case .confirmQueue(let op, _):
            return confirmQueueKey(&s, op, k)
        case .confirmPost(let c):
            return confirmPostKey(&s, c, k)
        case .review(let r):
            return reviewKey(&s, r, k)
        case .templates(let p):
            return pickerKey(&s, p, k)
        case .confirmManual(_, let id, _):
            s.modal = nil
            switch k {
            case .char("y"), .char("Y"): return [.confirmManual(id: id)]
            default:
                say(&s, L10n.t("msg.notMarked"))
                return []
            }
        case .collision(let key, _):
            s.modal = nil
            // Seen: sending again (y on the review) goes through now.
            s.mention.claims[key] = s.chrome.now
            s.chrome.focus = .composer
            return []
        case .confirmTakeover(let key, let user, _):
            s.modal = nil
            switch k {
            case .enter, .char("y"), .char("Y"):
                return [.claim(key, force: true)]
            default:
                s.chrome.focus = .feed
                // Closed again: opening it later asks again.
                if s.mention.opened == key { s.mention.opened = nil }
                say(&s, L10n.t("msg.leftTo", ["user": user]))
                return []
            }
        case .crisisPrompt(let p):
            return crisisPromptKey(&s, p, k)
        case .accounts(let p):
            return accountPickerKey(&s, p, k)
        case .brands(let o):
            return brandsKey(&s, o, k)
        case .help:
            guard let b = s.settings.keymap.binding(k, in: .help) else { return [] }
            return run(&s, b.command, fromKeymap: true)
        case .command(var cl):
            if let b = s.settings.keymap.binding(k, in: .cmdline) { return commandLineKey(&s, b.command) }
            if case .char(let c) = k, !isControl(c) { cl.editor.insert(String(c)); return commandLineEdited(&s, &cl) }
            return []
        case .contacts:
            return contactsKey(&s, k)
        case .thread:
            guard let b = s.settings.keymap.binding(k, in: .thread) else { return [] }
            return threadCommand(&s, b.command)
        case .report:
            guard let b = s.settings.keymap.binding(k, in: .report) else { return [] }
            return reportCommand(&s, b.command)
        case .trends:
            guard let b = s.settings.keymap.binding(k, in: .trends) else { return [] }
            return trendsCommand(&s, b.command)
        }
    }

    /// A key for the focused pane: its context's binding, else a global one; printable keys type in the composer.
    static func paneKey(_ s: inout AppState, _ k: Key) -> [Effect] {
        let ctx = s.chrome.focus.context
        if let b = s.settings.keymap.binding(k, in: ctx) ?? globalBinding(s, k) {
            guard s.enabled(b.when) else { say(&s, L10n.t("msg.notAvailableHere", ["command": b.command])); return [] }
            return run(&s, b.command, fromKeymap: true)
        }
        if s.chrome.focus == .composer, case .char(let c) = k, !isControl(c) {
            guard s.shownKey != nil else { say(&s, L10n.t("msg.noSelectionPick")); return [] }
            editDraft(&s) { $0.insert(String(c)) }
        }
        return []
    }

    /// A "character" key that is really a control character never becomes text.
    static func isControl(_ c: Character) -> Bool {
        c.unicodeScalars.contains { ScreenText.isUnsafe($0) }
    }

    /// Global bindings apply everywhere, except printable keys while typing in the composer.
    static func globalBinding(_ s: AppState, _ k: Key) -> Binding? {
        if s.chrome.focus == .composer, case .char = k { return nil }
        return s.settings.keymap.binding(k, in: .global)
    }

    static func commandLineKey(_ s: inout AppState, _ command: String) -> [Effect] {
        guard case .command(var cl)? = s.modal else { return [] }
        let c = CommandName(rawValue: command)
        switch c {
        case .cancel?:
            s.modal = nil
            if let before = cl.filterBefore { return applyFilter(&s, before ?? "", announce: false) }
            return []
        case .run?:
            if let p = cl.problem { say(&s, L10n.t("msg.filterError", ["error": p.message]), error: true); return [] }
            s.modal = nil
            let line = cl.editor.text.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { return [] }
            if let problem = Commands.validate(line, themes: s.settings.themes) {
                say(&s, problem, error: true)
                return []
            }
            return run(&s, line, fromKeymap: false)
        case .complete?:
            complete(
                &cl, themes: s.settings.themes, views: s.settings.views.map(\.name),
                playbooks: s.crisis.info.playbooks.map(\.id),
                teams: handoffTeams(s), media: mediaNames(s, cl.editor.text))
            s.modal = .command(cl)
            return []
        case .backspace? where cl.editor.isEmpty:
            s.modal = nil
            if let before = cl.filterBefore { return applyFilter(&s, before ?? "", announce: false) }
            return []
        case .killLineStart? where cl.filterBefore != nil && cl.editor.text.hasPrefix("filter ")
            && cl.editor.cursor > "filter ".count:
            // `/` opened the line as `filter …`: C-u clears the query typed so far and keeps the word `filter`, so
            // what is typed next is the new query (not a command of its own).
            cl.editor.killLineStart(keeping: "filter ".count)
            return commandLineEdited(&s, &cl)
        default:
            c?.textEdit?(&cl.editor)
            return commandLineEdited(&s, &cl)
        }
    }

    static let filterWords =
        [
            "is:question", "is:complaint", "is:praise", "is:negative", "is:positive", "is:neutral",
            "is:new", "is:open", "is:overdue", "is:unassigned", "is:mine", "is:spam", "is:crisis", "is:purchase",
        ]
        + MentionStatus.allCases.map { "status:" + $0.rawValue }
        + [
            "net:mastodon", "net:bluesky", "net:rss", "assignee:me", "from:@", "lang:", "tag:", "age:<", "source:",
            "OR",
        ]

    /// Candidates for the text before the cursor: (text kept before the completed word, the partial word, candidates).
    static func candidates(
        _ text: String, themes: [String], views: [String] = [], playbooks: [String] = [], teams: [String] = [],
        media: [String] = []
    ) -> (String, String, [String], Bool) {
        guard let sp = text.firstIndex(of: " ") else {
            let names = Commands.all.filter { $0.command.isTypeable }.map(\.name).filter { $0.hasPrefix(text) }
            let needsArg = names.count == 1 && Commands.spec(names[0])?.argument != CommandArgument.none
            return ("", text, names, needsArg)
        }
        let name = String(text[..<sp])
        guard let spec = Commands.spec(name) else { return (text, "", [], false) }
        let argText = String(text[text.index(after: sp)...].drop { $0 == " " })
        if spec.argument == .text { return (text, "", [], false) }
        if spec.argument == .team {
            // The team is the first word; the note after it is free text.
            if argText.contains(" ") { return (text, "", [], false) }
            return (name + " ", argText, teams.filter { $0.hasPrefix(argText) }, true)
        }
        if spec.argument == .media {
            // The name is the first word (quoted when it has a space); the alt text after it is free text.
            if argText.hasPrefix("\"") ? argText.dropFirst().contains("\"") : argText.contains(" ") {
                return (text, "", [], false)
            }
            let bare = argText.hasPrefix("\"") ? String(argText.dropFirst()) : argText
            let cands = media.filter { $0.hasPrefix(bare) }.map { $0.contains(" ") ? "\"" + $0 + "\"" : $0 }
            return (name + " ", argText, cands, true)
        }
        if spec.argument == .roles {
            let lastSpace = argText.lastIndex(of: " ")
            let head = name + " " + (lastSpace.map { String(argText[...$0]) } ?? "")
            let partial = lastSpace.map { String(argText[argText.index(after: $0)...]) } ?? argText
            let words = ContactRole.allCases.flatMap { ["+" + $0.rawValue, "-" + $0.rawValue] }
            return (head, partial, words.filter { $0.hasPrefix(partial) }, false)
        }
        if spec.argument == .crisis {
            let words = argText.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            if words.count <= 1 { return (name + " ", argText, crisisWords.filter { $0.hasPrefix(argText) }, true) }
            if words.count == 2, [.start, .drill].contains(CrisisSubcommand(rawValue: words[0])) {
                return (name + " " + words[0] + " ", words[1], playbooks.filter { $0.hasPrefix(words[1]) }, false)
            }
            return (text, "", [], false)
        }
        if spec.argument == .filter {
            let lastSpace = argText.lastIndex(of: " ")
            let head = name + " " + (lastSpace.map { String(argText[...$0]) } ?? "")
            let partial = lastSpace.map { String(argText[argText.index(after: $0)...]) } ?? argText
            return (head, partial, filterWords.filter { $0.hasPrefix(partial.lowercased()) }, false)
        }
        let vals = spec.argument == .view ? views : (Commands.values(spec.argument, themes: themes) ?? [])
        return (name + " ", argText, vals.filter { $0.hasPrefix(argText) }, false)
    }

    static let crisisWords = CrisisSubcommand.allCases.map(\.rawValue)

    static func complete(
        _ cl: inout CommandLineState, themes: [String], views: [String] = [], playbooks: [String] = [],
        teams: [String] = [], media: [String] = []
    ) {
        if let base = cl.completionBase, !cl.candidates.isEmpty {
            let n = cl.candidateIndex.map { ($0 + 1) % cl.candidates.count } ?? 0
            cl.candidateIndex = n
            cl.editor = TextEditor(base + cl.candidates[n])
            return
        }
        let (head, partial, cands, needsArg) = candidates(
            cl.editor.text, themes: themes, views: views, playbooks: playbooks, teams: teams, media: media)
        switch cands.count {
        case 0:
            cl.candidates = []
        case 1:
            cl.editor = TextEditor(head + cands[0] + (needsArg ? " " : ""))
            cl.candidates = []
        default:
            var lcp = cands[0]
            for c in cands.dropFirst() { while !c.hasPrefix(lcp) { lcp.removeLast() } }
            cl.candidates = cands
            if lcp.count > partial.count {
                cl.editor = TextEditor(head + lcp)
            } else if partial.isEmpty {
                // Nothing typed yet (`:` Tab): list the choices; Tab again cycles through them.
                cl.completionBase = head
                cl.candidateIndex = nil
            } else {
                // Nothing more in common: cycle through the candidates, starting with one that changes the text.
                let start = cands.firstIndex(of: partial).map { ($0 + 1) % cands.count } ?? 0
                cl.completionBase = head
                cl.candidateIndex = start
                cl.editor = TextEditor(head + cands[start])
            }
        }
    }

    /// After the command line's text changed: completion starts over, a `filter` line filters live.
    static func commandLineEdited(_ s: inout AppState, _ cl: inout CommandLineState) -> [Effect] {
        (cl.candidates, cl.candidateIndex, cl.completionBase) = ([], nil, nil)
        let fx = liveFilter(&s, &cl)
        s.modal = .command(cl)
        return fx
    }
}
