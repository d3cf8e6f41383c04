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
            let neg =
                b.total == 0
                ? ""
                : "  "
                    + L10n.t(
                        "incident.negative", ["percent": String(format: "%3d", Int((b.negativeShare * 100).rounded()))])
            var mark = ""
            if b.start <= startedAt, startedAt < b.start.addingTimeInterval(900) {
                mark = "  ◀ " + L10n.t("incident.markStart")
            }
            if let e = endedAt, b.start <= e, e < b.start.addingTimeInterval(900) {
                mark += "  ◀ " + L10n.t("incident.markEnd")
            }
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
        return m < 60 ? L10n.t("incident.min", ["n": m]) : L10n.t("incident.hmin", ["h": m / 60, "m": m % 60])
    }

    /// The report as Markdown: facts, summary, steps, chart, posts, response times and the timeline.
    public func markdown(timeZone: TimeZone = .current) -> String {
        let de = L10n.language == .de
        let full = CrisisReport.formatter(de ? "dd.MM.yyyy HH:mm" : "yyyy-MM-dd HH:mm", timeZone)
        let hm = CrisisReport.formatter("HH:mm", timeZone)
        let day = CrisisReport.formatter(de ? "dd.MM. HH:mm" : "MMM d HH:mm", timeZone)
        let startDay = CrisisReport.formatter("yyyyMMdd", timeZone).string(from: startedAt)
        let dayFmt = CrisisReport.formatter("yyyyMMdd", timeZone)
        /// HH:mm on the start's day, else with the date.
        func when(_ d: Date) -> String { dayFmt.string(from: d) == startDay ? hm.string(from: d) : day.string(from: d) }
        func cell(_ s: String?) -> String {
            (s ?? "").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r", with: " ")
                .replacingOccurrences(of: "\n", with: " ")
        }
        var o: [String] = []
        o.append(L10n.t("incident.title", ["name": cell(name)]) + (drill ? " (" + L10n.t("incident.drill") + ")" : ""))
        o.append("")
        o.append("| | |")
        o.append("|---|---|")
        o.append("| \(L10n.t("incident.crisis")) | \(id) |")
        o.append("| \(L10n.t("incident.playbook")) | \(cell(playbook)) |")
        if let s = severity { o.append("| \(L10n.t("incident.severity")) | \(cell(s)) |") }
        o.append(
            "| \(L10n.t("incident.started")) | "
                + L10n.t("incident.atBy", ["time": full.string(from: startedAt), "user": cell(startedBy)]) + " |")
        if let e = endedAt {
            o.append(
                "| \(L10n.t("incident.ended")) | "
                    + L10n.t("incident.atBy", ["time": full.string(from: e), "user": cell(endedBy)])
                    + " (\(CrisisReport.duration(e.timeIntervalSince(startedAt)))) |"
            )
        } else {
            o.append("| \(L10n.t("incident.ended")) | \(L10n.t("incident.stillActive")) |")
        }
        o.append(
            "| \(L10n.t("incident.queue")) | "
                + L10n.t(
                    drill
                        ? "incident.queueDrill"
                        : queueSuspended ? "incident.queueSuspended" : "incident.queueNotSuspended")
                + " |")
        let finished = steps.filter { $0.state == "done" || $0.state == "skipped" }.count
        o.append(
            "| \(L10n.t("incident.steps")) | "
                + L10n.t(
                    "incident.stepsLine",
                    ["done": finished, "count": steps.count, "late": steps.filter { $0.lateMinutes != nil }.count])
                + " |")
        o.append("")
        o.append("## " + L10n.t("incident.summary"))
        o.append("")
        o.append(summary.map { $0.isEmpty ? L10n.t("incident.noneGiven") : $0 } ?? L10n.t("incident.notEnded"))
        o.append("")
        o.append("## " + L10n.t("incident.steps"))
        o.append("")
        o.append("| # | " + L10n.t("incident.stepsHeader") + " |")
        o.append("|---|---|---|---|---|---|---|---|")
        for s in steps {
            let state = L10n.t("crisis.state." + s.state) + (s.reason.map { ": " + $0 } ?? "")
            o.append(
                "| \(s.number) | \(cell(s.title)) | \(cell(s.owner)) | \(when(s.due)) | \(cell(state)) | "
                    + "\(cell(s.by)) | "
                    + "\(s.at.map { when($0) } ?? "") | \(s.lateMinutes.map { L10n.t("incident.min", ["n": $0]) } ?? "") |"
            )
        }
        o.append("")
        o.append("## " + L10n.t("incident.volume"))
        o.append("")
        o.append(L10n.t("incident.volumeNote"))
        o.append("")
        o.append("```")
        o += chartLines(timeZone: timeZone)
        o.append("```")
        o.append("")
        o.append("## " + L10n.t("incident.posts", ["count": posts.count]))
        o.append("")
        if posts.isEmpty { o.append(L10n.t(drill ? "incident.noPostsDrill" : "incident.noPosts")) }
        for p in posts {
            var line =
                "- \(when(p.at)) \(cell(p.actor)) — \(cell(p.kind == "reply" ? L10n.t("incident.reply") : p.kind))"
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
        o.append("## " + L10n.t("incident.responses"))
        o.append("")
        var r = L10n.t("incident.responsesLine", ["mentions": responses.mentions, "answered": responses.answered])
        if let m = responses.medianMinutes, let p = responses.p90Minutes {
            r += "; " + L10n.t("incident.median", ["median": CrisisReport.minutes(m), "p90": CrisisReport.minutes(p)])
        }
        o.append(r + ".")
        o.append("")
        o.append("## " + L10n.t("incident.timeline"))
        o.append("")
        o.append("| " + L10n.t("incident.timelineHeader") + " |")
        o.append("|---|---|---|")
        for e in timeline {
            o.append("| \(when(e.at)) | \(cell(e.actor)) | \(cell((e.mention.map { "[\($0)] " } ?? "") + e.text)) |")
        }
        return o.joined(separator: "\n") + "\n"
    }

    static func minutes(_ m: Double) -> String {
        let n = m == m.rounded() ? "\(Int(m))" : String(format: "%.1f", m)
        return L10n.t("incident.min", ["n": L10n.language == .de ? n.replacingOccurrences(of: ".", with: ",") : n])
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
