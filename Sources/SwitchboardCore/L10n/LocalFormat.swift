import Foundation

/// Numbers, dates, times, ages and durations as a language writes them: the one formatting helper the workbench, the
/// CLI and the reports use for what people read (machine formats — ISO timestamps, JSON — stay as they are).
public enum LocalFormat {
    /// `1,200` in English, `1.200` in German.
    public static func number(_ n: Int, _ lang: Language = L10n.language) -> String {
        let sep: Character = lang == .de ? "." : ","
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(sep) }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + String(out.reversed())
    }

    /// A compact age for a column: `45s 3m 2h 5d 1y` in English, `45s 3m 2h 5T 1J` in German.
    public static func age(_ seconds: Double, _ lang: Language = L10n.language) -> String {
        let d = max(0, seconds)
        let (day, year) = lang == .de ? ("T", "J") : ("d", "y")
        if d < 60 { return "\(Int(d))s" }
        if d < 3600 { return "\(Int(d / 60))m" }
        if d < 86400 { return "\(Int(d / 3600))h" }
        if d < 365 * 86400 { return "\(Int(d / 86400))\(day)" }
        return "\(Int(d / (365 * 86400)))\(year)"
    }

    /// A relative age: `3m ago` in English (compact, as the panes always wrote it), `vor 3 Min.` in German.
    public static func ago(_ seconds: Double, _ lang: Language = L10n.language) -> String {
        L10n.t("format.ago", in: lang, ["span": lang == .de ? span(seconds, lang) : age(seconds, lang)])
    }

    /// A time span in words after "ago", largest unit only: `45 s`, `3 min`, `2 h`, `5 days` / `45 Sek.`,
    /// `3 Min.`, `2 Std.`, `5 Tagen`.
    public static func span(_ seconds: Double, _ lang: Language = L10n.language) -> String {
        let d = Int(max(0, seconds))
        if d < 60 { return L10n.t("format.seconds", in: lang, ["n": d]) }
        if d < 3600 { return L10n.t("format.minutes", in: lang, ["n": d / 60]) }
        if d < 86400 { return L10n.t("format.hours", in: lang, ["n": d / 3600]) }
        let days = d / 86400
        return L10n.t(days == 1 ? "format.day" : "format.days", in: lang, ["n": days])
    }

    /// A duration: `45s`, `12m`, `2h 5m`, `3d 4h` (English), `45 s`, `12 Min.`, `2 Std. 5 Min.`, `3 T. 4 Std.`
    /// (German).
    public static func duration(_ s: Double, _ lang: Language = L10n.language) -> String {
        let t = Int(s.rounded())
        func u(_ key: String, _ n: Int) -> String { L10n.t("format.duration." + key, in: lang, ["n": n]) }
        if t < 60 { return u("s", t) }
        let m = (t + 30) / 60
        if m < 60 { return u("m", m) }
        if m < 24 * 60 { return m % 60 == 0 ? u("h", m / 60) : u("h", m / 60) + " " + u("m", m % 60) }
        let h = (m + 30) / 60
        return h % 24 == 0 ? u("d", h / 24) : u("d", h / 24) + " " + u("h", h % 24)
    }

    /// Date and time to the minute in `tz`: `2026-11-27 14:05` / `27.11.2026 14:05`.
    public static func dateTime(_ d: Date, _ tz: TimeZone, _ lang: Language = L10n.language) -> String {
        let iso = Timestamp.local(d, tz)
        guard lang == .de else { return iso }
        let p = iso.split(separator: " ")
        let ymd = p[0].split(separator: "-")
        return "\(ymd[2]).\(ymd[1]).\(ymd[0]) \(p[1])"
    }

    /// A number by a printf format (`%+.2f`), with a decimal comma in German: `+0.25` / `+0,25`.
    public static func decimal(_ format: String, _ x: Double, _ lang: Language = L10n.language) -> String {
        let s = String(format: format, x)
        return lang == .de ? s.replacingOccurrences(of: ".", with: ",") : s
    }

    /// A moment in messages: `2026-11-27T03:20:25Z` in English (as the CLI always wrote it), `27.11.2026 03:20 UTC`
    /// in German.
    public static func moment(_ d: Date, _ lang: Language = L10n.language) -> String {
        guard lang == .de else { return Timestamp.format(d) }
        return dateTime(d, TimeZone(identifier: "UTC")!, .de) + " UTC"
    }

    /// Weekday, day and time in `tz`: `Mon 12-07 08:15` / `Mo 07.12. 08:15`.
    public static func weekdayTime(_ d: Date, _ tz: TimeZone, _ lang: Language = L10n.language) -> String {
        let iso = Timestamp.local(d, tz)
        let p = iso.split(separator: " ")
        let ymd = p[0].split(separator: "-")
        let wd = weekday(d, tz, lang)
        return lang == .de ? "\(wd) \(ymd[2]).\(ymd[1]). \(p[1])" : "\(wd) \(ymd[1])-\(ymd[2]) \(p[1])"
    }

    /// The short weekday name: `Mon` … `Sun` / `Mo` … `So`.
    public static func weekday(_ d: Date, _ tz: TimeZone, _ lang: Language = L10n.language) -> String {
        let local = d.timeIntervalSince1970 + Double(tz.secondsFromGMT(for: d))
        let days = Int((local / 86400).rounded(.down))
        let index = ((days % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday; 0 = Monday
        let names =
            lang == .de
            ? ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return names[index]
    }
}
