import Foundation
import ScreenKit
import SwitchboardCore
import SwitchboardUI

/// The crisis pane with `count` stored mentions and a running crisis: the first delta (the log folded, the chart
/// and the timeline), one refresh while a run is on (a new mention arrives: the chart and the timeline follow),
/// a checked step (`x`: record under the lock, delta, frame) and a frame of the zoomed pane.
func runCrisisUIBench(count: Int = 100_000) {
    TextWidth.setupLocale()
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-crisisbench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: root) }
    let dir = DataDirectory(root: root)
    let now = Date()
    let playbook = StarterKit.playbooks(.en)[0]
    let team = TeamConfig(
        brand: .init(name: "Bench", terms: ["bench"]), team: [.init(user: "bench", name: "Bench", role: "lead")],
        timezone: "UTC")
    let store: Store
    do {
        try FileIO.makeDirectory(dir.playbooksDir)
        let enc = JSONEncoder()
        try FileIO.writeDocument(
            try enc.encode(playbook), to: dir.playbooksDir.appendingPathComponent(playbook.id + ".json"))
        store = try Store(dir: dir)
        var batch: [Mention] = []
        batch.reserveCapacity(count)
        for i in 0..<count {
            let s: Sentiment = i % 4 == 0 ? .negative : .neutral
            batch.append(
                Mention(
                    platform: "mastodon", id: "cb-\(i)", text: "the service is down again \(i)",
                    createdAt: now.addingTimeInterval(-Double(count - i) * 6), fetchedAt: now,
                    url: "https://social.example/@u\(i % 999)/\(i)", author: Author(handle: "u\(i % 999)"),
                    analysis: Analysis(lang: "en", sentiment: s, score: 0, intents: [])))
        }
        try store.ingest(batch, now: now)
        // A crisis two hours old with a few hundred actions during it.
        try CrisisOps.start(
            playbook, severity: "2", suspendQueue: true, team: team, store: store, actor: "bench",
            now: now.addingTimeInterval(-7200))
        for i in 0..<300 {
            try store.record(
                [.note(mention: batch[count - 1 - i].key, text: "looked at it")], actor: "bench",
                now: now.addingTimeInterval(-Double(i) * 20))
        }
    } catch {
        print("crisis-ui bench: cannot prepare the store: \(error)")
        return
    }
    let runner = EffectRunner(store: store, actor: "bench")
    runner.team = team
    var settings = WorkbenchSettings(dataPath: "~/bench", user: "bench", team: team)
    settings.timeZone = TimeZone(identifier: "UTC")!
    var state = AppState(settings: settings, size: Size(width: 160, height: 48), now: now)
    func send(_ m: Message) {
        var q = [m]
        while !q.isEmpty { for e in update(&state, q.removeFirst()) { q += runner.perform(e) } }
    }
    func ms(_ a: DispatchTime, _ b: DispatchTime) -> Double { Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e6 }

    let t0 = DispatchTime.now()
    send(.storeChanged(runner.initialDelta()))
    send(.start)
    let t1 = DispatchTime.now()
    send(.key(.char("4")))
    send(.key(.char("z")))

    // One new mention per refresh while the crisis runs.
    /// 20 refreshes, one new negative mention (ids PREFIX-N) each: how long each delta and frame takes.
    func refreshes(_ prefix: String) -> [Double] {
        (0..<20).map { i in
            let m = Mention(
                platform: "mastodon", id: "\(prefix)-\(i)", text: "still down", createdAt: now, fetchedAt: now,
                analysis: Analysis(lang: "en", sentiment: .negative, score: 0, intents: []))
            _ = try? store.ingest([m], now: now)
            let a = DispatchTime.now()
            send(.storeChanged(runner.delta()))
            _ = render(state)
            return ms(a, DispatchTime.now())
        }
    }
    var refresh = refreshes("late")
    var frames: [Double] = []
    for _ in 0..<50 { let a = DispatchTime.now(); _ = render(state); frames.append(ms(a, DispatchTime.now())) }
    var checks: [Double] = []
    for key in ["x", "j", "x", "j", "x", "o", "x"] {
        let a = DispatchTime.now()
        send(.key(.char(Character(key))))
        _ = render(state)
        if key != "j" { checks.append(ms(a, DispatchTime.now())) }
    }
    let slots = state.crisis.info.buckets.count
    let entries = state.crisis.info.timeline.count
    // The same refresh with no crisis running: what the crisis adds is the difference.
    _ = try? CrisisOps.end(summary: "bench", store: store, actor: "bench", now: now)
    send(.storeChanged(runner.delta()))
    var baseline = refreshes("after")
    refresh.sort()
    frames.sort()
    checks.sort()
    baseline.sort()
    print(
        "crisis-ui: \(store.count) mentions, \(store.events.count) actions, a crisis 2 h old (\(slots) chart slots, "
        + "\(entries) timeline entries)"
    )
    print(String(format: "crisis-ui: first delta + panels with the log folded  %.1f ms", ms(t0, t1)))
    print(
        String(
            format:
                "crisis-ui: refresh during a run (1 new mention → chart, timeline, frame)  p50 %.1f ms, max %.1f ms",
            refresh[refresh.count / 2], refresh.last ?? 0))
    print(
        String(
            format: "crisis-ui: the same refresh with no crisis running  p50 %.1f ms, max %.1f ms",
            baseline[baseline.count / 2], baseline.last ?? 0))
    print(String(format: "crisis-ui: frame of the zoomed crisis pane (160×48)  p50 %.2f ms", frames[frames.count / 2]))
    print(
        String(
            format: "crisis-ui: step key (record under the lock + delta + frame)  p50 %.1f ms, max %.1f ms",
            checks[checks.count / 2], checks.last ?? 0))
}
