import Foundation
import ScreenKit
import SwitchboardCore

/// What the status bar says, built from the state once per frame; `fit(width:)` picks what fits.
///
/// Priorities, highest first: the user, the counts and the polling mode (always); the message (else it goes to
/// the line below, in full); the banners in their shortest form; the filter and sort; longer banner forms; the
/// data directory.
struct StatusBar {
    struct Piece: Equatable {
        var text: String
        var role: StyleRole
    }
    /// A banner (crisis, suspended queue, spike) in forms from longest to shortest.
    struct Banner {
        var forms: [String]
        var role: StyleRole
        /// Whether the longest form cut short beats the shorter ones (a name, a reason); not when a shorter form
        /// keeps the key to press.
        var clips = true
    }

    var banners: [Banner] = []
    var user: String
    /// `3 new`, `3 open`, `2 overdue`.
    var counts: [Piece]
    /// Who polls the sources (this workbench, a listener, nobody): the polling-mode indicator's slot, always shown.
    var polling: String
    /// Nobody polls: a warning.
    var pollingRole: StyleRole
    var filter: String?
    var sort: String?
    var dataPath: String
    var message: Piece?
    /// The git sync (`⇅ 2m ago`, `⇅ failed`), always shown when team.json names a sync remote.
    var sync: String?

    init(_ s: AppState, offerKey: String) {
        user = sanitizeForScreen(s.settings.user)
        dataPath = s.settings.dataPath
        polling = s.chrome.sources.short
        pollingRole = s.chrome.sources == .none ? .warning : .statusBar
        if s.settings.sync != nil { sync = s.sync.short(now: s.chrome.now) }
        // Grouped as the feed's title is ("899,999 new", German "899.999 neu").
        let c = s.chrome.counts
        counts = [Piece(text: L10n.t("status.new", ["count": LocalFormat.number(c.new)]), role: .statusBar)]
        counts.append(Piece(text: L10n.t("status.open", ["count": LocalFormat.number(c.open)]), role: .statusBar))
        if s.chrome.counts.overdueUnknown {
            counts.append(Piece(text: L10n.t("status.overdueUnknown"), role: .overdue))
        } else if s.chrome.counts.overdue > 0 {
            counts.append(Piece(text: L10n.t("status.overdue", ["count": LocalFormat.number(c.overdue)]), role: .overdue))
        }
        if let f = s.feed.filter {
            if let v = s.feed.activeView, s.settings.views.first(where: { $0.name == v })?.query == f.query {
                filter = L10n.t("status.view", ["name": sanitizeForScreen(v)])
            } else {
                filter = L10n.t("status.filter", ["query": sanitizeForScreen(f.text)])
            }
        }
        if s.feed.sort == .priority { sort = L10n.t("status.byPriority") }
        if let run = s.crisis.info.run {
            let overdue = run.overdue(s.chrome.now).count
            let (done, total) = run.progress
            let word = run.drill ? L10n.t("status.drill") : L10n.t("status.crisis")
            let late = overdue > 0 ? " · " + L10n.t("status.overdue", ["count": overdue]) : ""
            banners.append(
                Banner(
                    forms: [
                        " \(word): \(sanitizeForScreen(run.name)) \(done)/\(total)\(late) ",
                        " \(word): \(TextWrap.ellipsize(sanitizeForScreen(run.name), width: 12)) \(done)/\(total)\(late) ",
                        " \(word) \(done)/\(total)\(late) ", " \(word) \(done)/\(total) ", " \(word) ",
                    ], role: .crisisBanner, clips: false))
        }
        if let q = s.queue.info.suspension {
            banners.append(
                Banner(
                    forms: [
                        " " + L10n.t("status.queueSuspendedBecause", ["reason": sanitizeForScreen(q.reason)]) + " ",
                        " " + L10n.t("status.queueSuspended") + " ", " " + L10n.t("status.suspended") + " ",
                    ],
                    role: .crisisBanner))
        }
        if let sp = s.chrome.spike, sp.isActive(now: s.chrome.now, cooldown: s.settings.spikeCooldown) {
            let what = sanitizeForScreen(sp.message)
            let kind = sp.kind == "negative" ? L10n.t("status.negativeSpike") : L10n.t("status.spike")
            var forms: [String]
            if let p = s.crisisOffer {
                let name = sanitizeForScreen(p.name)
                forms = [
                    " ⚠ \(what) — " + L10n.t("status.offerPlaybook", ["name": name, "key": offerKey]) + " ",
                    " ⚠ \(what) — \(name)? (\(offerKey)) ",
                    " ⚠ \(kind) — \(name)? (\(offerKey)) ", " ⚠ \(kind) (\(offerKey)) ", " ⚠ (\(offerKey)) ",
                ]
            } else {
                forms =
                    s.crisis.info.realActive
                    ? [" ⚠ \(what) ", " ⚠ \(kind) ", " ⚠ "]
                    : [
                        " ⚠ \(what) — " + L10n.t("status.crisisToOpen") + " ", " ⚠ \(what) — :crisis ", " ⚠ \(what) ",
                        " ⚠ \(kind) — :crisis ", " ⚠ \(kind) ", " ⚠ ",
                    ]
            }
            banners.append(Banner(forms: forms, role: .crisisBanner, clips: false))
        }
        if let m = s.chrome.message {
            message = Piece(text: " " + sanitizeForScreen(m.text) + " ", role: m.isError ? .error : .warning)
        }
    }

