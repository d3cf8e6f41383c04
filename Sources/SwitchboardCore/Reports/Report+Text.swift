import Foundation

extension Report {
    /// The report as plain text for a terminal or an email: at most 72 columns in a fixed-width font, charts in
    /// Unicode block characters, no colours and no tabs.
    public func text() -> String {
        let f = ReportFormat(self)
        var out = header(f)
        out += [""] + section(L10n.t("report.s.volume"), volumeLines(f) + notificationLines())
        out += [""] + section(L10n.t("report.s.sentiment"), sentimentLines(f))
        out += [""] + section(L10n.t("report.s.voice"), voiceLines())
        out += [""] + section(L10n.t("report.s.responses"), responseLines())
        out += [""] + section(L10n.t("report.s.topics"), termLines(topics, empty: L10n.t("report.noTopics")))
        out += [""] + section(L10n.t("report.s.hashtags"), termLines(hashtags, empty: L10n.t("report.noHashtags")))
        out += [""] + section(L10n.t("report.s.advocates"), advocateLines())
        out += [""] + section(L10n.t("report.s.critics"), criticLines())
        out += [""] + section(L10n.t("report.s.published"), publishedLines(f))
        out += [""] + section(L10n.t("report.s.crises"), crisisLines(f))
        return out.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(
            separator: "\n") + "\n"
    }

    /// The bucket unit's name (`day`, `week`…) in the interface's language.
    var unitName: String { L10n.t("report.unit." + bucketUnit) }

    func section(_ title: String, _ body: [String]) -> [String] { [title] + body.map { $0.isEmpty ? "" : "  " + $0 } }

    func header(_ f: ReportFormat) -> [String] {
        let last = until.addingTimeInterval(-1)
        let lastDay = f.day(last) + " \(f.parts(last).year ?? 0)"
        let span = f.isoDay(since) == f.isoDay(last) ? lastDay : f.day(since) + " – " + lastDay
        // Whole local days (also across a daylight-saving change, when a day has 23 or 25 hours), else the duration.
        let midnights = [since, until].allSatisfy { f.parts($0).hour == 0 && f.parts($0).minute == 0 }
        let wholeDays = f.calendar.dateComponents([.day], from: since, to: until).day ?? 0
        let length =
            midnights
            ? L10n.t(wholeDays == 1 ? "report.day" : "report.days", ["n": String(wholeDays)])
            : ReportFormat.duration(days * 86400)
        let before = midnights && wholeDays == 1 ? L10n.t("report.theDay") : length
        return [
            L10n.t("report.title.for", ["brand": BlockChart.clip(brand, 30), "span": span]),
            L10n.t(
                "report.range",
                ["from": f.dateTime(since), "to": f.dateTime(until), "zone": timeZone, "length": length]),
            L10n.t("report.compared", ["before": before, "generated": f.dateTime(generatedAt)]),
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
                volume.previousTotal > 0
                    ? L10n.t("report.noMentionsBefore", ["n": String(volume.previousTotal)])
                    : L10n.t("report.noMentions")
            ]
            if let a = stored.first, let b = stored.last {
                out.append(
                    L10n.t(
                        stored.mentions == 1 ? "report.holdsOne" : "report.holds",
                        ["n": ReportFormat.number(stored.mentions), "from": f.date(a), "to": f.date(b)])
                )
            } else {
                out.append(L10n.t("report.holdsNone"))
            }
            return out
        }
        var out = [
            L10n.t(
                "report.volume",
                [
                    "n": ReportFormat.number(volume.total),
                    "change": ReportFormat.change(volume.total, volume.previousTotal),
                    "previous": ReportFormat.number(volume.previousTotal),
                ]),
            "",
        ]
        out += volumeChart(f)
        out += [""]
        let nets = volume.networks.filter { $0.total > 0 || $0.previousTotal > 0 }
        out += Report.table(
            [
                L10n.t("report.network"), L10n.t("report.h.by", ["unit": unitName]), L10n.t("report.total"),
                L10n.t("report.share"), L10n.t("report.previous"),
                L10n.t("report.change"),
            ],
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
        var header =
            [unitName] + shown.map(\.network) + (rest > 0 ? [L10n.t("report.other")] : []) + [
                L10n.t("report.total"), "",
            ]
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
        guard s.analysed > 0 else { return [L10n.t("report.noAnalysed")] }
        var out = [L10n.t("report.analysed", ["n": String(s.analysed), "total": String(volume.total)]), ""]
        out += Report.table(
            [
                "", L10n.t("report.share"), "", L10n.t("report.count"), L10n.t("report.previous"),
                L10n.t("report.change"),
            ],
            Sentiment.allCases.reversed().map { x in
                [
                    L10n.t("sentiment." + x.rawValue), ReportFormat.percent(s.share(x)),
                    BlockChart.bar(s.share(x) ?? 0, of: 1, width: 20),
                    String(s.count(x)), ReportFormat.percent(s.previousShare(x)),
                    ReportFormat.points(s.share(x), s.previousShare(x)),
                ]
            }, right: [1, 3, 4, 5])
        out += [
            "",
            L10n.t("report.netBy", ["unit": unitName]) + "  " + BlockChart.sparkline(s.netPerBucket, low: -1, high: 1)
                + "  " + L10n.t("report.netLegend"),
        ]
        return out
    }

