import Foundation
import ScreenKit
import SwitchboardCore
import SwitchboardUI

/// Workbench figures with 100,000 stored mentions: store open, first full frame (state build + render at
/// 120×40), `j` key-to-frame latency (update + effects + render + diff against the previous frame), cells
/// changed per `j`, and peak resident memory.
func runUIBench(count: Int = 100_000) {
    TextWidth.setupLocale()
    // SB_UIBENCH_DIR keeps the generated store between runs (it is made once when missing).
    let keep = ProcessInfo.processInfo.environment["SB_UIBENCH_DIR"]
    let root =
        keep.map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("sb-uibench-\(getpid())")
    defer { if keep == nil { try? FileManager.default.removeItem(at: root) } }
    let dir = DataDirectory(root: root)
    let now = Date()
    if !FileManager.default.fileExists(atPath: dir.logDir.path) {
        do {
            let store = try Store(dir: dir)
            let words = [
                "order", "late", "love", "the", "new", "app", "why", "is", "my", "refund", "great", "support", "broken",
                "thanks", "Grüße", "München", "日本語", "🎉", "help", "please", "account", "login", "again", "today",
            ]
            let platforms = ["mastodon", "bluesky", "rss"]
            var batch: [Mention] = []
            batch.reserveCapacity(count)
            var rng = SystemRandomNumberGenerator()
            for i in 0..<count {
                var text = ""
                for _ in 0..<(8 + i % 17) { text += words[Int.random(in: 0..<words.count, using: &rng)] + " " }
                let s: Sentiment = [.negative, .neutral, .positive][i % 3]
                let intents: [Intent] = i % 5 == 0 ? [.question] : (i % 7 == 0 ? [.complaint] : [])
                batch.append(
                    Mention(
                        platform: platforms[i % 3], id: "bench-\(i)", text: text,
                        createdAt: now.addingTimeInterval(-Double(count - i) * 30), fetchedAt: now,
                        url: "https://social.example/@user\(i % 5000)/\(i)",
                        author: Author(handle: "user\(i % 5000)", followers: i % 10_000),
                        analysis: i % 2 == 0 ? Analysis(lang: "en", sentiment: s, score: 0, intents: intents) : nil))
            }
            try store.ingest(batch, now: now)
        } catch {
            print("ui bench: cannot prepare the store: \(error)")
            return
        }
    }
    // Peak memory from here on: what the workbench itself needs.
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)

    let t0 = DispatchTime.now()
    guard let store = try? Store(dir: dir) else { print("ui bench: cannot open the store"); return }
    let t1 = DispatchTime.now()
    let rssStore = procStatus("VmRSS")
    let runner = EffectRunner(store: store, actor: "bench")
    let settings = WorkbenchSettings(dataPath: "~/bench", user: "bench", team: nil)
    var state = AppState(settings: settings, size: Size(width: 120, height: 40), now: now)
    func send(_ m: Message) {
        var q = [m]
        while !q.isEmpty { for e in update(&state, q.removeFirst()) { q += runner.perform(e) } }
    }
    let delta = runner.initialDelta()
    let ta = DispatchTime.now()
    send(.storeChanged(delta))
    let tb = DispatchTime.now()
    send(.start)
    var frame = render(state)
    let t2 = DispatchTime.now()
    let rssFrame = procStatus("VmRSS")

    var latencies: [Double] = []
    var changed: [Int] = []
    var changedScrolling: [Int] = []
    let j = Message.key(.char("j"))
    let k = Message.key(.char("k"))
    let page = 30
    for i in 0..<3000 {
        // j and k within the page (the common case), then j all the way down (every key scrolls the list).
        let scrolling = i >= 1000
        let msg = scrolling || (i / page) % 2 == 0 ? j : k
        let a = DispatchTime.now()
        send(msg)
        let next = render(state)
        var diff = 0
        for i in 0..<next.cells.count where next.cells[i] != frame.cells[i] { diff += 1 }
        frame = next
        let b = DispatchTime.now()
        latencies.append(Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e6)
        if scrolling { changedScrolling.append(diff) } else { changed.append(diff) }
    }
    let hwmBeforeFilter = procStatus("VmHWM")

    // Key-to-frame while filtering: `/` then a query typed one character at a time (every keystroke re-parses the
    // query and, when it parses, re-runs the matcher over all mentions and redraws), Esc between queries.
    let queries = [
        "is:question", "is:negative refund", "net:mastodon -is:spam", "order OR delivery", "\"mention number 4\"",
        "age:<2h is:open",
    ]
    var filterLat: [Double] = []
    var matched: [String: Int] = [:]
    for round in 0..<3 {
        for q in queries {
            send(.key(.char("/")))
            for c in q {
                let a = DispatchTime.now()
                send(.key(.char(c)))
                frame = render(state)
                let b = DispatchTime.now()
                filterLat.append(Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e6)
            }
            if round == 0 { matched[q] = state.feed.rows.count }
            send(.key(.escape))
            send(.key(.escape))
        }
    }
    filterLat.sort()
    let hwmAfterFilter = procStatus("VmHWM")

    // The SLA with business hours and bands (Core's calendar arithmetic per mention): the feed state is built
    // again with such a team; the first overdue count computes every due time, later ticks reuse them.
    let slaTeam = TeamConfig(
        brand: .init(name: "Bench", terms: ["bench"]),
        sla: .init(firstResponseMinutes: 60, byPriority: ["high": 15], businessHours: "Mon-Fri 08:00-18:00"))
    var slaState = AppState(
        settings: WorkbenchSettings(dataPath: "~/bench", user: "bench", team: slaTeam),
        size: Size(width: 120, height: 40), now: now)
    let slaDelta = runner.initialDelta()
    let s0 = DispatchTime.now()
    _ = update(&slaState, .storeChanged(slaDelta))
    let s1 = DispatchTime.now()
    _ = update(&slaState, .tick(now.addingTimeInterval(5)))
    let s2 = DispatchTime.now()
    let slaOverdue = slaState.chrome.counts.overdue

    latencies.sort()
    changed.sort()
    changedScrolling.sort()
    func ms(_ a: DispatchTime, _ b: DispatchTime) -> String {
        String(format: "%.1f ms", Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e6)
    }
    let p50 = latencies[latencies.count / 2]
    let p99 = latencies[latencies.count * 99 / 100]
    print("ui: \(Format.grouped(store.count)) mentions in the store")
    print("ui: open store                 \(ms(t0, t1))")
    print(
        "ui: first full frame (120×40)  \(ms(t1, t2)) after the store is open (target ≤ 300 ms): snapshot "
        + "\(ms(t1, ta)), feed state \(ms(ta, tb)), render \(ms(tb, t2))"
    )
    print(String(format: "ui: j key-to-frame             p50 %.3f ms, p99 %.3f ms (target p99 ≤ 5 ms)", p50, p99))
    print(
        "ui: cells changed per j/k      within the page p50 \(changed[changed.count / 2]), max "
        + "\(changed.last ?? 0); scrolling p50 \(changedScrolling[changedScrolling.count / 2])"
    )
    print(
        String(
            format:
                "ui: key-to-frame while filtering p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d keystrokes typing "
                + "%d queries char by char",
            filterLat[filterLat.count / 2], filterLat[filterLat.count * 99 / 100], filterLat.last ?? 0, filterLat.count,
            queries.count))
    print("ui: filter matches             " + queries.map { "\($0) → \(matched[$0] ?? 0)" }.joined(separator: "; "))
    print(
        "ui: feed state with business-hours SLA \(ms(s0, s1)) (feed state + every due time), next tick "
        + "\(ms(s1, s2)); \(Format.grouped(slaOverdue)) overdue"
    )
    print(
        "ui: peak resident memory before filtering \(hwmBeforeFilter), after filtering \(hwmAfterFilter) (the "
        + "matcher's columns); the total below includes the second feed state of the SLA row"
    )
    print(
        "ui: peak resident memory       \(procStatus("VmHWM")) (target ≤ 150 MB; resident with the store open \(rssStore), after the first frame \(rssFrame), now \(procStatus("VmRSS")))"
    )
    withExtendedLifetime(store) {}
}

private func procStatus(_ field: String) -> String {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "n/a" }
    for line in s.split(separator: "\n") where line.hasPrefix(field + ":") {
        let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        return String(format: "%.1f MB", Double(kb) / 1024)
    }
    return "n/a"
}

private enum Format {
    static func grouped(_ n: Int) -> String {
        let f = NumberFormatter()
        f.numberStyle = .decimal
        f.groupingSeparator = ","
        return f.string(from: NSNumber(value: n)) ?? String(n)
    }
}
