import Foundation
import GRDB
import HistoryIndex
import Insight
import ScreenKit
import SwitchboardCore
import SwitchboardUI

/// The phases of the scale run, each run in its own process (`switchboard-bench scale-PHASE DIR`) so its
/// peak memory is its own. Each prints one JSON object of figures as its last line.
enum ScalePhases {
    static func dispatch(_ args: [String]) throws -> Bool {
        guard let name = args.first, name.hasPrefix("scale-"), args.count >= 2 else { return false }
        let dir = DataDirectory(root: URL(fileURLWithPath: args[1]))
        let out: [String: Double]
        switch name {
        case "scale-triage": out = try triage(dir)
        case "scale-open": out = try open(dir)
        case "scale-ui": out = try workbench(dir)
        case "scale-ui-bounded": out = try WindowKeys.run(dir)
        case "scale-query": out = try queries(dir)
        case "scale-index-query": out = try IndexBench.queryFigures(dir, runs: 25)
        case "scale-catchup": out = try IndexBench.catchUpFigures(dir)
        case "scale-analysis": out = ScalePeers.analysis(manifest: URL(fileURLWithPath: args[1]))
        case "scale-feeds": out = ScalePeers.feeds(manifest: URL(fileURLWithPath: args[1]))
        case "scale-export":  // scale-export FILE N: the generated export alone (for profiling `switchboard ingest`)
            out = [
                "bytes": Double(
                    try ScaleData.writeExport(
                        count: Int(args.count > 2 ? args[2] : "") ?? 10_000, to: URL(fileURLWithPath: args[1])))
            ]
        default: return false
        }
        let data = try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
        return true
    }

