import Foundation
import ScreenKit
import SwitchboardCore

/// The only place UI state changes: applies one message and returns the effects to run.
public func update(_ s: inout AppState, _ msg: Message) -> [Effect] {
    let before = s.mention.opened
    var fx = Update.handle(&s, msg)
    let after = s.mention.opened
    if after != before {
        s.mention.scroll = 0
        s.mention.detail = nil
        if let k = after {
            fx.append(.loadDetail(k))
            // Opening the composer on a mention claims it for me (Triage.claim), visible to everyone through the log.
            if s.mention.claims[k] == nil { fx.append(.claim(k, force: false)) }
        }
    }
    // Due times (business-hours calendar arithmetic) of the rows on screen are computed here, once, not per frame.
    s.feed.cacheVisibleDue(viewport: Layout.feedViewport(s))
    return fx
}

enum Update {
    static func handle(_ s: inout AppState, _ msg: Message) -> [Effect] {
        switch msg {
        case .start:
            return [.loadPanels] + (s.mention.opened.map { [.loadDetail($0)] } ?? [])
        case .key(let k):
            // An error stays until the next key (that key's own message may follow).
            if s.chrome.message?.isError == true { s.chrome.message = nil }
            return key(&s, k)
        case .paste(let text):
            return paste(&s, text)
        case .mouse(let m):
            return mouse(&s, m)
        case .resize(let size):
            s.chrome.size = size
            s.feed.clampScroll(viewport: Layout.feedViewport(s))
            return []
        case .tick(let now):
            s.chrome.now = now
            var fx: [Effect] = []
            if let f = s.feed.filter, f.query.dependsOnTime {
                fx.append(.matchFeed(f.query, now: now, slaMinutes: s.settings.slaMinutes))
            }
            if let m = s.chrome.message, !m.isError, m.until <= now { s.chrome.message = nil }
            // A window's counts are the index's (over every mention, not the rows read): read again with the store.
            if !s.showsWindow { s.chrome.counts = s.feed.counts(s.states, now: now) }
            return fx + sendIfDue(&s) + publishQueueIfDue(&s) + crisisTick(&s) + syncIfDue(&s)
        case .storeChanged(let d):
            let before = s.feed.items.count
            let oldStates = s.states
            storeChanged(&s, d)
            claimsLost(&s, old: oldStates)
            let fx = replyStoreChanged(&s, old: oldStates, d)
            if let f = s.feed.filter,
                s.feed.items.count != before || d.reloaded || f.dependsOnState || f.query.dependsOnTime
            {
                return fx + [.matchFeed(f.query, now: s.chrome.now, slaMinutes: s.settings.slaMinutes)]
            }
            return fx
        case .windowReread(let r): return windowReread(&s, r)
        case .windowMatched(let q, let rows, let matches): return windowMatched(&s, q, rows, matches: matches)
        case .feedMatched(let q, let idx):
            let first = s.feed.filter?.query == q && s.feed.filter?.bits == nil
            s.feed.applyMatches(q, idx, states: s.states, viewport: Layout.feedViewport(s))
            if first { sayFilterCount(&s, matches: s.feed.rows.count, of: s.feed.order.count) }
            return []
        case .detailLoaded(let d, let draft):
            return detailLoaded(&s, d, draft: draft)
        case .synced(let o):
            synced(&s, o)
            return []
        case .recorded(let text):
            say(&s, text)
            return []
        case .draftSaved(let key, let text, let path):
            return draftSaved(&s, key: key, text: text, path: path)
        case .editorFinished(let key, let text) where key.hasPrefix("queue"):
            return queueEditorFinished(&s, key: key, text: text)
        case .editorFinished(let key, let text):
            return draftEdited(&s, key: key, text: text)
        case .panelsLoaded(let q, let c):
            setQueue(&s, q)
            setCrisis(&s, c)
            return []
        case .crisisNotified(let text, let ok):
            return crisisNotified(&s, text, ok: ok)
        case .crisisFailed(let text):
            return crisisFailed(&s, text)
        case .themeLoaded(let name):
            s.chrome.themeName = name
            say(&s, L10n.t("msg.theme", ["name": name]))
            return []
        case .trendsLoaded(let t):
            s.trends = TrendsOverlay(terms: t)
            return []
        case .claimed(let key, let at, let from):
            return claimed(&s, key: key, at: at, from: from)
        case .claimHeld(let key, let user, let since):
            return claimHeld(&s, key: key, user: user, since: since)
        case .templatesLoaded(let lib):
            return templatesLoaded(&s, lib)
        case .replyQueued(let e):
            return replyQueued(&s, e)
        case .replyTakenBack(let key, let text, let path):
            return replyTakenBack(&s, key: key, text: text, path: path)
        case .collision(let key, let lines):
            s.modal = .collision(key: key, lines: lines)
            return []
        case .sendFinished(let lines):
            return sendFinished(&s, lines)
        case .queueChecked(let op, let warnings):
            return queueChecked(&s, op, warnings: warnings)
        case .queueSelect(let id, let text, let edit):
            return queueSelect(&s, id: id, text: text, edit: edit)
        case .queuePublished(let lines):
            return queuePublished(&s, lines)
        case .reportLoaded(let lines):
            return reportLoaded(&s, lines)
        case .contactsLoaded(let snap):
            return contactsLoaded(&s, snap)
        case .contactCardLoaded(let card):
            return contactCardLoaded(&s, card)
        case .sources(let mode):
            return sourcesChanged(&s, mode)
        case .teamChanged(let team):
            return teamChanged(&s, team)
        case .teamBroken(let why):
            return teamBroken(&s, why)
        case .moderationChoices(let key, let kinds):
            return moderationChoices(&s, key: key, kinds: kinds)
        case .ownPostChecked(let c): return ownPostChecked(&s, c)
        case .suggestionsLoaded(let key, let list): return suggestionsLoaded(&s, key: key, list)
        case .moderated(let text, let ok):
            return moderated(&s, text, ok: ok)
        case .threadLoaded(let key, let c, let problem):
            return threadLoaded(&s, key: key, c, problem: problem)
        case .threadStored(let key):
            return threadStored(&s, key: key)
        case .failed(let why):
            say(&s, why, error: true)
            return []
        case .brandsLoaded(let rows):
            brandsLoaded(&s, rows)
            return []
        case .brandChosen(let b):
            brandChosen(&s, b)
            return []
        case .terminate:
            var fx: [Effect] = []
            for (k, d) in s.mention.drafts.sorted(by: { $0.key < $1.key }) where d.isDirty {
                fx.append(.saveDraft(key: k, text: d.editor.text))
            }
            s.chrome.quit = true
            return fx + [.quit]
        }
    }

