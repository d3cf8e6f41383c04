import Foundation
import ScreenKit
import SwitchboardCore
import SwitchboardUI

/// The workbench's community paths over 100,000 stored mentions by 5,000 authors: the contacts fold at start-up
/// (inside `initialDelta`), a refresh with 100 new mentions (contacts update and the feed's ★/⚑ marks), opening a
/// mention (the author card: history and weekly sentiment), a `role:` filter (first, then with the hook cached),
/// `:contacts` (load, sort, one search keystroke, render) and `:report`.
/// Registered in main.swift as the section `community-ui`.
func runCommunityUIBench(count: Int = 100_000) {
    print("\ncommunity ui (\(count / 1000)k mentions, 5,000 authors)")
    TextWidth.setupLocale()
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-communitybench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: root) }
    let dir = DataDirectory(root: root)
    let now = Date()
    func mentions(_ range: Range<Int>) -> [Mention] {
        range.map { i in
            let s: Sentiment = [.negative, .neutral, .positive][i % 3]
            return Mention(
                platform: ["mastodon", "bluesky"][i % 2], id: "c-\(i)",
                text: "mention \(i) about acme, order late again",
                createdAt: now.addingTimeInterval(-Double(count - i) * 30), fetchedAt: now,
                url: "https://social.example/@user\(i % 5000)/\(i)",
                author: Author(handle: "user\(i % 5000)", followers: (i % 5000) * 7),
                analysis: Analysis(
                    lang: "en", sentiment: s, score: s == .negative ? -0.6 : (s == .positive ? 0.6 : 0), intents: []))
        }
    }
    let store: Store
    do {
        try FileIO.makeDirectory(root)
        store = try Store(dir: dir)
        try store.ingest(mentions(0..<count), now: now)
    } catch {
        print("community ui bench: cannot prepare the store: \(error)")
        return
    }
    let team = TeamConfig(brand: .init(name: "Acme", terms: ["acme"]))
    let runner = EffectRunner(store: store, actor: "bench")
    runner.team = team
    var state = AppState(
        settings: WorkbenchSettings(dataPath: "~/bench", user: "bench", team: team), size: Size(width: 120, height: 40),
        now: now)
    func send(_ m: Message) {
        var q = [m]
        while !q.isEmpty { for e in update(&state, q.removeFirst()) { q += runner.perform(e) } }
    }
    /// Types `:` and a command line, then Enter.
    func command(_ line: String) {
        send(.key(.char(":")))
        for c in line { send(.key(.char(c))) }
        send(.key(.enter))
    }
    func ms(_ t: Double) -> String { String(format: "%.1f ms", t * 1000) }

    let (delta, tStart) = Bench.time { runner.initialDelta() }
    Bench.row("initialDelta (store delta + contacts fold + marks)", ms(tStart), "start-up, once")
    send(.storeChanged(delta))
    send(.start)

    let other = try! Store(dir: dir)
    try! other.ingest(mentions(count..<(count + 100)), now: now)
    let (_, tRefresh) = Bench.time {
        let changes = try! store.refresh()
        send(.storeChanged(runner.delta(changes)))
    }
    Bench.row("refresh with 100 new mentions (contacts update + marks)", ms(tRefresh), "every 0.3 s when new")

    var openTimes: [Double] = []
    for _ in 0..<5 {
        let (_, t) = Bench.time {
            send(.key(.enter))
            _ = render(state)
        }
        openTimes.append(t)
        send(.key(.escape))
        send(.key(.char("j")))
    }
    Bench.row(
        "Enter: open a mention with its author card (20 mentions)", ms(Bench.percentile(openTimes, 0.5)),
        "a key: < 50 ms")

    let (_, tRole1) = Bench.time { command("filter role:critic") }
    let (_, tRole2) = Bench.time { command("filter role:fan") }
    Bench.row("filter role:critic typed (first: builds the role hook)", ms(tRole1), "")
    Bench.row("filter role:fan typed (hook cached)", ms(tRole2), "")
    send(.key(.escape))

    let (_, tContacts) = Bench.time {
        command("contacts")
        _ = render(state)
    }
    Bench.row(":contacts (load, sort by reach, advocates, render)", ms(tContacts), "")
    let (_, tSort) = Bench.time {
        send(.key(.char("o")))
        _ = render(state)
    }
    Bench.row("o: sort by activity + render", ms(tSort), "a key: < 50 ms")
    send(.key(.char("/")))
    let (_, tSearch) = Bench.time {
        send(.key(.char("u")))
        send(.key(.char("s")))
        _ = render(state)
    }
    Bench.row("search: 2 keystrokes + render", ms(tSearch), "a key: < 50 ms")
    send(.key(.enter))
    send(.key(.escape))
    send(.key(.escape))

    let (_, tReport) = Bench.time {
        command("report")
        _ = render(state)
    }
    Bench.row(":report (Report.lastWeek + text + render)", ms(tReport), "")
}
