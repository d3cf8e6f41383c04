import Foundation

extension Report {
    /// The report as Markdown for sharing (a wiki, a chat, an issue): headings, tables, and the text report's
    /// charts in code blocks so the block characters stay aligned. Names, handles and topics are code spans
    /// (no accidental links or emphasis); other text from outside is escaped.
    public func markdown() -> String {
        let f = ReportFormat(self)
        let header = self.header(f)
        var out = ["# " + Report.md(header[0]), "", Report.md(header[1]) + ".", "", Report.md(header[2])]

        out += ["", "## " + L10n.t("md.h.volume"), ""]
        if isEmpty {
            out += volumeLines(f)
        } else {
            out += [
                L10n.t(
                    "md.volume",
                    [
                        "n": ReportFormat.number(volume.total),
                        "change": ReportFormat.change(volume.total, volume.previousTotal),
                        "previous": ReportFormat.number(volume.previousTotal),
                    ]),
                "",
            ]
            out += Report.fence(volumeChart(f)) + [""]
            out += Report.mdTable(
                ["network", "total", "share", "previous", "change"].map { L10n.t("report." + $0) },
                volume.networks.filter { $0.total > 0 || $0.previousTotal > 0 }.map { n in
                    [
                        Report.code(n.network), ReportFormat.number(n.total),
                        ReportFormat.percent(Double(n.total) / Double(volume.total)),
                        ReportFormat.number(n.previousTotal),
                        ReportFormat.change(n.total, n.previousTotal),
                    ]
                }, right: [1, 2, 3, 4])
        }

        out += ["", "## " + L10n.t("md.h.sentiment"), ""]
        if sentiment.analysed == 0 {
            out += sentimentLines(f)
        } else {
            let lines = sentimentLines(f); out += [lines[0] + ".", ""] + Report.fence(Array(lines.dropFirst(2)))
        }

        out += ["", "## " + L10n.t("md.h.voice"), ""]
        let v = shareOfVoice
        out.append(
            L10n.t("md.named", ["brand": Report.md(brand), "n": String(v.brand), "previous": String(v.previousBrand)]))
        if v.brand + v.competitors.reduce(0, { $0 + $1.mentions }) == 0 {
            out += [
                "",
                v.competitors.isEmpty ? L10n.t("md.noCompetitors") : L10n.t("report.noCompetitorNamed"),
            ]
        } else if v.competitors.isEmpty {
            out += ["", L10n.t("md.noCompetitors")]
        } else {
            out +=
                [""]
                + Report.mdTable(
                    ["against", "them", "share", "previous", "change"].map { L10n.t("report." + $0) },
                    v.competitors.map { c in
                        [
                            Report.md(c.name), String(c.mentions), ReportFormat.percent(c.share),
                            ReportFormat.percent(c.previousShare),
                            ReportFormat.points(c.share, c.previousShare),
                        ]
                    }, right: [1, 2, 3, 4])
            out += [
                "",
                L10n.t("md.voiceLegend", ["brand": Report.md(brand)]),
            ]
        }

        out += ["", "## " + L10n.t("md.h.responses"), ""]
        let r = responses
        let lines = responseLines()
        out += lines.prefix(r.slaChecked > 0 ? 2 : 3).map {
            "- " + Report.md($0.replacingOccurrences(of: "\\s{2,}", with: ": ", options: .regularExpression))
        }
        if r.slaChecked > 0 {
            out.append(
                L10n.t(
                    "md.breaches",
                    [
                        "n": String(r.breaches), "of": String(r.slaChecked), "late": String(r.answeredLate),
                        "overdue": String(r.overdue), "target": String(r.slaMinutes),
                    ]))
        }
        if !r.worst.isEmpty {
            out +=
                ["", L10n.t("md.worst"), ""]
                + Report.mdTable(
                    [
                        L10n.t("report.mention"), L10n.t("report.network"), L10n.t("report.author"),
                        L10n.t("report.lateBy"), L10n.t("md.state"),
                    ],
                    r.worst.prefix(5).map { b in
                        [
                            Report.code(b.key), b.network, Report.code(b.author), ReportFormat.duration(b.lateSeconds),
                            L10n.t(b.answered ? "md.answered" : "md.open"),
                        ]
                    }, right: [3])
        }

        for (title, terms, empty) in [
            (L10n.t("md.h.topics"), topics, L10n.t("report.noTopics")),
            (L10n.t("md.h.hashtags"), hashtags, L10n.t("report.noHashtags")),
        ] {
            out += ["", "## " + title, ""]
            if terms.isEmpty { out.append(empty); continue }
            out += Report.mdTable(
                [L10n.t("md.term"), L10n.t("report.mentions"), L10n.t("report.previous")],
                terms.map { [Report.code($0.term), String($0.count), String($0.previousCount)] },
                right: [1, 2])
        }

        out += ["", "## " + L10n.t("md.h.advocates"), ""]
        let a = advocates
        if a.advocates.isEmpty {
            out += advocateLines()
        } else {
            out += authorMarkdown(a.advocates) + [""]
            if let p = a.mostPositive {
                out.append(L10n.t("md.mostPositive", ["name": Report.code(p.name), "n": String(p.positive)]))
            }
            if let p = a.mostActive {
                out.append(L10n.t("md.mostActive", ["name": Report.code(p.name), "n": String(p.mentions)]))
            }
            if let p = a.widestReach {
                out.append(
                    L10n.t("md.widestReach", ["name": Report.code(p.name), "n": ReportFormat.number(p.followers)]))
            }
            out += ["", L10n.t("md.scoreLegend")]
        }
        out += ["", "## " + L10n.t("md.h.critics"), ""]
        out += a.critics.isEmpty ? criticLines() : authorMarkdown(a.critics)

        out += ["", "## " + L10n.t("md.h.published"), ""]
        out += publishedLines(f).prefix(2).map {
            "- " + Report.md($0.replacingOccurrences(of: "\\s{2,}", with: ": ", options: .regularExpression))
        }
        if !published.items.isEmpty {
            out +=
                [""]
                + Report.mdTable(
                    [L10n.t("md.when"), L10n.t("report.account"), L10n.t("report.post")],
                    published.items.map {
                        [f.dayTime($0.at), Report.code($0.account), Report.md(BlockChart.clip($0.text, 60))]
                    })
        }

        out += ["", "## " + L10n.t("md.h.crises"), ""]
        if crises.isEmpty { out.append(L10n.t("report.noCrises")) }
        for c in crises {
            let end =
                c.endedAt.map { "\(f.dayTime($0)) (\(ReportFormat.duration($0.timeIntervalSince(c.startedAt))))" }
                ?? L10n.t("report.stillRunning")
            let args: [String: any Sendable] = [
                "drill": c.drill ? L10n.t("report.drillMark") + " " : "", "name": Report.md(c.name),
                "severity": c.severity.map { " (\(Report.md($0)))" } ?? "", "start": f.dayTime(c.startedAt),
                "end": end, "by": Report.md(c.startedBy),
                "endedBy": c.endedBy.map { L10n.t("md.endedBy", ["user": Report.md($0)]) } ?? "",
                "done": String(c.stepsDone), "steps": String(c.steps),
                "summary": c.summary.map { ". " + Report.md($0) } ?? "",
            ]
            out.append(L10n.t("md.crisis", args))
        }
        return out.joined(separator: "\n") + "\n"
    }

    func authorMarkdown(_ list: [AuthorStats]) -> [String] {
        Report.mdTable(
            [
                L10n.t("report.person"), L10n.t("report.networks"), L10n.t("report.mentions"), "+", "−",
                L10n.t("report.followers"), L10n.t("report.score"),
            ],
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