    /// Shows a message in the status line. An error stays until the next key; an info message never replaces it.
    static func say(_ s: inout AppState, _ text: String, error: Bool = false) {
        if !error, s.chrome.message?.isError == true { return }
        s.chrome.message = StatusMessage(
            text: text, isError: error, until: s.chrome.now.addingTimeInterval(error ? 10 : 5))
    }

    static func storeChanged(_ s: inout AppState, _ d: StoreDelta) {
        let vp = Layout.feedViewport(s)
        s.states = d.states
        if let q = d.queue { setQueue(&s, q) }
        let firstLoad = s.feed.baseline == nil
        if d.reloaded || firstLoad {
            s.feed.rebuild(d.newMentions, states: d.states, now: s.chrome.now, viewport: vp)
        } else {
            let before = s.feed.items.count
            s.feed.append(d.newMentions, states: d.states, now: s.chrome.now, viewport: vp)
            let added = s.feed.items.count - before
            if added > 0 {
                say(&s, added == 1 ? L10n.t("msg.newMention") : L10n.t("msg.newMentions", ["count": added]))
            }
            s.feed.statesChanged(d.states, viewport: vp)
        }
        if !d.analysis.isEmpty { s.feed.updateAnalysis(d.analysis, now: s.chrome.now) }
        if let n = d.spike, s.chrome.spike == nil || n.at >= s.chrome.spike!.at { s.chrome.spike = n }
        if let c = d.crisis { setCrisis(&s, c) }
        if let pm = d.personMarks { s.feed.personMarks = pm }
        for (k, m) in d.personMarkChanges { s.feed.personMarks[k] = m }
        if d.reloaded { s.mention.outbox = d.outbox } else { for (k, e) in d.outbox { s.mention.outbox[k] = e } }
        s.chrome.counts = s.feed.counts(s.states, now: s.chrome.now)
    }

    static func paste(_ s: inout AppState, _ text: String) -> [Effect] {
        switch s.modal {
        case .command(var cl)?:
            cl.editor.insert(sanitizeForScreen(text))
            s.modal = .command(cl)
        case nil where s.isComposing:
            let clean = sanitizeForScreen(
                text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"),
                singleLine: false)
            editDraft(&s) { $0.insert(clean) }
        default:
            say(&s, L10n.t("msg.pasteFirst"))
        }
        return []
    }

    static func editDraft(_ s: inout AppState, _ f: (inout TextEditor) -> Void) {
        guard let k = s.shownKey else { return }
        var d = s.mention.drafts[k] ?? Draft()
        f(&d.editor)
        s.mention.drafts[k] = d
    }

    static func mouse(_ s: inout AppState, _ m: MouseEvent) -> [Effect] {
        guard case nil = s.modal else { return [] }
        let l = Layout.of(s)
        if let bar = l.tabBar, m.kind == .press, m.y == bar.y {
            // Tabs are drawn in Pane order with equal spacing.
            let w = max(1, bar.width / Pane.allCases.count)
            if let p = Pane.allCases[safe: m.x / w] { focus(&s, p) }
            return []
        }
        guard
            let (pane, r) = l.panes.first(where: {
                $0.value.x <= m.x && m.x < $0.value.maxX && $0.value.y <= m.y && m.y < $0.value.maxY
            })
        else { return [] }
        switch m.kind {
        case .press:
            focus(&s, pane)
            if pane == .feed, m.y > r.y, m.y < r.maxY - 1 {
                s.feed.move(to: s.feed.scrollTop + (m.y - r.y - 1), viewport: Layout.feedViewport(s))
            }
        case .wheelUp, .wheelDown:
            let d = m.kind == .wheelUp ? -3 : 3
            if pane == .feed { s.feed.move(to: s.feed.selected + d, viewport: Layout.feedViewport(s)) }
            if pane == .composer { s.mention.scroll = max(0, s.mention.scroll + d) }
        case .release: break
        }
        return []
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
