import Foundation
import Insight
import ScreenKit
import SwitchboardCore

/// The `:trends` overlay: terms and hashtags rising in the last hour against the previous 24 hours.
public struct TrendsOverlay: Sendable, Equatable {
    public var terms: [TrendingTerm]
    public var selected = 0
    public init(terms: [TrendingTerm]) { self.terms = terms }
}

extension Update {
    /// Keys while the trends overlay is open (context `trends`).
    static func trendsCommand(_ s: inout AppState, _ command: String) -> [Effect] {
        guard var t = s.trends, let c = CommandName(rawValue: command) else { return [] }
        switch c {
        case .back:
            s.trends = nil
            return []
        case .pick:
            s.trends = nil
            guard let term = t.terms[safe: t.selected] else { return [] }
            return run(&s, "filter " + term.term, fromKeymap: true)
        case .post:
            s.trends = nil
            guard let term = t.terms[safe: t.selected] else { return [] }
            return [.openEditor(key: "queue-new:now", text: term.term + " ")]
        default:
            guard let m = c.motion else { break }
            t.selected = ListCursor(t.selected, count: t.terms.count, page: 5, half: 5).moved(m)
        }
        s.trends = t
        return []
    }
}

extension Renderer {
    mutating func drawTrends(_ t: TrendsOverlay) {
        let w = min(s.chrome.size.width - 4, 60)
        let h = min(s.chrome.size.height - 4, max(1, t.terms.count) + 4)
        guard w > 20, h > 3 else { return }
        let r = Rect(x: (s.chrome.size.width - w) / 2, y: 1 + (s.chrome.size.height - 4 - h) / 2, width: w, height: h)
        buf.fill(r, role: .overlay)
        let inner = box(r, title: L10n.t("trends.title"), focused: true)
        let header =
            TextWrap.pad("  " + L10n.t("trends.term"), width: inner.width - 26)
            + TextWrap.pad(L10n.t("trends.lastHour"), width: 10) + TextWrap.pad(L10n.t("trends.perHour"), width: 9)
            + L10n.t("trends.ratio")
        buf.put(header, x: inner.x, y: inner.y, role: .dim, clip: inner)
        if t.terms.isEmpty {
            buf.put(
                "  " + L10n.t("trends.none"), x: inner.x, y: inner.y + 1, role: .dim,
                clip: inner)
            return
        }
        for (i, term) in t.terms.prefix(inner.height - 1).enumerated() {
            let y = inner.y + 1 + i
            let role: StyleRole = i == t.selected ? .selected : .overlay
            buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role)
            let line =
                TextWrap.pad(
                    "  " + TextWrap.ellipsize(sanitizeForScreen(term.term), width: inner.width - 29),
                    width: inner.width - 26)
                + TextWrap.pad(String(term.count), width: 10)
                + TextWrap.pad(LocalFormat.decimal("%.1f", term.baseline), width: 9)
                + "×" + LocalFormat.decimal("%.1f", term.ratio)
            buf.put(line, x: inner.x, y: y, role: role, clip: inner)
        }
    }
}
