import Foundation
import ScreenKit
import SwitchboardCore

extension Renderer {
    /// Lines of the help overlay for the focused pane: its bindings, then the global ones, grouped by command.
    static func helpLines(_ s: AppState) -> [(keys: String, help: String, enabled: Bool, heading: Bool)] {
        var out: [(keys: String, help: String, enabled: Bool, heading: Bool)] = []
        var contexts: [(KeyContext, String)] = [
            (s.chrome.focus.context, L10n.t("help.paneHeading", ["pane": s.chrome.focus.title])),
            (.global, L10n.t("help.everywhere")),
        ]
        if s.threadView != nil {
            contexts = [(.thread, L10n.t("help.conversation"))]
        } else if s.contactsView != nil {
            contexts = [(.contacts, L10n.t("help.contacts"))]
        } else if s.report != nil {
            contexts = [(.report, L10n.t("help.report"))]
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
            out.append(("", L10n.t("help.composerTypes"), true, false))
        }
        if s.threadView == nil, s.contactsView == nil, s.report == nil, s.chrome.focus == .feed {
            out.append((L10n.t("help.marks"), "", true, true))
            for (mark, meaning) in Renderer.feedMarks {
                out.append((mark.hasPrefix("help.") ? L10n.t(mark) : mark, L10n.t(meaning), true, false))
            }
            out.append(("", "", true, false))
        }
        if !s.settings.views.isEmpty {
            out.append((L10n.t("help.views"), "", true, true))
            for v in s.settings.views { out.append((v.name, v.query.text, true, false)) }
            out.append(("", "", true, false))
        }
        out.append(("", L10n.t("help.everyCommand"), true, false))
        return out
    }

    /// The help lines with long explanations wrapped onto continuation lines (German runs longer): nothing is cut.
    static func wrappedHelp(
        _ lines: [(keys: String, help: String, enabled: Bool, heading: Bool)], keyWidth: Int, width: Int
    ) -> [(keys: String, help: String, enabled: Bool, heading: Bool)] {
        var out: [(keys: String, help: String, enabled: Bool, heading: Bool)] = []
        for l in lines {
            let room = l.keys.isEmpty || l.heading ? width - 1 : width - 3 - keyWidth
            let parts = room > 8 ? TextWrap.wrap(l.help, width: room) : [l.help]
            out.append((l.keys, parts.first ?? "", l.enabled, l.heading))
            // A continuation: no keys, indented under the explanation (`\u{0}` marks it for drawHelp).
            for p in parts.dropFirst() { out.append(("\u{0}", p, l.enabled, false)) }
        }
        return out
    }

    /// What every mark in a feed row means (a catalogue key), in the row's order (`3m*M★anna  -? new …`).
    static let feedMarks: [(String, String)] = [
        ("help.markKey.ages", "help.mark.1"),
        ("*", "help.mark.2"),
        ("M B R J", "help.mark.3"),
        ("★", "help.mark.4"),
        ("⚑", "help.mark.5"),
        ("◆", "help.mark.6"),
        ("- = +", "help.mark.7"),
        ("*", "help.mark.8"),
        ("?", "help.mark.9"),
        ("!", "help.mark.10"),
        ("$", "help.mark.11"),
        ("♥", "help.mark.12"),
        ("~", "help.mark.13"),
        ("help.markKey.statuses", "help.mark.14"),
        ("help.markKey.due", "help.mark.15"),
        ("→name", "help.mark.16"),
        ("help.markKey.sending", "help.mark.17"),
    ]

    mutating func drawHelp(scroll: Int) {
        let w = min(s.chrome.size.width - 4, 76)
        let lines = Renderer.wrappedHelp(Renderer.helpLines(s), keyWidth: min(22, (w - 2) / 3), width: w - 2)
        let h = min(s.chrome.size.height - 4, lines.count + 2)
        guard w > 10, h > 2 else { return }
        // Over the panes, never over the status and hint bars.
        let r = Rect(x: (s.chrome.size.width - w) / 2, y: 1 + (s.chrome.size.height - 4 - h) / 2, width: w, height: h)
        buf.fill(r, role: .overlay)
        let name =
            s.threadView != nil
            ? L10n.t("help.conversation")
            : s.contactsView != nil
                ? L10n.t("help.contacts") : (s.report != nil ? L10n.t("help.report") : s.chrome.focus.title)
        let inner = box(r, title: L10n.t("help.title", ["name": name]), focused: true)
        let top = min(scroll, max(0, lines.count - inner.height))
        let keyW = min(22, inner.width / 3)
        for (i, l) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            let y = inner.y + i
            buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: .overlay)
            if l.heading { buf.put(l.keys, x: inner.x + 1, y: y, role: .paneTitle, clip: inner); continue }
            if l.keys.isEmpty { buf.put(l.help, x: inner.x + 1, y: y, role: .dim, clip: inner); continue }
            if l.keys == "\u{0}" {
                buf.put(l.help, x: inner.x + 3 + keyW, y: y, role: l.enabled ? .overlay : .dim, clip: inner)
                continue
            }
            buf.put(
                TextWrap.ellipsize(l.keys, width: keyW), x: inner.x + 2, y: y, role: l.enabled ? .keyName : .dim,
                clip: inner)
            buf.put(l.help, x: inner.x + 3 + keyW, y: y, role: l.enabled ? .overlay : .dim, clip: inner)
        }
    }
}
