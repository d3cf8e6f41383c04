import Foundation

/// Horizontal bars from Unicode eighth blocks, for charts that read well in a terminal, an email and Markdown.
public enum TextBars {
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `value / max` of `width` cells (at least a sliver for a non-zero value).
    public static func bar(_ value: Double, max: Double, width: Int) -> String {
        guard max > 0, value > 0, width > 0 else { return "" }
        let cells = Swift.min(Double(width), value / max * Double(width))
        let full = Int(cells)
        let rest = Int(((cells - Double(full)) * 8).rounded(.down))
        var s = String(repeating: "█", count: full)
        if rest > 0 { s.append(eighths[rest - 1]) } else if full == 0 { s.append("▏") }
        return s
    }

    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per value, ▁ to █ (a space for zero).
    public static func sparkline(_ values: [Double]) -> String {
        let m = values.max() ?? 0
        return String(values.map { v in v <= 0 || m <= 0 ? " " : levels[Swift.min(7, Int((v / m * 7).rounded()))] })
    }
}