    /// A team's triage on top of the ingested mentions: every 10th mention gets a status, every 30th an
    /// assignee, every 50th a tag, every 200th a note (setup for the phases after it, not a figure).
    /// With an index (`ingest` made one) the keys come from it and the store reads only the actions (a fold of 10M
    /// mentions needs ~12 GB); without one the store is folded.
    static func triage(_ dir: DataDirectory) throws -> [String: Double] {
        let store: Store
        // Every 10th mention in the order stored, with its place in that order.
        var picked: [(i: Int, key: String)] = []
        let indexFile = HistoryIndex.file(dir).path
        if FileManager.default.fileExists(atPath: indexFile) {
            var config = Configuration()
            config.readonly = true
            let db = try DatabaseQueue(path: indexFile, configuration: config)
            picked = try db.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT rowid, key FROM mention WHERE present = 1 AND rowid % 10 = 1 ORDER BY rowid")
            }.map { (Int($0[0] as Int64) - 1, $0[1] as String) }
            store = try Store(dir: dir, mode: .actionsOnly)
        } else {
            store = try Store(dir: dir)
            picked = store.mentions.enumerated().filter { $0.offset % 10 == 0 }.map { ($0.offset, $0.element.key) }
        }
        var actions: [Action] = []
        for (i, k) in picked {
            actions.append(.setStatus(mention: k, status: i % 20 == 0 ? .answered : .open))
            if i % 30 == 0 { actions.append(.assign(mention: k, user: i % 60 == 0 ? "anna" : "ben")) }
            if i % 50 == 0 { actions.append(.tag(mention: k, tags: ["billing"])) }
            if i % 200 == 0 { actions.append(.note(mention: k, text: "Called back, waiting for the invoice number")) }
        }
        let (_, secs) = try Bench.time {
            var j = 0
            while j < actions.count {
                _ = try store.record(Array(actions[j..<min(actions.count, j + 5000)]), actor: "bench")
                j += 5000
            }
        }
        return ["actions": Double(actions.count), "seconds": secs]
    }

    /// Open the store and fold the state, as every command and the workbench do first.
    static func open(_ dir: DataDirectory) throws -> [String: Double] {
        let c0 = processCPUSeconds()
        let (store, secs) = try Bench.time { try Store(dir: dir) }
        let states = store.states().count
        return [
            "seconds": secs, "cpu_s": processCPUSeconds() - c0, "mentions": Double(store.count),
            "states": Double(states),
            "hwm_mb": Bench.memoryMB("VmHWM"),
        ]
    }

    /// The workbench without a terminal: open, first frame at 120×40 with the team config, then 3,000 `j`/`k`
    /// keys (1,000 within the page, 2,000 scrolling down), each timed from the key to the diffed frame.
    static func workbench(_ dir: DataDirectory) throws -> [String: Double] {
        TextWidth.setupLocale()
        let now = Date()
        let c0 = processCPUSeconds()
        let t0 = Bench.now()
        let store = try Store(dir: dir)
        let t1 = Bench.now()
        let team = try? FileIO.readDocument(TeamConfig.self, from: dir.teamFile)
        let runner = EffectRunner(store: store, actor: "bench")
        var state = AppState(
            settings: WorkbenchSettings(dataPath: dir.root.path, user: "bench", team: team),
            size: Size(width: 120, height: 40), now: now)
        func send(_ m: Message) {
            var q = [m]
            while !q.isEmpty { for e in update(&state, q.removeFirst()) { q += runner.perform(e) } }
        }
        send(.storeChanged(runner.initialDelta()))
        send(.start)
        var frame = render(state)
        let t2 = Bench.now()
        let frameCPU = processCPUSeconds() - c0
        let hwmFrame = Bench.memoryMB("VmHWM")
        var latencies: [Double] = []
        let j = Message.key(.char("j"))
        let k = Message.key(.char("k"))
        var changed = 0
        for i in 0..<3000 {
            let msg = i >= 1000 || (i / 10) % 2 == 0 ? j : k
            let a = Bench.now()
            send(msg)
            let next = render(state)
            for c in 0..<next.cells.count where next.cells[c] != frame.cells[c] { changed += 1 }
            frame = next
            latencies.append(Bench.now() - a)
        }
        withExtendedLifetime(store) {}
        return [
            "open_s": t1 - t0, "first_frame_s": t2 - t1, "open_and_frame_s": t2 - t0, "open_and_frame_cpu_s": frameCPU,
            "j_p50_ms": Bench.percentile(latencies, 0.5) * 1000, "j_p99_ms": Bench.percentile(latencies, 0.99) * 1000,
            "rows": Double(state.feed.rows.count), "cells_changed": Double(changed), "hwm_frame_mb": hwmFrame,
        ]
    }

    /// Typical queries as the workbench's `/` filter runs them (`QueryMatcher` with its columns and the folded
    /// states), 25 times each after one run that builds the columns and folds the text.
    static let queryTexts = [
        "is:question status:open", "is:negative net:mastodon age:<7d", "sync",
        #""acme cloud" -is:spam lang:de"#, "(is:complaint OR is:question) assignee:me is:open tag:billing",
    ]

    static func queries(_ dir: DataDirectory) throws -> [String: Double] {
        let store = try Store(dir: dir)
        let mentions = store.mentions
        let matcher = QueryMatcher(.all, environment: QueryEnvironment(me: "anna", now: Date()))
        _ = matcher.filter(mentions)
        matcher.setStates(store.states())
        var out: [String: Double] = [:]
        for (qi, text) in queryTexts.enumerated() {
            matcher.set(try Query.parse(text))
            let (hits, first) = Bench.time { matcher.filter(mentions).count }
            var times: [Double] = []
            var cpu: [Double] = []
            for _ in 0..<25 {
                let c = threadCPUSeconds()
                times.append(Bench.time { matcher.filter(mentions).count }.1)
                cpu.append(threadCPUSeconds() - c)
            }
            out["q\(qi)_p50_ms"] = Bench.percentile(times, 0.5) * 1000
            out["q\(qi)_cpu_p50_ms"] = Bench.percentile(cpu, 0.5) * 1000
            out["q\(qi)_p99_ms"] = Bench.percentile(times, 0.99) * 1000
            out["q\(qi)_first_ms"] = first * 1000
            out["q\(qi)_hits"] = Double(hits)
        }
        return out
    }
}
