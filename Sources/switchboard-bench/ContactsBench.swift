import Foundation
import SwitchboardCore

/// The contacts fold over 100,000 mentions (one identity per author account, merges, roles and notes from the
/// actions log), sorting, search, the `role:` hook, and planning the routing rules for a batch of new mentions.
func runContactsBench() {
    var (now, gen, mentions) = MentionGenerator.benchSet("contacts", seed: 11)
    let n = mentions.count
    for i in mentions.indices {
        let s = Sentiment.allCases[Int(gen.next() % 3)]
        mentions[i].analysis = Analysis(
            lang: mentions[i].lang ?? "en", sentiment: s, score: s == .positive ? 0.5 : s == .negative ? -0.5 : 0,
            intents: gen.next() % 5 == 0 ? [.complaint] : [])
    }
    // 1,000 merges (a Mastodon account with a Bluesky one), 2,000 role changes, 1,000 notes.
    var events: [AuditEvent] = []
    for i in 0..<1000 {
        let h = MentionGenerator.handles[i]
        events.append(
            AuditEvent(
                at: now, actor: "anna", action: .contact(.merge(contact: "mastodon:" + h, identities: ["bluesky:" + h]))
            ))
        events.append(
            AuditEvent(
                at: now, actor: "anna",
                action: .contact(.role(contact: "mastodon:" + h, add: ["customer"], remove: ["critic"]))))
        events.append(
            AuditEvent(
                at: now, actor: "anna",
                action: .contact(.role(contact: "rss:example.social/" + h, add: ["journalist"], remove: []))))
        events.append(
            AuditEvent(at: now, actor: "anna", action: .contact(.note(contact: "mastodon:" + h, text: "note \(i)"))))
    }
    let team = TeamConfig(
        brand: .init(name: "Acme Cloud", terms: ["@acmecloud"]),
        competitors: [.init(name: "NimbusDrive", terms: ["NimbusDrive"])])
    let (contacts, times, cpu) = timedRuns(5) { Contacts(mentions: mentions, events: events, team: team) }
    Bench.row(
        "fold \(n / 1000)k mentions + \(events.count) contact actions → \(contacts.count) contacts",
        String(
            format: "p50 %.0f ms  min %.0f ms  (CPU p50 %.0f ms)", Bench.percentile(times, 0.5) * 1000,
            times.min()! * 1000,
            Bench.percentile(cpu, 0.5) * 1000), "fast: one pass")
    // The workbench's path: keep the fold and add what a refresh brought.
    var live = contacts
    var freshGen = MentionGenerator(seed: 99)
    var fresh = freshGen.mentions(200, base: now)
    for i in fresh.indices { fresh[i].analysis = Analysis(lang: "en", sentiment: .positive, score: 0.5, intents: []) }
    live.update(newMentions: Array(fresh[0..<100]), newEvents: [])
    let (_, upd) = Bench.time { live.update(newMentions: Array(fresh[100..<200]), newEvents: []) }
    Bench.row("update with 100 new mentions", String(format: "%.2f ms", upd * 1000))
    let note = AuditEvent(
        at: now, actor: "anna", action: .contact(.note(contact: "mastodon:" + MentionGenerator.handles[7], text: "x")))
    let (_, regroup) = Bench.time { live.update(newMentions: [], newEvents: [note]) }
    Bench.row("update with 1 contact action (regroup)", String(format: "%.1f ms", regroup * 1000))
    let (_, sort) = Bench.time { contacts.sorted(by: .reach).count }
    Bench.row("sort by reach", String(format: "%.1f ms", sort * 1000))
    let (hits, search) = Bench.time { contacts.search("user42").count }
    Bench.row("search \"user42\" (\(hits) hits)", String(format: "%.1f ms", search * 1000))
    let (hook, hookTime) = Bench.time { contacts.roleHook() }
    Bench.row("role: hook table", String(format: "%.1f ms", hookTime * 1000))
    let matcher = QueryMatcher(
        try! Query.parse("role:fan is:negative"), environment: QueryEnvironment(me: "anna", now: now, role: hook))
    _ = matcher.filter(mentions)
    let (fans, qs, qcpu) = timedRuns(10) { matcher.filter(mentions).count }
    Bench.row(
        "query role:fan is:negative over \(n / 1000)k (\(fans) hits)",
        String(
            format: "p50 %.1f ms  (CPU p50 %.1f ms)", Bench.percentile(qs, 0.5) * 1000,
            Bench.percentile(qcpu, 0.5) * 1000), "≤ 30 ms")
}

/// Runs `body` `runs` times: its last result, and the wall and thread-CPU seconds of each run.
private func timedRuns<T>(_ runs: Int, _ body: () -> T) -> (last: T, wall: [Double], cpu: [Double]) {
    var wall: [Double] = []
    var cpu: [Double] = []
    var last: T?
    for _ in 0..<runs {
        let c0 = threadCPU()
        let (r, t) = Bench.time(body)
        wall.append(t)
        cpu.append(threadCPU() - c0)
        last = r
    }
    return (last!, wall, cpu)
}

/// CPU time of this thread (the figures above are wall time; on a busy machine CPU time says more).
func threadCPU() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
