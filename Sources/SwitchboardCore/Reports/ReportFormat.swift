import Foundation

/// Numbers, durations and dates as the text and Markdown reports write them (English, no locale surprises).
public struct ReportFormat {
    let calendar: Calendar

    public init(timeZone: TimeZone) {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        calendar = c
    }

    init(_ r: Report) { self.init(timeZone: TimeZone(identifier: r.timeZone) ?? TimeZone(identifier: "UTC")!) }

    /// Weekday and month abbreviations of the interface's language (German: `Mo`, `Dez`).
    static var weekdays: [String] {
        L10n.language == .de
            ? ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"] : ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    }
    static var months: [String] {
        L10n.language == .de
            ? ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]
            : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    }

    func parts(_ d: Date) -> DateComponents {
        calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: d)
    }

    /// `Mon 16 Nov`
    public func day(_ d: Date) -> String {
        let c = parts(d)
        return "\(ReportFormat.weekdays[(c.weekday ?? 1) - 1]) \(c.day ?? 0) \(ReportFormat.months[(c.month ?? 1) - 1])"
    }

    /// `16 Nov 2026`
    public func date(_ d: Date) -> String {
        let c = parts(d)
        return "\(c.day ?? 0) \(ReportFormat.months[(c.month ?? 1) - 1]) \(c.year ?? 0)"
    }

    /// `2026-11-16 09:05`
    public func dateTime(_ d: Date) -> String {
        let c = parts(d)
        if L10n.language == .de {
            return String(
                format: "%02d.%02d.%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
        }
        return String(
            format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// `Tue 17 Nov 09:05`
    public func dayTime(_ d: Date) -> String {
        let c = parts(d)
        return day(d) + String(format: " %02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// `2026-11-16` (the local day, for CSV).
    public func isoDay(_ d: Date) -> String {
        let c = parts(d)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// The label of a chart bucket: `Mon 16 Nov` for days, `16 Nov` for weeks, `Nov 2026` for months.
    func bucket(_ d: Date, unit: String) -> String {
        switch unit {
        case "day": return day(d)
        case "week":
            let c = parts(d)
            return "\(c.day ?? 0) \(ReportFormat.months[(c.month ?? 1) - 1])"
        default:
            let c = parts(d)
            return "\(ReportFormat.months[(c.month ?? 1) - 1]) \(c.year ?? 0)"
        }
    }

    /// `45s`, `12m`, `2h 5m`, `3d 4h` (German: `LocalFormat.duration`, `2 Std. 5 Min.`).
    public static func duration(_ s: Double) -> String {
        if L10n.language == .de { return LocalFormat.duration(s, .de) }
        let t = Int(s.rounded())
        if t < 60 { return "\(t)s" }
        let m = (t + 30) / 60
        if m < 60 { return "\(m)m" }
        if m < 24 * 60 { return m % 60 == 0 ? "\(m / 60)h" : "\(m / 60)h \(m % 60)m" }
        let h = (m + 30) / 60
        return h % 24 == 0 ? "\(h / 24)d" : "\(h / 24)d \(h % 24)h"
    }

    /// `57%` (rounded), `–` for nil.
    public static func percent(_ x: Double?) -> String {
        guard let x else { return "–" }
        return "\(Int((x * 100).rounded()))%"
    }

    /// Change from `previous` to `current`: `+40%`, `−20%`, `±0%`, `new` (from nothing), `–` (nothing either time).
    public static func change(_ current: Int, _ previous: Int) -> String {
        if previous == 0 { return current == 0 ? "–" : L10n.t("report.new") }
        let p = Int((Double(current - previous) / Double(previous) * 100).rounded())
        return p > 0 ? "+\(p)%" : p < 0 ? "−\(-p)%" : "±0%"
    }

    /// Difference of two shares in percentage points: `+10 pts`, `−5 pts`, `±0 pts`; empty when one is missing.
    public static func points(_ current: Double?, _ previous: Double?) -> String {
        guard let c = current, let p = previous else { return "" }
        let d = Int((c * 100).rounded()) - Int((p * 100).rounded())
        let pts = L10n.t("report.pts")
        return d > 0 ? "+\(d) \(pts)" : d < 0 ? "−\(-d) \(pts)" : "±0 \(pts)"
    }

    /// `120,000`
    public static func number(_ n: Int) -> String { L10n.language == .de ? LocalFormat.number(n, .de) : n.grouped }

    /// The score with two decimals.
    public static func score(_ x: Double) -> String { String(format: "%.2f", x) }
}
