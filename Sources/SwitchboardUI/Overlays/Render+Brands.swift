import Foundation
import ScreenKit
import SwitchboardCore

extension Renderer {
    /// The brands overview: a row per brand with its counts; the current brand marked with `*`.
    mutating func drawBrands(_ o: BrandsOverview) {
        let nameWidth = min(28, max(5, o.rows.map { TextWidth.width(sanitizeForScreen($0.name)) }.max() ?? 5))
        // Each count column is as wide as its heading (a German heading is longer) plus two spaces.
        let heads = ["brands.new", "brands.overdue", "brands.today"].map { L10n.t($0) }
        let widths = zip(heads, [6, 9, 7]).map { max($1, TextWidth.width($0) + 2) }
        let title = L10n.t("brands.title")
        let width = nameWidth + 52 + widths.reduce(0, +) - 22
        guard let inner = overlay(title: title, lines: o.rows.count + 3, width: width) else { return }
        func cell(_ s: String, _ w: Int) -> String { TextLayout.pad(s, width: w) }
        func num(_ n: Int, _ w: Int) -> String { String(repeating: " ", count: max(0, w - String(n).count)) + "\(n)" }
        func right(_ s: String, _ w: Int) -> String {
            String(repeating: " ", count: max(0, w - TextWidth.width(s))) + s
        }
        let header = zip(heads, widths).map { right($0, $1) }.joined() + "  " + L10n.t("brands.crisis")
        buf.put(
            "   " + cell(L10n.t("brands.brand"), nameWidth) + header, x: inner.x, y: inner.y, role: .dim, clip: inner)
        for (i, r) in o.rows.enumerated() {
            let y = inner.y + 1 + i
            guard y < inner.maxY else { break }
            let role: StyleRole = i == o.selected ? .selected : .overlay
            buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role)
            let current = r.dir == s.settings.dataPath ? "*" : " "
            let tail = r.problem.map { "(\(sanitizeForScreen($0)))" } ?? r.crisis.map { sanitizeForScreen($0) } ?? "—"
            let counts =
                " \(current) " + cell(sanitizeForScreen(r.name), nameWidth) + num(r.new, widths[0])
                + num(r.overdue, widths[1]) + num(r.dueToday, widths[2]) + "  "
            // A tail too long for the box ends with "…" instead of being cut mid-word at the border.
            let room = inner.width - TextWidth.width(counts)
            let line = counts + (TextWidth.width(tail) > room ? TextWrap.ellipsize(tail, width: max(1, room)) : tail)
            buf.put(line, x: inner.x, y: y, role: role, clip: inner)
        }
        let help = L10n.t("brands.help")
        if inner.y + o.rows.count + 2 < inner.maxY {
            buf.put(help, x: inner.x + 1, y: inner.y + o.rows.count + 2, role: .dim, clip: inner)
        }
    }
}
