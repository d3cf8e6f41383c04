import Foundation

extension Report {
    /// The report as Markdown for sharing (a wiki, a chat, an issue): headings, tables, and the text report's
    /// charts in code blocks so the block characters stay aligned. Names, handles and topics are code spans
    /// (no accidental links or emphasis); other text from outside is escaped.
    public func markdown() -> String {
        let f = ReportFormat(self)
        let header = self.header(f)
        var out = ["# " + Report.md(header[0]), "", Report.md(header[1]) + ".", "", Report.md(header[2])]

        out += ["", "## Volume", ""]
        if isEmpty {
            out += volumeLines(f)
        } else {
            out += [
                "**\(ReportFormat.number(volume.total)) mentions**, "
                + "\(ReportFormat.change(volume.total, volume.previousTotal)) on the previous period "
                + "(\(ReportFormat.number(volume.previousTotal))).",
                "",
            ]
            out += Report.fence(volumeChart(f)) + [""]
            out += Report.mdTable(
                ["network", "total", "share", "previous", "change"],
                volume.networks.filter { $0.total > 0 || $0.previousTotal > 0 }.map { n in
                    [
                        Report.code(n.network), ReportFormat.number(n.total),
                        ReportFormat.percent(Double(n.total) / Double(volume.total)),
                        ReportFormat.number(n.previousTotal),
                        ReportFormat.change(n.total, n.previousTotal),
                    ]
                }, right: [1, 2, 3, 4])
        }

        out += ["", "## Sentiment", ""]
        if sentiment.analysed == 0 {
            out += sentimentLines(f)
        } else { let lines = sentimentLines(f); out += [lines[0] + ".", ""] + Report.fence(Array(lines.dropFirst(2))) }

        out += ["", "## Share of voice", ""]
        let v = shareOfVoice
        out.append("\(Report.md(brand)) named in \(v.brand) mentions (previous \(v.previousBrand)).")
        if v.brand + v.competitors.reduce(0, { $0 + $1.mentions }) == 0 {
            out += [
                "",
                v.competitors.isEmpty ? "No competitors in team.json (`competitors`)." : "No competitor named either.",
            ]
        } else if v.competitors.isEmpty {
            out += ["", "No competitors in team.json (`competitors`)."]
        } else {
            out +=
                [""]
                + Report.mdTable(
                    ["against", "them", "share", "previous", "change"],
                    v.competitors.map { c in
                        [
                            Report.md(c.name), String(c.mentions), ReportFormat.percent(c.share),
                            ReportFormat.percent(c.previousShare),
                            ReportFormat.points(c.share, c.previousShare),
                        ]
                    }, right: [1, 2, 3, 4])
            out += [
                "",
                "Share = \(Report.md(brand)) / (\(Report.md(brand)) + competitor), counting the mentions naming each.",
            ]
        }

        out += ["", "## Questions and responses", ""]
        let r = responses
        let lines = responseLines()
        out += lines.prefix(r.slaChecked > 0 ? 2 : 3).map {
            "- " + Report.md($0.replacingOccurrences(of: "\\s{2,}", with: ": ", options: .regularExpression))
        }
        if r.slaChecked > 0 {
            out.append(
                "- SLA breaches: \(r.breaches) of \(r.slaChecked) answered or still open: \(r.answeredLate) "
                + "answered late, "
                    + "\(r.overdue) open past due (target \(r.slaMinutes) min, team.json `sla`)")
        }
        if !r.worst.isEmpty {
            out +=
                ["", "Worst breaches:", ""]
                + Report.mdTable(
                    ["mention", "network", "author", "late by", "state"],
                    r.worst.prefix(5).map { b in
                        [
                            Report.code(b.key), b.network, Report.code(b.author), ReportFormat.duration(b.lateSeconds),
                            b.answered ? "answered" : "open",
                        ]
                    }, right: [3])
        }

        for (title, terms, empty) in [
            ("Topics", topics, "No topic came up in two mentions or more."),
            ("Hashtags", hashtags, "No hashtag came up in two mentions or more."),
        ] {
            out += ["", "## " + title, ""]
            if terms.isEmpty { out.append(empty); continue }
            out += Report.mdTable(
                ["term", "mentions", "previous"],
                terms.map { [Report.code($0.term), String($0.count), String($0.previousCount)] },
                right: [1, 2])
        }

        out += ["", "## Advocates", ""]
        let a = advocates
        if a.advocates.isEmpty {
            out += advocateLines()
        } else {
            out += authorMarkdown(a.advocates) + [""]
            if let p = a.mostPositive { out.append("- Most positive: \(Report.code(p.name)) (\(p.positive) positive)") }
            if let p = a.mostActive { out.append("- Most active: \(Report.code(p.name)) (\(p.mentions) mentions)") }
            if let p = a.widestReach {
                out.append("- Widest reach: \(Report.code(p.name)) (\(ReportFormat.number(p.followers)) followers)")
            }
            out += ["", "Score = (positive − negative) × (1 + log10(1 + followers) / 6)."]
        }
        out += ["", "## Critics", ""]
        out += a.critics.isEmpty ? criticLines() : authorMarkdown(a.critics)

        out += ["", "## Posts published", ""]
        out += publishedLines(f).prefix(2).map {
            "- " + Report.md($0.replacingOccurrences(of: "\\s{2,}", with: ": ", options: .regularExpression))
        }
        if !published.items.isEmpty {
            out +=
                [""]
                + Report.mdTable(
                    ["when", "account", "post"],
                    published.items.map {
                        [f.dayTime($0.at), Report.code($0.account), Report.md(BlockChart.clip($0.text, 60))]
                    })
        }

        out += ["", "## Crisis runs", ""]
        if crises.isEmpty { out.append("No crisis runs.") }
        for c in crises {
            let end =
                c.endedAt.map { "\(f.dayTime($0)) (\(ReportFormat.duration($0.timeIntervalSince(c.startedAt))))" }
                ?? "still running"
            out.append(
                "- \(c.drill ? "[drill] " : "")**\(Report.md(c.name))**\(c.severity.map { " (\(Report.md($0)))" } ?? ""): "
                    + "\(f.dayTime(c.startedAt)) – \(end), started by \(Report.md(c.startedBy))"
                    + (c.endedBy.map { ", ended by \(Report.md($0))" } ?? "")
                    + ", \(c.stepsDone) of \(c.steps) steps done"
                    + (c.summary.map { ". " + Report.md($0) } ?? ""))
        }
        return out.joined(separator: "\n") + "\n"
    }