    func voiceLines() -> [String] {
        let v = shareOfVoice
        var out = [L10n.t("report.named", ["brand": brand, "n": String(v.brand), "previous": String(v.previousBrand)])]
        guard !v.competitors.isEmpty else { return out + [L10n.t("report.noCompetitors")] }
        if v.brand + v.competitors.reduce(0, { $0 + $1.mentions }) == 0 {
            return out + [L10n.t("report.noCompetitorNamed")]
        }
        out.append("")
        out += Report.table(
            [
                L10n.t("report.against"), L10n.t("report.them"), L10n.t("report.share"), "", L10n.t("report.previous"),
                L10n.t("report.change"),
            ],
            v.competitors.map { c in
                [
                    c.name, String(c.mentions), ReportFormat.percent(c.share),
                    BlockChart.bar(c.share ?? 0, of: 1, width: 20),
                    ReportFormat.percent(c.previousShare), ReportFormat.points(c.share, c.previousShare),
                ]
            }, right: [1, 2, 4, 5])
        return out + ["", L10n.t("report.voiceLegend", ["brand": brand])]
    }

    func responseLines() -> [String] {
        let r = responses
        var out: [String] = []
        let answered = r.questions > 0 ? " (\(ReportFormat.percent(Double(r.answered) / Double(r.questions))))" : ""
        out.append(
            L10n.t(
                "report.questions",
                [
                    "n": String(r.questions), "previous": String(r.previousQuestions), "answered": String(r.answered),
                    "share": answered,
                ]))
        if let m = r.medianSeconds, let p = r.p90Seconds {
            out.append(
                L10n.t("report.firstResponse", ["median": ReportFormat.duration(m), "p90": ReportFormat.duration(p)])
                    + (r.previousMedianSeconds.map {
                        " " + L10n.t("report.previousMedian", ["median": ReportFormat.duration($0)])
                    } ?? ""))
        } else {
            out.append(L10n.t("report.noFirstResponse"))
        }
        guard r.slaChecked > 0 else { return out + [L10n.t("report.noBreaches")] }
        out.append(L10n.t("report.breaches", ["n": String(r.breaches), "of": String(r.slaChecked)]))
        out.append(
            L10n.t(
                "report.breachesDetail",
                ["late": String(r.answeredLate), "overdue": String(r.overdue), "target": String(r.slaMinutes)]))
        if !r.worst.isEmpty {
            out.append("")
            out += Report.table(
                [
                    L10n.t("report.mention"), L10n.t("report.network"), L10n.t("report.author"),
                    L10n.t("report.lateBy"), "",
                ],
                r.worst.prefix(5).map { b in
                    [
                        b.key, b.network, BlockChart.clip(b.author, 28), ReportFormat.duration(b.lateSeconds),
                        b.answered ? L10n.t("mention.status.answered") : L10n.t("mention.status.open"),
                    ]
                }, right: [3])
        }
        return out
    }

    func termLines(_ terms: [TermCount], empty: String) -> [String] {
        guard !terms.isEmpty else { return [empty] }
        let top = terms.map(\.count).max() ?? 1
        return Report.table(
            ["", L10n.t("report.mentions"), "", L10n.t("report.previous")],
            terms.map { t in
                [
                    BlockChart.clip(t.term, 24), String(t.count), BlockChart.bar(t.count, of: top, width: 16),
                    String(t.previousCount),
                ]
            }, right: [1, 3])
    }

