import Foundation
import ScreenKit
import SwitchboardCore

/// The SLA label of a feed row: how late it is, a short countdown when the due moment is near ("due 25m"), or the
/// moment itself in the team's time zone when it is further away ("due Mon 08:15", e.g. over a weekend). Coloured
/// by urgency: late, due within 15 minutes, then by priority band (high stands out, normal and low stay quiet).
enum DueLabel {
    /// Up to this far ahead the label counts down; beyond it, it names the moment.
    static let countdownLimit: Double = 12 * 3600

    static func make(due: Double, now: Double, band: String, timeZone: TimeZone) -> (text: String, role: StyleRole) {
        let left = due - now
        if left < 0 { return (L10n.t("feed.late", ["age": Format.relative(due, now: now)]), .overdue) }
        let role: StyleRole = left < 15 * 60 ? .warning : (band == "high" ? .negative : .dim)
        if left < countdownLimit { return (L10n.t("feed.due", ["when": Format.relative(now - left, now: now)]), role) }
        return (L10n.t("feed.due", ["when": moment(due, now: now, timeZone: timeZone)]), role)
    }

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Mon 08:15" within the next six days, else "7 Dec 08:15" (fixed abbreviations of the interface's language:
    /// German "Mo 08:15", "07.12. 08:15"; never the C library's locale).
    static func moment(_ t: Double, now: Double, timeZone: TimeZone) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let d = cal.dateComponents([.weekday, .day, .month, .hour, .minute], from: Date(timeIntervalSince1970: t))
        let clock = String(format: "%02d:%02d", d.hour ?? 0, d.minute ?? 0)
        let date = Date(timeIntervalSince1970: t)
        if L10n.language == .de {
            if t - now < 6 * 86400 { return LocalFormat.weekday(date, timeZone) + " " + clock }
            return String(format: "%02d.%02d. ", d.day ?? 1, d.month ?? 1) + clock
        }
        if t - now < 6 * 86400 { return weekdays[((d.weekday ?? 1) - 1) % 7] + " " + clock }
        return "\(d.day ?? 1) \(months[((d.month ?? 1) - 1) % 12]) " + clock
    }
}
