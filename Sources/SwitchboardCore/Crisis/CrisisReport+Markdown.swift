import Foundation

extension CrisisReport {
    /// The chart of volume and negative share per 15 minutes, one line a slot, as fixed-width text.
    public func chartLines(timeZone: TimeZone, width: Int = 28) -> [String] {
        let fmt = CrisisReport.formatter("HH:mm", timeZone)
        let m = Double(buckets.map(\.total).max() ?? 0)
        let digits = String(buckets.map(\.total).max() ?? 0).count
        return buckets.map { b in
            let bar = TextBars.bar(Double(b.total), max: m, width: width)
            let count = String(repeating: " ", count: max(0, digits - String(b.total).count)) + String(b.total)
            let neg = b.total == 0 ? "" : String(format: "  %3d%% negative", Int((b.negativeShare * 100).rounded()))
            var mark = ""
            if b.start <= startedAt, startedAt < b.start.addingTimeInterval(900) { mark = "  ◀ start" }
            if let e = endedAt, b.start <= e, e < b.start.addingTimeInterval(900) { mark += "  ◀ end" }
            if b.total == 0 { return "\(fmt.string(from: b.start))  \(count)\(mark)" }
            return
                "\(fmt.string(from: b.start))  \(count) "
                + "\(bar.padding(toLength: width, withPad: " ", startingAt: 0))\(neg)\(mark)"
        }
    }

    static func formatter(_ pattern: String, _ tz: TimeZone) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = tz
        f.dateFormat = pattern
        return f
    }

    public static func duration(_ seconds: TimeInterval) -> String {
        let m = Int((seconds / 60).rounded())
        return m < 60 ? "\(m) min" : "\(m / 60) h \(m % 60) min"
    }

    /// The report as Markdown: facts, summary, steps, chart, posts, response times and the timeline.
    public func markdown(timeZone: TimeZone = .current) -> String {
        let full = CrisisReport.formatter("yyyy-MM-dd HH:mm", timeZone)
        let hm = CrisisReport.formatter("HH:mm", timeZone)
        let day = CrisisReport.formatter("MMM d HH:mm", timeZone)
        let startDay = CrisisReport.formatter("yyyyMMdd", timeZone).string(from: startedAt)
        let dayFmt = CrisisReport.formatter("yyyyMMdd", timeZone)
        /// HH:mm on the start's day, else with the date.
        func when(_ d: Date) -> String { dayFmt.string(from: d) == startDay ? hm.string(from: d) : day.string(from: d) }
        func cell(_ s: String?) -> String {
            (s ?? "").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r", with: " ")
                .replacingOccurrences(of: "\n", with: " ")
        }
        var o: [String] = []
        o.append("# Incident report: \(cell(name))" + (drill ? " (DRILL — an exercise)" : ""))
        o.append("")
        o.append("| | |")
        o.append("|---|---|")
        o.append("| Crisis | \(id) |")
        o.append("| Playbook | \(cell(playbook)) |")
        if let s = severity { o.append("| Severity | \(cell(s)) |") }
        o.append("| Started | \(full.string(from: startedAt)) by \(cell(startedBy)) |")
        if let e = endedAt {
            o.append(
                "| Ended | \(full.string(from: e)) by \(cell(endedBy)) "
                    + "(\(CrisisReport.duration(e.timeIntervalSince(startedAt)))) |"
            )
        } else { o.append("| Ended | still active |") }
        o.append(
            "| Queue | "
                + (drill
                    ? "not touched (drill)" : queueSuspended ? "suspended at the start" : "not suspended by the start")
                + " |")
        let finished = steps.filter { $0.state == "done" || $0.state == "skipped" }.count
        o.append(
            "| Steps | \(finished) of \(steps.count) finished, \(steps.filter { $0.lateMinutes != nil }.count) late |")
        o.append("")
        o.append("## Summary")
        o.append("")
        o.append(summary.map { $0.isEmpty ? "(none given)" : $0 } ?? "(the crisis has not ended)")
        o.append("")
        o.append("## Steps")
        o.append("")
        o.append("| # | Step | Owner | Due | State | By | At | Late |")
        o.append("|---|---|---|---|---|---|---|---|")
        for s in steps {
            let state = s.state + (s.reason.map { ": " + $0 } ?? "")
            o.append(
                "| \(s.number) | \(cell(s.title)) | \(cell(s.owner)) | \(when(s.due)) | \(cell(state)) | "
                    + "\(cell(s.by)) | "
                    + "\(s.at.map { when($0) } ?? "") | \(s.lateMinutes.map { "\($0) min" } ?? "") |")
        }
        o.append("")
        o.append("## Volume and sentiment per 15 minutes")
        o.append("")
        o.append("From an hour before the start; mentions by the time they were written.")
        o.append("")
        o.append("```")
        o += chartLines(timeZone: timeZone)
        o.append("```")
        o.append("")
        o.append("## Posts made (\(posts.count))")
        o.append("")
        if posts.isEmpty { o.append(drill ? "None (a drill publishes nothing)." : "None.") }
        for p in posts {
            var line = "- \(when(p.at)) \(cell(p.actor)) — \(cell(p.kind))"
            if let t = p.text { line += ": \(cell(t))" }
            if let u = p.url { line += " (\(cell(u)))" }
            o.append(line)
        }
        if let gates = replyGates {
            o.append("")
            o.append("## Reply controls (\(gates.count) changes)")
            o.append("")
            for g in gates { o.append("- " + cell(g)) }
        }
        o.append("")
        o.append("## Response times")
        o.append("")
        var r = "\(responses.mentions) mentions during the crisis, \(responses.answered) answered"
        if let m = responses.medianMinutes, let p = responses.p90Minutes {
            r += "; first response median \(CrisisReport.minutes(m)), p90 \(CrisisReport.minutes(p))"
        }
        o.append(r + ".")
        o.append("")
        o.append("## Timeline")
        o.append("")
        o.append("| Time | Who | What |")
        o.append("|---|---|---|")
        for e in timeline {
            o.append("| \(when(e.at)) | \(cell(e.actor)) | \(cell((e.mention.map { "[\($0)] " } ?? "") + e.text)) |")
        }
        return o.joined(separator: "\n") + "\n"
    }

    static func minutes(_ m: Double) -> String {
        m == m.rounded() ? "\(Int(m)) min" : String(format: "%.1f min", m)
    }

    /// The report as JSON (dates in ISO 8601, UTC).
    public func json() throws -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        enc.dateEncodingStrategy = .custom { d, e in
            var c = e.singleValueContainer()
            try c.encode(Timestamp.format(d))
        }
        return try enc.encode(self)
    }
}