    func authorTable(_ list: [AuthorStats]) -> [String] {
        Report.table(
            [
                L10n.t("report.person"), L10n.t("report.networks"), L10n.t("report.mentions"), "+", "−",
                L10n.t("report.followers"), L10n.t("report.score"),
            ],
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
                    ? L10n.t("report.nobodyWrote")
                    : L10n.t("report.nobodyPositive", ["n": String(a.people)])
            ]
        }
        var out = authorTable(a.advocates) + [""]
        if let p = a.mostPositive {
            out.append(L10n.t("report.mostPositive", ["name": BlockChart.clip(p.name, 40), "n": String(p.positive)]))
        }
        if let p = a.mostActive {
            out.append(L10n.t("report.mostActive", ["name": BlockChart.clip(p.name, 40), "n": String(p.mentions)]))
        }
        if let p = a.widestReach {
            out.append(
                L10n.t(
                    "report.widestReach", ["name": BlockChart.clip(p.name, 40), "n": ReportFormat.number(p.followers)]))
        }
        return out + ["", L10n.t("report.scoreLegend")]
    }

    func criticLines() -> [String] {
        advocates.critics.isEmpty
            ? [L10n.t("report.nobodyNegative")] : authorTable(advocates.critics)
    }

    func publishedLines(_ f: ReportFormat) -> [String] {
        let p = published
        func counts(_ xs: [NamedCount]) -> String {
            xs.isEmpty ? "" : " (" + xs.map { "\($0.name) \($0.count)" }.joined(separator: ", ") + ")"
        }
        var out = [
            L10n.t("report.queuePosts", ["n": String(p.posts)]) + counts(p.byAccount),
            L10n.t("report.replies", ["n": String(p.replies), "manual": String(p.manualReplies)])
                + counts(p.repliesByNetwork),
        ]
        if !p.items.isEmpty {
            out.append("")
            out += Report.table(
                [L10n.t("report.when"), L10n.t("report.account"), L10n.t("report.post")],
                p.items.map { [f.dayTime($0.at), BlockChart.clip($0.account, 14), BlockChart.clip($0.text, 34)] })
        }
        if let perf = p.performance { out += [""] + performanceLines(perf, f) }
        return out
    }

    /// How the posts did: the top posts, engagement per network and per slot (weekday and hour).
    func performanceLines(_ p: PostPerformance, _ f: ReportFormat) -> [String] {
        func avg(_ g: PostPerformance.Group) -> String { String(format: "%.1f", g.average) }
        var out = [L10n.t("report.perf.top")]
        out += Report.table(
            [L10n.t("report.when"), L10n.t("report.account"), L10n.t("report.perf.engagement"), L10n.t("report.post")],
            p.top.map {
                [
                    f.dayTime($0.at), BlockChart.clip($0.account, 12), String($0.engagement),
                    BlockChart.clip($0.text, 30),
                ]
            })
        for (title, groups) in [
            (L10n.t("report.perf.network"), p.byNetwork), (L10n.t("report.perf.slot"), Array(p.bySlot.prefix(5))),
        ] {
            out += ["", title]
            out += Report.table(
                ["", L10n.t("report.perf.posts"), L10n.t("report.perf.engagement"), L10n.t("report.perf.average")],
                groups.map { [$0.name, String($0.posts), String($0.engagement), avg($0)] })
        }
        return out
    }

    func crisisLines(_ f: ReportFormat) -> [String] {
        guard !crises.isEmpty else { return [L10n.t("report.noCrises")] }
        var out: [String] = []
        for c in crises {
            let end =
                c.endedAt.map { "\(f.dayTime($0)) (\(ReportFormat.duration($0.timeIntervalSince(c.startedAt))))" }
                ?? L10n.t("report.stillRunning")
            out.append(
                "\(c.drill ? L10n.t("report.drillMark") + " " : "")\(BlockChart.clip(c.name, 24))\(c.severity.map { " (\($0))" } ?? ""): \(f.dayTime(c.startedAt)) – \(end)"
            )
            out.append(
                "  " + L10n.t("report.startedBy", ["user": c.startedBy])
                    + (c.endedBy.map { ", " + L10n.t("report.endedBy", ["user": $0]) } ?? "") + ", "
                    + L10n.t("report.stepsDone", ["done": String(c.stepsDone), "steps": String(c.steps)]))
            if let s = c.summary { out.append("  " + BlockChart.clip(s, 66)) }
        }
        return out
    }
}