    /// What the status row shows at `width`: the pieces left to right, the message (at the right end) or nil
    /// when it does not fit beside the essentials and goes to the line below (`messageBelow`).
    func fit(width: Int) -> (left: [Piece], message: Piece?, messageBelow: Bool) {
        let essentials = [user] + counts.map(\.text) + [polling] + (sync.map { [$0] } ?? [])
        var used = TextWidth.width(" " + essentials.joined(separator: " · "))
        let shortest = banners.map { TextWidth.width($0.forms.last ?? "") }.reduce(0, +)
        var shown: Piece?
        var below = false
        if let m = message {
            if used + shortest + TextWidth.width(m.text) <= width {
                shown = m
                used += TextWidth.width(m.text)
            } else {
                below = true
            }
        }
        used += shortest
        // Optional parts, in priority order; each is shown only when it fits whole.
        var showFilter = false
        var showSort = false
        if let f = filter, used + 3 + TextWidth.width(f) <= width { showFilter = true; used += 3 + TextWidth.width(f) }
        if let so = sort, used + 3 + TextWidth.width(so) <= width { showSort = true; used += 3 + TextWidth.width(so) }
        var texts = banners.map { $0.forms.last ?? "" }
        for (i, b) in banners.enumerated() {
            let base = TextWidth.width(texts[i])
            let room = width - used + base
            guard let longer = b.forms.indices.first(where: { TextWidth.width(b.forms[$0]) <= room }) else { continue }
            texts[i] = b.forms[longer]
            // The longest form cut short says more than the next one whole (a reason, a name).
            if b.clips, longer > 0, room >= TextWidth.width(b.forms[longer]) + 12 {
                texts[i] = TextWrap.ellipsize(b.forms[0], width: room - 1) + " "
            }
            used += TextWidth.width(texts[i]) - base
        }
        let showPath = used + 3 + TextWidth.width(dataPath) <= width
        var out: [Piece] = []
        for (i, b) in banners.enumerated() { out.append(Piece(text: texts[i], role: b.role)) }
        var parts: [Piece] = []
        if showPath { parts.append(Piece(text: dataPath, role: .statusBar)) }
        parts.append(Piece(text: user, role: .statusBar))
        parts += counts
        if showFilter, let f = filter { parts.append(Piece(text: f, role: .statusBar)) }
        if showSort, let so = sort { parts.append(Piece(text: so, role: .statusBar)) }
        parts.append(Piece(text: polling, role: pollingRole))
        if let y = sync { parts.append(Piece(text: y, role: .statusBar)) }
        for (i, p) in parts.enumerated() {
            out.append(Piece(text: i == 0 ? " " : " · ", role: .statusBar))
            out.append(p)
        }
        return (out, shown, below)
    }
}
