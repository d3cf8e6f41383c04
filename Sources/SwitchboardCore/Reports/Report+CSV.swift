import Foundation

extension Report {
    /// The report as CSV for spreadsheets: several sections, each a header row and its rows, separated by a blank
    /// line. The first column of every row is the section's name, so one section is `grep '^volume,'` away and a
    /// spreadsheet filter on column A shows one table. Instants are UTC ISO 8601, `bucket` is the local day a
    /// bucket starts, shares are fractions 0…1 with 4 decimals, durations are seconds. Text from outside that
    /// starts with `=`, `+`, `-` or `@` gets a leading `'` so no spreadsheet runs it as a formula.
    /// The sections and their columns are in the README ("Reports").
    public func csv() -> String {
        let f = ReportFormat(self)
        var blocks: [[[String]]] = []
        blocks.append([
            ["section", "brand", "time_zone", "since", "until", "previous_since", "generated_at", "bucket_unit"],
            [
                "report", Report.safe(brand), timeZone, Timestamp.format(since), Timestamp.format(until),
                Timestamp.format(previousSince), Timestamp.format(generatedAt), bucketUnit,
            ],
        ])
        var volumeRows = [["section", "bucket", "network", "mentions"]]
        for (i, b) in buckets.enumerated() {
            let day = f.isoDay(b)
            volumeRows.append(["volume", day, "all", String(volume.perBucket[i])])
            for n in volume.networks {
                volumeRows.append(["volume", day, Report.safe(n.network), String(n.perBucket[i])])
            }
        }
        blocks.append(volumeRows)
        blocks.append(
            [
                ["section", "network", "mentions", "previous_mentions"],
                ["networks", "all", String(volume.total), String(volume.previousTotal)],
            ]
                + volume.networks.map {
                    ["networks", Report.safe($0.network), String($0.total), String($0.previousTotal)]
                })
        blocks.append(
            [["section", "sentiment", "mentions", "share", "previous_mentions", "previous_share"]]
                + Sentiment.allCases.reversed().map { s in
                    [
                        "sentiment", s.rawValue, String(sentiment.count(s)), Report.fraction(sentiment.share(s)),
                        String(sentiment.previousCount(s)), Report.fraction(sentiment.previousShare(s)),
                    ]
                })
        blocks.append(
            [["section", "bucket", "analysed", "net"]]
                + buckets.indices.map { i in
                    [
                        "sentiment_by_bucket", f.isoDay(buckets[i]), String(analysedIn(i)),
                        Report.fraction(sentiment.netPerBucket[i]),
                    ]
                })
        let v = shareOfVoice
        blocks.append(
            [
                ["section", "name", "mentions", "previous_mentions", "share", "previous_share"],
                ["share_of_voice", Report.safe(brand), String(v.brand), String(v.previousBrand), "", ""],
            ]
                + v.competitors.map {
                    [
                        "share_of_voice", Report.safe($0.name), String($0.mentions), String($0.previousMentions),
                        Report.fraction($0.share), Report.fraction($0.previousShare),
                    ]
                })
        let r = responses
        let metrics: [(String, String)] = [
            ("questions", String(r.questions)), ("answered", String(r.answered)),
            ("median_first_response_seconds", Report.seconds(r.medianSeconds)),
            ("p90_first_response_seconds", Report.seconds(r.p90Seconds)),
            ("previous_questions", String(r.previousQuestions)),
            ("previous_median_first_response_seconds", Report.seconds(r.previousMedianSeconds)),
            ("sla_minutes", String(r.slaMinutes)), ("sla_checked", String(r.slaChecked)),
            ("answered_late", String(r.answeredLate)),
            ("overdue", String(r.overdue)), ("breaches", String(r.breaches)),
        ]
        blocks.append([["section", "metric", "value"]] + metrics.map { ["responses", $0.0, $0.1] })
        blocks.append(
            [["section", "key", "network", "author", "created_at", "late_seconds", "answered"]]
                + r.worst.map { b in
                    [
                        "breaches", b.key, Report.safe(b.network), Report.safe(b.author), Timestamp.format(b.createdAt),
                        Report.seconds(b.lateSeconds), String(b.answered),
                    ]
                })
        blocks.append(
            [["section", "kind", "term", "mentions", "previous_mentions"]]
                + topics.map { ["terms", "topic", Report.safe($0.term), String($0.count), String($0.previousCount)] }
                + hashtags.map {
                    ["terms", "hashtag", Report.safe($0.term), String($0.count), String($0.previousCount)]
                })
        let people = [
            [
                "section", "rank", "id", "name", "networks", "mentions", "positive", "neutral", "negative", "followers",
                "score",
            ]
        ]
        func rows(_ kind: String, _ list: [AuthorStats]) -> [[String]] {
            list.enumerated().map { i, a in
                [
                    kind, String(i + 1), Report.safe(a.id), Report.safe(a.name), a.networks.joined(separator: " "),
                    String(a.mentions), String(a.positive),
                    String(a.neutral), String(a.negative), String(a.followers), ReportFormat.score(a.score),
                ]
            }
        }
        blocks.append(people + rows("advocates", advocates.advocates) + rows("critics", advocates.critics))
        let p = published
        blocks.append(
            [["section", "kind", "name", "count"], ["published", "queue_posts", "all", String(p.posts)]]
                + p.byAccount.map { ["published", "queue_posts", Report.safe($0.name), String($0.count)] }
                + [
                    ["published", "replies", "all", String(p.replies)],
                    ["published", "manual_replies", "all", String(p.manualReplies)],
                ]
                + p.repliesByNetwork.map {
                    ["published", "replies_by_network", Report.safe($0.name), String($0.count)]
                })
        blocks.append(
            [["section", "at", "account", "text", "url"]]
                + p.items.map {
                    [
                        "posts", Timestamp.format($0.at), Report.safe($0.account), Report.safe($0.text),
                        Report.safe($0.url ?? ""),
                    ]
                })
        blocks.append(
            [
                [
                    "section", "id", "name", "severity", "drill", "started_at", "started_by", "ended_at", "ended_by",
                    "summary", "steps_done", "steps",
                ]
            ]
                + crises.map { c in
                    [
                        "crises", Report.safe(c.id), Report.safe(c.name), Report.safe(c.severity ?? ""),
                        String(c.drill), Timestamp.format(c.startedAt),
                        Report.safe(c.startedBy), c.endedAt.map(Timestamp.format) ?? "", Report.safe(c.endedBy ?? ""),
                        Report.safe(c.summary ?? ""),
                        String(c.stepsDone), String(c.steps),
                    ]
                })
        // The header row of every section in the report's language (German: ASCII column names); the rows stay data.
        let translated = blocks.map { rows in
            rows.enumerated().map { i, row in i == 0 ? row.map { L10n.t("csv." + $0) } : row }
        }
        return translated.map { $0.map { $0.map(Report.field).joined(separator: ",") }.joined(separator: "\n") }
            .joined(separator: "\n\n") + "\n"
    }

    /// Analysed mentions in bucket `i`.
    func analysedIn(_ i: Int) -> Int {
        sentiment.analysedPerBucket.indices.contains(i) ? sentiment.analysedPerBucket[i] : 0
    }

    static func fraction(_ x: Double?) -> String { x.map { String(format: "%.4f", $0) } ?? "" }
    static func seconds(_ x: Double?) -> String { x.map { String(Int($0.rounded())) } ?? "" }

    /// Text from outside, defused for spreadsheets: a leading `=`, `+`, `-` or `@` gets a `'` in front.
    static func safe(_ s: String) -> String {
        guard let c = s.first, "=+-@".contains(c) else { return s }
        return "'" + s
    }

    /// One CSV field, quoted when it holds a comma, a quote, or a line break (RFC 4180).
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
