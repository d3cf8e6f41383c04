import Foundation
import ScreenKit
import SwitchboardCore

/// The event loop while the feed shows a window of the history (`HistoryWindow`) and the store loads on another
/// thread: keys change the state as always (`j`, `k`, the page keys, focus, the command line); moving towards the
/// end of the rows read reads the next page (`pager`); the effects keys ask for wait until the store is there
/// (`Runtime.run(pending:)` runs them) — or, without a store to wait for (`SWITCHBOARD_WINDOW=bounded`), `answer`
/// answers each at once.
public enum HistoryWindowLoop {
    /// How long working out person marks may hold up a key (seconds).
    public static let markBudget: TimeInterval = 0.003

    /// Draws `state` and handles what the terminal sends until `loaded()` or the user quits; returns the effects asked
    /// for meanwhile (none when `answer` answered them).
    public static func run(
        terminal: Terminal, state: inout AppState, pager: HistoryPaging? = nil,
        answer: ((Effect) -> [Message])? = nil, refreshEvery: Double? = nil, loaded: () -> Bool
    ) -> [Effect] {
        state.chrome.size = terminal.size
        var pending: [Effect] = []
        var last: (ScreenBuffer, Point?)?
        func draw() {
            let frame = renderFrame(state, size: terminal.size)
            if last == nil || last!.0 != frame.0 || last!.1 != frame.1 {
                terminal.present(frame.0, cursor: frame.1)
                last = frame
            }
        }
        draw()
        var lastRefresh = Date()
        var sortBefore = state.feed.sort
        // The person marks (★/⚑) of the rows drawn, once they are on the screen; `role:` through the same contacts.
        // A few milliseconds of them after each key (the rows on the screen first), the rest while no key waits.
        state.feed.windowKnowsRoles = pager?.panes != nil
        var marksWaiting = state.markPersons(pager?.panes, budget: markBudget)
        draw()
        while !(loaded() && !marksWaiting) && !state.chrome.quit {
            var asked: [Effect]
            // Without a store (`refreshEvery`): the clock and other processes' writes, as the runtime's refresher.
            if let every = refreshEvery, Date().timeIntervalSince(lastRefresh) >= every {
                lastRefresh = Date()
                asked = update(&state, .tick(lastRefresh)) + [.refreshStore]
            } else {
                guard let event = terminal.nextEvent(timeoutMilliseconds: marksWaiting ? 0 : 50) else {
                    if marksWaiting {
                        marksWaiting = state.markPersons(pager?.panes, budget: markBudget)
                        draw()
                    }
                    continue
                }
                asked = events(event, &state) ?? []
            }
            if answer != nil, state.feed.sort == .priority, sortBefore != .priority {
                // The priority needs every mention's SLA age and state: only the rows read are sorted.
                state.chrome.message = StatusMessage(
                    text: L10n.t("window.prioritySort", ["count": state.feed.rows.count]), isError: false,
                    until: state.chrome.now.addingTimeInterval(10))
            }
            sortBefore = state.feed.sort
            if let answer {
                while !asked.isEmpty {
                    let e = asked.removeFirst()
                    if case .matchFeed = e, case .command? = state.modal {
                        // A filter still being typed: the keys typed meanwhile come first, up to the one that ends
                        // the line, so the text is matched once for its newest form (at 10M a match of a passing
                        // `st` or `from:u` costs tenths of a second, and each key waited for all before it). Keys
                        // after the line (`j` on the matches) wait for its rows as before.
                        var typed: [Effect] = []
                        while case .command? = state.modal, !state.chrome.quit,
                            let event = terminal.nextEvent(timeoutMilliseconds: 0)
                        {
                            typed += events(event, &state) ?? []
                        }
                        func isMatch(_ x: Effect) -> Bool { if case .matchFeed = x { true } else { false } }
                        if let newest = typed.lastIndex(where: isMatch) {
                            asked += typed.indices.filter { !isMatch(typed[$0]) || $0 == newest }.map { typed[$0] }
                            continue
                        }
                        asked += typed
                    }
                    let answers = answer(e)
                    // A filter the window cannot match: the rows stay as they were, unfiltered.
                    if case .matchFeed = e,
                        !answers.contains(where: { if case .windowMatched = $0 { true } else { false } })
                    {
                        state.feed.setFilter(nil, states: state.states, viewport: Layout.feedViewport(state))
                    }
                    for m in answers { asked += update(&state, m) }
                }
            } else {
                pending += asked
            }
            if let pager {
                state.readAhead(pager)
                marksWaiting = state.markPersons(pager.panes, budget: markBudget)
            }
            draw()
        }
        return pending
    }

    /// What the terminal sent, as messages to `update` (nil: a wake-up, nothing to do).
    static func events(_ event: TerminalEvent, _ state: inout AppState) -> [Effect]? {
        var asked: [Effect]
        switch event {
        case .key(let k): asked = update(&state, .key(k))
        case .paste(let p): asked = update(&state, .paste(p))
        case .mouse(let m): asked = update(&state, .mouse(m))
        case .resize(let s): asked = update(&state, .resize(s))
        case .terminate: asked = update(&state, .terminate)
        case .wake: return nil
        }
        return asked
    }
}

extension HistoryWindowLoop {
    /// The answers of a window that has no store behind it (`SWITCHBOARD_WINDOW=bounded`): the Mention pane reads its
    /// mention from the pager, with its thread and the author's card when the pager has `panes` (no draft), and
    /// `:trends` its words from the index; what would read or write the store is refused with a line that says why;
    /// the rest (claims, panels, the refresh) is left undone.
    public static func readOnly(_ pager: HistoryPaging) -> (Effect) -> [Message] {
        { effect in
            switch effect {
            case .loadDetail(let key):
                do {
                    guard let (m, _) = try pager.mention(key) else { return [] }
                    // The thread and the author's card from the index (`WindowPanes`), else the mention alone.
                    let detail = try pager.panes?.detail(m) ?? MentionDetail(mention: m, thread: [])
                    return [.detailLoaded(detail, draft: nil)]
                } catch { return [.failed(L10n.t("window.pageFailed", ["error": "\(error)"]))] }
            case .loadTrends(let now) where pager.panes != nil:
                do { return [.trendsLoaded(try pager.panes!.trends(now: now))] } catch {
                    return [.failed(L10n.t("window.pageFailed", ["error": "\(error)"]))]
                }
            case .loadSuggestions(let key):
                // Suggestions compare with every past reply: none here, and no refusal each time a mention opens.
                return [.suggestionsLoaded(key: key, [])]
            case .claim, .loadPanels, .refreshStore, .sendDue, .publishQueue, .useTeam, .quit:
                return []
            default:
                return [.failed(L10n.t("window.readOnly"))]
            }
        }
    }
}
