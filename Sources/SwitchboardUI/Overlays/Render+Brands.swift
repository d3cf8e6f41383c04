import Foundation
import ScreenKit
import SwitchboardCore

extension Renderer {
    /// The brands overview: a row per brand with its counts; the current brand marked with `*`.
    mutating func drawBrands(_ o: BrandsOverview) {
        let nameWidth = min(28, max(5, o.rows.map { TextWidth.width(sanitizeForScreen($0.name)) }.max() ?? 5))
        guard let inner = overlay(title: "Brands", lines: o.rows.count + 3, width: nameWidth + 52) else { return }
        func cell(_ s: String, _ w: Int) -> String { TextLayout.pad(s, width: w) }
        func num(_ n: Int, _ w: Int) -> String { String(repeating: " ", count: max(0, w - String(n).count)) + "\(n)" }
        buf.put(
            "   " + cell("BRAND", nameWidth) + "   NEW  OVERDUE  TODAY  CRISIS", x: inner.x, y: inner.y, role: .dim,
            clip: inner)
        for (i, r) in o.rows.enumerated() {
            let y = inner.y + 1 + i
            guard y < inner.maxY else { break }
            let role: StyleRole = i == o.selected ? .selected : .overlay
            buf.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role)
            let current = r.dir == s.settings.dataPath ? "*" : " "
            let tail = r.problem.map { "(\(sanitizeForScreen($0)))" } ?? r.crisis.map { sanitizeForScreen($0) } ?? "—"
            let line =
                " \(current) " + cell(sanitizeForScreen(r.name), nameWidth) + num(r.new, 6) + num(r.overdue, 9)
                + num(r.dueToday, 7) + "  " + tail
            buf.put(line, x: inner.x, y: y, role: role, clip: inner)
        }
        let help = "Enter opens · j/k move · Esc closes"
        if inner.y + o.rows.count + 2 < inner.maxY {
            buf.put(help, x: inner.x + 1, y: inner.y + o.rows.count + 2, role: .dim, clip: inner)
        }
    }
}
