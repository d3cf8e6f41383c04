import Foundation

extension Report {
    /// The report as plain text for a terminal or an email: at most 72 columns in a fixed-width font, charts in
    /// Unicode block characters, no colours and no tabs.
    public func text() -> String {
        let f = ReportFormat(self)
        var out = header(f)
        out += [""] + section("VOLUME", volumeLines(f))
        out += [""] + section("SENTIMENT", sentimentLines(f))
        out += [""] + section("SHARE OF VOICE", voiceLines())
        out += [""] + section("QUESTIONS AND RESPONSES", responseLines())
        out += [""] + section("TOPICS", termLines(topics, empty: "No topic came up in two mentions or more."))
        out += [""] + section("HASHTAGS", termLines(hashtags, empty: "No hashtag came up in two mentions or more."))
        out += [""] + section("ADVOCATES", advocateLines())
        out += [""] + section("CRITICS", criticLines())
        out += [""] + section("POSTS PUBLISHED", publishedLines(f))
        out += [""] + section("CRISIS RUNS", crisisLines(f))
        return out.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(
            separator: "\n") + "\n"
    }

    func section(_ title: String, _ body: [String]) -> [String] { [title] + body.map { $0.isEmpty ? "" : "  " + $0 } }

    func header(_ f: ReportFormat) -> [String] {
        let last = until.addingTimeInterval(-1)
        let lastDay = f.day(last) + " \(f.parts(last).year ?? 0)"
        let span = f.isoDay(since) == f.isoDay(last) ? lastDay : f.day(since) + " – " + lastDay
        // Whole local days (also across a daylight-saving change, when a day has 23 or 25 hours), else the duration.
        let midnights = [since, until].allSatisfy { f.parts($0).hour == 0 && f.parts($0).minute == 0 }
        let wholeDays = f.calendar.dateComponents([.day], from: since, to: until).day ?? 0
        let length = midnights ? "\(wholeDays) day\(wholeDays == 1 ? "" : "s")" : ReportFormat.duration(days * 86400)
        let before = length == "1 day" ? "day" : length
        return [
            "\(BlockChart.clip(brand, 30)) — report for \(span)",
            "\(f.dateTime(since)) to \(f.dateTime(until)) (\(timeZone)), \(length)",
            "Compared with the \(before) before. Generated \(f.dateTime(generatedAt)).",
        ]
    }