    func authorMarkdown(_ list: [AuthorStats]) -> [String] {
        Report.mdTable(
            ["person", "networks", "mentions", "+", "−", "followers", "score"],
            list.map { a in
                [
                    Report.code(a.name), a.networks.joined(separator: ", "), String(a.mentions), String(a.positive),
                    String(a.negative),
                    ReportFormat.number(a.followers), ReportFormat.score(a.score),
                ]
            }, right: [2, 3, 4, 5, 6])
    }

    static func fence(_ lines: [String]) -> [String] {
        ["```"]
            + lines.map {
                $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression).replacingOccurrences(
                    of: "```", with: "'''")
            } + ["```"]
    }

    static func mdTable(_ header: [String], _ rows: [[String]], right: Set<Int> = []) -> [String] {
        func line(_ c: [String]) -> String { "| " + c.joined(separator: " | ") + " |" }
        return [line(header), "|" + header.indices.map { right.contains($0) ? "---:|" : "---|" }.joined()]
            + rows.map(line)
    }

    /// Text with Markdown's special characters escaped (for text from outside: names, posts, summaries).
    static func md(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<>|#~".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// A code span: shown as is, never a link or emphasis (backticks inside become ʼ).
    static func code(_ s: String) -> String { "`" + s.replacingOccurrences(of: "`", with: "ʼ") + "`" }
}
