import Foundation
import TextSafety

/// Charts drawn with Unicode block characters, for reports that read the same in a terminal, an email in a
/// fixed-width font and a Markdown code block: sparklines (`▁▂▃▄▅▆▇█`) and horizontal bars (`▏▎▍▌▋▊▉█`).
/// No colours, no tabs. Widths are display cells (`BlockChart.width`).
public enum BlockChart {
    static let sparks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// One cell per value, scaled to the largest: 0 is a blank (nothing happened), the largest is `█`, and any
    /// value above 0 is at least `▁`. nil is a blank too.
    public static func sparkline(_ values: [Double?]) -> String {
        let top = values.compactMap { $0 }.max() ?? 0
        return String(
            values.map { v -> Character in
                guard let v, v > 0, top > 0 else { return " " }
                let i = Int((v / top * 8).rounded(.up)) - 1
                return sparks[min(7, max(0, i))]
            })
    }

    public static func sparkline(_ values: [Int]) -> String { sparkline(values.map { Double($0) }) }

    /// One cell per value on a fixed scale `low…high` (e.g. net sentiment −1…+1): `low` is `▁`, `high` is `█`;
    /// nil (no data) is a blank.
    public static func sparkline(_ values: [Double?], low: Double, high: Double) -> String {
        String(
            values.map { v -> Character in
                guard let v, high > low else { return " " }
                let f = (min(high, max(low, v)) - low) / (high - low)
                return sparks[min(7, max(0, Int((f * 7).rounded())))]
            })
    }

    /// A bar of `value / maximum × width` cells in eighths, padded with spaces to `width` cells. Any value above
    /// 0 shows at least `▏`, so a small count never looks like none.
    public static func bar(_ value: Double, of maximum: Double, width: Int) -> String {
        guard width > 0 else { return "" }
        guard maximum > 0, value > 0 else { return String(repeating: " ", count: width) }
        let total = max(1, Int((min(value, maximum) / maximum * Double(width * 8)).rounded()))
        var s = String(repeating: "█", count: total / 8)
        if total % 8 > 0 { s.append(eighths[total % 8 - 1]) }
        return s + String(repeating: " ", count: width - (total + 7) / 8)
    }

    public static func bar(_ value: Int, of maximum: Int, width: Int) -> String {
        bar(Double(value), of: Double(maximum), width: width)
    }

    // MARK: Display width

    /// Display cells of `s` in a fixed-width font: TextSafety's rule (wcwidth, the table ncurses uses), so a
    /// report's columns line up in the terminal exactly as the workbench's do.
    public static func width(_ s: String) -> Int { TextWidth.width(s) }

    public static func width(_ c: Character) -> Int { TextWidth.width(c) }

    /// `s` padded with spaces to `width` display cells (left-aligned), or clipped with "…" when longer.
    public static func pad(_ s: String, _ width: Int) -> String {
        let w = self.width(s)
        if w > width {
            return clip(s, width) + String(repeating: " ", count: max(0, width - self.width(clip(s, width))))
        }
        return s + String(repeating: " ", count: width - w)
    }

    /// `s` right-aligned in `width` display cells.
    public static func padLeft(_ s: String, _ width: Int) -> String {
        let w = self.width(s)
        return w >= width ? s : String(repeating: " ", count: width - w) + s
    }

    /// At most `width` display cells, ending in "…" when cut; never splits a character.
    public static func clip(_ s: String, _ width: Int) -> String {
        guard self.width(s) > width else { return s }
        guard width > 0 else { return "" }
        var out = ""
        var w = 0
        for c in s {
            let cw = self.width(c)
            if w + cw > width - 1 { break }
            out.append(c)
            w += cw
        }
        return out + "…"
    }
}
