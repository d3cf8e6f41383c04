import Foundation
import SwitchboardCore

/// Query latency over 100,000 mentions (the `/` filter and `mentions list --query`), the first-use cost of the
/// folded-text cache, and folding the outbox from a large actions log.
func runTriageBench() {
    var (now, gen, mentions) = MentionGenerator.benchSet("triage", seed: 7)
    let n = mentions.count
    var states: [String: MentionState] = [:]
    for i in mentions.indices {
        let r = gen.next()
        let intents: [Intent] = [.question, .complaint, .praise, .help, .spam].filter { _ in gen.next() % 4 == 0 }
        mentions[i].analysis = Analysis(
            lang: mentions[i].lang ?? "en", sentiment: Sentiment.allCases[Int(r % 3)], score: 0, intents: intents)
        var st = MentionState()
        st.status = MentionStatus.allCases[Int(gen.next() % 7)]
        if gen.next() % 4 == 0 { st.assignee = gen.next() % 2 == 0 ? "anna" : "ben" }
        if gen.next() % 10 == 0 { st.tags = ["billing"] }
        states[mentions[i].key] = st
    }
    let queries = [
        "is:question status:open",
        "is:negative net:mastodon age:<7d",
        "sync",
        #""acme cloud" -is:spam lang:de"#,
        "(is:complaint OR is:question) assignee:me is:open tag:billing",
    ]
    let matcher = QueryMatcher(.all, environment: QueryEnvironment(me: "anna", now: now))
    let (_, load) = Bench.time {
        _ = matcher.filter(mentions)
        matcher.setStates(states)
    }
    Bench.row("columns and states of \(n / 1000)k mentions (once)", String(format: "%.0f ms", load * 1000))
    // First text query pays for folding every mention once.
    let (_, cold) = Bench.time {
        matcher.set(try! Query.parse("sync"))
        return matcher.filter(mentions).count
    }
    Bench.row("first text query (folds \(n / 1000)k texts once)", String(format: "%.0f ms", cold * 1000))
    for text in queries {
        let (q, parse) = Bench.time { try! Query.parse(text) }
        matcher.set(q)
        var times: [Double] = []
        var hits = 0
        for _ in 0..<25 {
            let (h, t) = Bench.time { matcher.filter(mentions).count }
            times.append(t)
            hits = h
        }
        Bench.row(
            "\(text) (\(hits) hits)",
            String(
                format: "p50 %.1f ms  p99 %.1f ms  parse %.0f µs",
                Bench.percentile(times, 0.5) * 1000, Bench.percentile(times, 0.99) * 1000, parse * 1e6), "≤ 30 ms")
    }
    // The CLI's path: every state looked up per call.
    matcher.set(try! Query.parse(queries[0]))
    let (_, slow) = Bench.time { matcher.filter(mentions, states: states).count }
    Bench.row("\(queries[0]), states looked up (CLI)", String(format: "%.1f ms", slow * 1000))
    // The outbox folded from 100k events, 5% of them outbox records.
    var events: [AuditEvent] = []
    events.reserveCapacity(n)
    for i in 0..<n {
        let k = mentions[i].key
        if i % 20 == 0 {
            events.append(
                AuditEvent(
                    at: now, actor: "anna",
                    action: .outboxQueued(
                        OutboxDraft(mention: k, text: "Reply \(i)", network: "mastodon", createdAt: now))))
        } else { events.append(AuditEvent(at: now, actor: "anna", action: .setStatus(mention: k, status: .open))) }
    }
    let (box, fold) = Bench.time { Outbox(events: events) }
    Bench.row("outbox fold over \(n / 1000)k events (\(box.all.count) entries)", String(format: "%.1f ms", fold * 1000))
}
