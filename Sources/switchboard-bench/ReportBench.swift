import Foundation
import Insight
import SwitchboardCore

/// `switchboard report` over generated stores: the compute (one pass over actions and mentions, Insight's topic
/// words, the SLA in business hours) for the default 7 days and for all 30 days, and rendering the text.
func runReportBench(sizes: [Int]) {
    print("\nreport (mentions over 30 days; SLA Mon-Fri 08:00-18:00 Europe/Berlin, bands by priority)")
    let now = Date()
    let team = TeamConfig(
        brand: .init(name: "Acme Cloud", terms: ["acmecloud"]),
        competitors: [.init(name: "NimbusDrive", terms: []), .init(name: "Dropbox", terms: [])],
        sla: .init(
            firstResponseMinutes: 60, byPriority: ["high": 15, "normal": 60, "low": 240],
            businessHours: "Mon-Fri 08:00-18:00"),
        timezone: "Europe/Berlin")
    let tz = TimeZone(identifier: "Europe/Berlin")!
    for n in sizes {
        var gen = MentionGenerator(seed: UInt64(n) &+ 11)
        var mentions = gen.mentions(n, base: now)
        var states: [String: MentionState] = [:]
        var events: [AuditEvent] = []
        for i in mentions.indices {
            let intents: [Intent] = [.question, .complaint, .praise, .help].filter { _ in gen.next() % 5 == 0 }
            let s = Sentiment.allCases[Int(gen.next() % 3)]
            mentions[i].analysis = Analysis(
                lang: mentions[i].lang ?? "en", sentiment: s, score: s == .positive ? 0.5 : s == .negative ? -0.5 : 0,
                intents: intents)
            if gen.next() % 3 == 0 {
                let at = mentions[i].createdAt.addingTimeInterval(Double(gen.next() % 14_400))
                let e = AuditEvent(
                    at: at, actor: "anna",
                    action: .reply(mention: mentions[i].key, reply: ReplyRecord(text: "Thanks", actor: "anna", at: at)))
                events.append(e)
                states[mentions[i].key, default: MentionState()].apply(e)
            }
        }
        let options = ReportOptions(terms: Trends.terms)
        let week = ReportPeriod.lastDays(7, now: now, timeZone: tz)
        let cpu0 = cpuSeconds()
        let (r, t7) = Bench.time {
            try! Report.compute(
                mentions: mentions, states: states, events: events, team: team, since: week.since, until: week.until,
                now: now, options: options)
        }
        let c7 = cpuSeconds() - cpu0
        Bench.row(
            "\(n / 1000)k mentions: last 7 days (\(r.volume.total) + \(r.volume.previousTotal) before)",
            String(format: "%.0f ms (CPU %.0f ms)", t7 * 1000, c7 * 1000), n == 100_000 ? "well under 1 s" : "")
        let since30 = now.addingTimeInterval(-30 * 86400)
        let cpu1 = cpuSeconds()
        let (r30, t30) = Bench.time {
            try! Report.compute(
                mentions: mentions, states: states, events: events, team: team, since: since30, until: now, now: now,
                options: options)
        }
        Bench.row(
            "\(n / 1000)k mentions: all 30 days (\(r30.volume.total))",
            String(format: "%.0f ms (CPU %.0f ms)", t30 * 1000, (cpuSeconds() - cpu1) * 1000))
        let (_, text) = Bench.time { r30.text() + r30.markdown() + r30.csv() }
        Bench.row("\(n / 1000)k mentions: text + Markdown + CSV", String(format: "%.1f ms", text * 1000))
    }
}

/// CPU time of this process (user + system): steadier than wall time on a shared machine.
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
