import Foundation
import ScreenKit

extension Renderer {
    /// Lines of the help overlay for the focused pane: its bindings, then the global ones, grouped by command.
    static func helpLines(_ s: AppState) -> [(keys: String, help: String, enabled: Bool, heading: Bool)] {
        var out: [(keys: String, help: String, enabled: Bool, heading: Bool)] = []
        var contexts: [(KeyContext, String)] = [
            (s.chrome.focus.context, s.chrome.focus.title + " pane"), (.global, "Everywhere"),
        ]
        if s.threadView != nil {
            contexts = [(.thread, "Conversation")]
        } else if s.contactsView != nil {
            contexts = [(.contacts, "Contacts")]
        } else if s.report != nil {
            contexts = [(.report, "Report")]
        }
        for (ctx, title) in contexts {
            out.append((title, "", true, true))
            var seen: [String: Int] = [:]
            for b in s.settings.keymap.bindings(in: ctx) {
                if ctx == .global, s.chrome.focus == .composer, case .char = b.key { continue }
                if let i = seen[b.command] { out[i].keys += ", " + b.notation; continue }
                seen[b.command] = out.count
                out.append((b.notation, b.help, s.enabled(b.when), false))
            }
            out.append(("", "", true, false))
        }
        if s.chrome.focus == .composer {
            out.append(("", "Other keys type text; Esc goes back to the feed.", true, false))
        }
        if s.threadView == nil, s.contactsView == nil, s.report == nil, s.chrome.focus == .feed {
            out.append(("Marks in the feed", "", true, true))
            for (mark, meaning) in Renderer.feedMarks { out.append((mark, meaning, true, false)) }
            out.append(("", "", true, false))
        }
        if !s.settings.views.isEmpty {
            out.append(("Saved views (:view NAME)", "", true, true))
            for v in s.settings.views { out.append((v.name, v.query.text, true, false)) }
            out.append(("", "", true, false))
        }
        out.append(("", "Every command works after : by name (Tab completes).", true, false))
        return out
    }

    /// What every mark in a feed row means, in the row's order (`3m*M★anna  -? new …`).
    static let feedMarks: [(String, String)] = [
        ("3m 2h 5d", "age of the mention"),
        ("*", "after the age: marked (Space, v)"),
        ("M B R J", "Mastodon, Bluesky, RSS/Atom, JSON Lines"),
        ("★", "author: multiplier or journalist"),
        ("⚑", "author: critic"),
        ("◆", "our own post"),
        ("- = +", "negative, neutral, positive"),
        ("*", "crisis (-* a negative crisis)"),
        ("?", "question or help request, also a complaint"),
        ("!", "complaint (=! a neutral complaint)"),
        ("$", "purchase interest"),
        ("♥", "praise (+♥ positive praise)"),
        ("~", "spam"),
        ("new open wait", "status (done, esc, ign, spam)"),
        ("due … late …", "time left to answer (SLA), or how late"),
        ("→name", "assigned to or claimed by someone else"),
        ("sending… sent ✓", "reply in its send delay, sent (failed: r)"),
    ]

    mutating func drawHelp(scroll: Int) {
        let lines = Renderer.helpLines(s)
        let w = min(s.chrome.size.width - 4, 76)
        let h = min(s.chrome.size.height - 4, lines.count + 2)
        guard w > 10, h > 2 else { return }
        // Over the panes, never over the status and hint bars.
        let r = Rect(x: (s.chrome.size.width - w) / 2, y: 1 + (s.chrome.size.height - 4 - h) / 2, width: w, height: h)
        buf.fill(r, role: .overlay)
        let name =
            s.threadView != nil
            ? "Conversation" : s.contactsView != nil ? "Contacts" : (s.report != nil ? "Report" : s.chrome.focus.title)
        let inner = box(r, title: "Keys — \(name) (Esc closes)", focused: true)
        let top = min(scroll, max(0, lines.count - inner.height))
        let keyW = min(22, inner.width / 3)
        for (i, l) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            let y = inner.y + i
            buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .overlay)
            if l.heading { buf.put(l.keys, x: inner.x + 1, y: y, role: .paneTitle, clip: inner); continue }
            if l.keys.isEmpty { buf.put(l.help, x: inner.x + 1, y: y, role: .dim, clip: inner); continue }
            buf.put(
                TextWrap.ellipsize(l.keys, width: keyW), x: inner.x + 2, y: y, role: l.enabled ? .keyName : .dim,
                clip: inner)
            buf.put(l.help, x: inner.x + 3 + keyW, y: y, role: l.enabled ? .overlay : .dim, clip: inner)
        }
    }
}