    /// Aligned columns (display width), two spaces apart; `right` columns are right-aligned.
    static func table(_ header: [String], _ rows: [[String]], right: Set<Int> = []) -> [String] {
        var widths = header.map(BlockChart.width)
        for r in rows {
            for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], BlockChart.width(c)) }
        }
        func line(_ cols: [String]) -> String {
            cols.enumerated().map { i, c in
                right.contains(i) ? BlockChart.padLeft(c, widths[i]) : BlockChart.pad(c, widths[i])
            }
            .joined(separator: "  ")
        }
        return [line(header)] + rows.map(line)
    }

    // MARK: Sections

    func volumeLines(_ f: ReportFormat) -> [String] {
        guard !isEmpty else {
            var out = [
                "No mentions in this period"
                    + (volume.previousTotal > 0 ? " (\(volume.previousTotal) in the one before)." : ".")
            ]
            if let a = stored.first, let b = stored.last {
                out.append(
                    "The data directory holds \(ReportFormat.number(stored.mentions)) mention\(stored.mentions == 1 ? "" : "s"), \(f.date(a)) to \(f.date(b))."
                )
            } else { out.append("The data directory holds no mentions yet: see `switchboard sources`.") }
            return out
        }
        var out = [
            "\(ReportFormat.number(volume.total)) mentions, "
            + "\(ReportFormat.change(volume.total, volume.previousTotal)) on the previous period "
            + "(\(ReportFormat.number(volume.previousTotal)))",
            "",
        ]
        out += volumeChart(f)
        out += [""]
        let nets = volume.networks.filter { $0.total > 0 || $0.previousTotal > 0 }
        out += Report.table(
            ["network", "by \(bucketUnit)", "total", "share", "previous", "change"],
            nets.map { n in
                [
                    n.network, BlockChart.sparkline(n.perBucket), ReportFormat.number(n.total),
                    ReportFormat.percent(Double(n.total) / Double(volume.total)), ReportFormat.number(n.previousTotal),
                    ReportFormat.change(n.total, n.previousTotal),
                ]
            }, right: [2, 3, 4, 5])
        return out
    }

    /// The mentions per bucket and network (up to four networks, the rest as `other`), with a bar for the total.
    func volumeChart(_ f: ReportFormat) -> [String] {
        let shown = volume.networks.filter { $0.total > 0 }.prefix(volume.networks.count > 4 ? 3 : 4)
        let rest = volume.networks.count - shown.count
        let top = volume.perBucket.max() ?? 0
        var header = [bucketUnit] + shown.map(\.network) + (rest > 0 ? ["other"] : []) + ["total", ""]
        let rows = buckets.indices.map { i -> [String] in
            var r = [f.bucket(buckets[i], unit: bucketUnit)] + shown.map { String($0.perBucket[i]) }
            if rest > 0 { r.append(String(volume.perBucket[i] - shown.reduce(0) { $0 + $1.perBucket[i] })) }
            return r + [String(volume.perBucket[i]), BlockChart.bar(volume.perBucket[i], of: top, width: 20)]
        }
        header[header.count - 1] = ""
        return Report.table(header, rows, right: Set(1..<(header.count - 1)))
    }

    func sentimentLines(_ f: ReportFormat) -> [String] {
        let s = sentiment
        guard s.analysed > 0 else { return ["No analysed mentions in this period."] }
        var out = ["\(s.analysed) of \(volume.total) mentions analysed", ""]
        out += Report.table(
            ["", "share", "", "count", "previous", "change"],
            Sentiment.allCases.reversed().map { x in
                [
                    x.rawValue, ReportFormat.percent(s.share(x)), BlockChart.bar(s.share(x) ?? 0, of: 1, width: 20),
                    String(s.count(x)), ReportFormat.percent(s.previousShare(x)),
                    ReportFormat.points(s.share(x), s.previousShare(x)),
                ]
            }, right: [1, 3, 4, 5])
        out += [
            "",
            "net by \(bucketUnit)  " + BlockChart.sparkline(s.netPerBucket, low: -1, high: 1)
                + "  (▁ all negative, █ all positive)",
        ]
        return out
    }

    func voiceLines() -> [String] {
        let v = shareOfVoice
        var out = ["\(brand) named in \(v.brand) mentions (previous \(v.previousBrand))"]
        guard !v.competitors.isEmpty else { return out + ["No competitors in team.json (\"competitors\")."] }
        if v.brand + v.competitors.reduce(0, { $0 + $1.mentions }) == 0 { return out + ["No competitor named either."] }
        out.append("")
        out += Report.table(
            ["against", "them", "share", "", "previous", "change"],
            v.competitors.map { c in
                [
                    c.name, String(c.mentions), ReportFormat.percent(c.share),
                    BlockChart.bar(c.share ?? 0, of: 1, width: 20),
                    ReportFormat.percent(c.previousShare), ReportFormat.points(c.share, c.previousShare),
                ]
            }, right: [1, 2, 4, 5])
        return out + ["", "share = \(brand) / (\(brand) + competitor), mentions naming each"]
    }

    func responseLines() -> [String] {
        let r = responses
        var out: [String] = []
        let answered = r.questions > 0 ? " (\(ReportFormat.percent(Double(r.answered) / Double(r.questions))))" : ""
        out.append(
            "questions        \(r.questions) (previous \(r.previousQuestions)), \(r.answered) answered\(answered)")
        if let m = r.medianSeconds, let p = r.p90Seconds {
            out.append(
                "first response   median \(ReportFormat.duration(m)), p90 \(ReportFormat.duration(p))"
                    + (r.previousMedianSeconds.map { " (previous median \(ReportFormat.duration($0)))" } ?? ""))
        } else { out.append("first response   no answered questions") }
        guard r.slaChecked > 0 else { return out + ["SLA breaches     none: no mention was answered or is still open"] }
        out.append("SLA breaches     \(r.breaches) of \(r.slaChecked) answered or still open")
        out.append(
            "                 \(r.answeredLate) answered late, \(r.overdue) open past due (target \(r.slaMinutes) min)")
        if !r.worst.isEmpty {
            out.append("")
            out += Report.table(
                ["mention", "network", "author", "late by", ""],
                r.worst.prefix(5).map { b in
                    [
                        b.key, b.network, BlockChart.clip(b.author, 28), ReportFormat.duration(b.lateSeconds),
                        b.answered ? "answered" : "open",
                    ]
                }, right: [3])
        }
        return out
    }

    func termLines(_ terms: [TermCount], empty: String) -> [String] {
        guard !terms.isEmpty else { return [empty] }
        let top = terms.map(\.count).max() ?? 1
        return Report.table(
            ["", "mentions", "", "previous"],
            terms.map { t in
                [
                    BlockChart.clip(t.term, 24), String(t.count), BlockChart.bar(t.count, of: top, width: 16),
                    String(t.previousCount),
                ]
            }, right: [1, 3])
    }

    func authorTable(_ list: [AuthorStats]) -> [String] {
        Report.table(
            ["person", "networks", "mentions", "+", "−", "followers", "score"],
            list.map { a in
                [
                    BlockChart.clip(a.name, 24), BlockChart.clip(a.networks.joined(separator: ","), 12),
                    String(a.mentions), String(a.positive), String(a.negative),
                    ReportFormat.number(a.followers), ReportFormat.score(a.score),
                ]
            }, right: [2, 3, 4, 5, 6])
    }

    func advocateLines() -> [String] {
        let a = advocates
        guard !a.advocates.isEmpty else {
            return [
                a.people == 0
                    ? "Nobody wrote in this period."
                    : "Nobody was more positive than negative in this period (\(a.people) people wrote)."
            ]
        }
        var out = authorTable(a.advocates) + [""]
        if let p = a.mostPositive {
            out.append("most positive  \(BlockChart.clip(p.name, 40)) (\(p.positive) positive)")
        }
        if let p = a.mostActive { out.append("most active    \(BlockChart.clip(p.name, 40)) (\(p.mentions) mentions)") }
        if let p = a.widestReach {
            out.append("widest reach   \(BlockChart.clip(p.name, 40)) (\(ReportFormat.number(p.followers)) followers)")
        }
        return out + ["", "score = (positive − negative) × (1 + log10(1 + followers) / 6)"]
    }

    func criticLines() -> [String] {
        advocates.critics.isEmpty
            ? ["Nobody was more negative than positive in this period."] : authorTable(advocates.critics)
    }

    func publishedLines(_ f: ReportFormat) -> [String] {
        let p = published
        func counts(_ xs: [NamedCount]) -> String {
            xs.isEmpty ? "" : " (" + xs.map { "\($0.name) \($0.count)" }.joined(separator: ", ") + ")"
        }
        var out = [
            "queue posts  \(p.posts)\(counts(p.byAccount))",
            "replies      \(p.replies) sent, \(p.manualReplies) by hand\(counts(p.repliesByNetwork))",
        ]
        if !p.items.isEmpty {
            out.append("")
            out += Report.table(
                ["when", "account", "post"],
                p.items.map { [f.dayTime($0.at), BlockChart.clip($0.account, 14), BlockChart.clip($0.text, 34)] })
        }
        return out
    }

    func crisisLines(_ f: ReportFormat) -> [String] {
        guard !crises.isEmpty else { return ["No crisis runs."] }
        var out: [String] = []
        for c in crises {
            let end =
                c.endedAt.map { "\(f.dayTime($0)) (\(ReportFormat.duration($0.timeIntervalSince(c.startedAt))))" }
                ?? "still running"
            out.append(
                "\(c.drill ? "[drill] " : "")\(BlockChart.clip(c.name, 24))\(c.severity.map { " (\($0))" } ?? ""): \(f.dayTime(c.startedAt)) – \(end)"
            )
            out.append(
                "  started by \(c.startedBy)" + (c.endedBy.map { ", ended by \($0)" } ?? "")
                    + ", \(c.stepsDone) of \(c.steps) steps done")
            if let s = c.summary { out.append("  " + BlockChart.clip(s, 66)) }
        }
        return out
    }
}
