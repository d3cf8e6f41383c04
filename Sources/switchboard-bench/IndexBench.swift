import Foundation
import HistoryIndex
import Insight
import SwitchboardCore

/// The index (`index/history.sqlite`): building it from the logs, catching up after another writer, the five
/// typical queries (text terms included), `reindex`, its size beside the logs.
enum IndexBench {
    static let queries = [
        "sync kaputt", "\"acme cloud\" net:bluesky", "rückmeldung lang:de", "from:user12 upload",
        "preise status:open",
    ]

    static func run(sizes: [Int]) throws {
        print("\nIndex (index/history.sqlite)")
        for n in sizes where n >= 100_000 { try run(n) }
    }

    static func run(_ n: Int) throws {
        let label = n >= 1_000_000 ? "\(n / 1_000_000)M" : "\(n / 1000)k"
        let (dir, ingestRate) = try StoreBench.build(n, name: "index\(n)")
        defer { try? FileManager.default.removeItem(at: dir.root) }
        let (index, first) = try Bench.time { try HistoryIndex(dir: dir) }
        Bench.row("\(label): first open (build from the logs)", String(format: "%.2f s", first))
        let ingestSecs = Double(n) / ingestRate
        Bench.row(
            "\(label): ingest including the index", String(format: "%.0f/s", Double(n) / (ingestSecs + first)),
            "≥ 50,000/s")
        let (_, idle) = try Bench.time { try HistoryIndex(dir: dir) }
        Bench.row("\(label): open with nothing new", String(format: "%.1f ms", idle * 1000))

        // Another writer stores 100 mentions; the next open catches up.
        var catchUps: [Double] = []
        var gen = MentionGenerator(seed: 7)
        for round in 0..<5 {
            let writer = try Store(dir: dir, mode: .keysOnly)
            try writer.ingest((0..<100).map { gen.mention(n + round * 100 + $0, base: Date()) })
            catchUps.append(try Bench.time { try HistoryIndex(dir: dir) }.1)
        }
        Bench.row(
            "\(label): catch-up after 100 new mentions",
            String(format: "%.1f ms", Bench.percentile(catchUps, 0.5) * 1000),
            "≤ 10 ms")

        let env = QueryEnvironment(me: "anna", now: Date())
        var times: [Double] = []
        for text in queries {
            let q = try Query.parse(text)
            var runs: [Double] = []
            for _ in 0..<5 { runs.append(try Bench.time { try index.search(q, environment: env, limit: 50) }.1) }
            times.append(Bench.percentile(runs, 0.5))
            Bench.row("\(label): query \(text)", String(format: "%.1f ms", Bench.percentile(runs, 0.5) * 1000))
        }
        Bench.row(
            "\(label): query p50 (the five)", String(format: "%.1f ms", Bench.percentile(times, 0.5) * 1000),
            n >= 1_000_000 ? "≤ 30 ms" : "≤ 10 ms")

        let team = try JSONDecoder().decode(
            TeamConfig.self, from: Data(#"{"brand": {"name": "Acme Cloud", "terms": []}}"#.utf8))
        let now = Date()
        var reports: [Double] = []
        for _ in 0..<3 {
            reports.append(
                try Bench.time {
                    try index.reportFigures(
                        since: now.addingTimeInterval(-30 * 86400), until: now, now: now, team: team)
                }.1)
        }
        Bench.row(
            "\(label): report figures, 30 days (SQL)", String(format: "%.0f ms", Bench.percentile(reports, 0.5) * 1000),
            n >= 1_000_000 ? "≤ 0.5 s" : "≤ 0.3 s")

        // `switchboard report` over 30 days: through the index (the period's records read by offset) and, at 100k, as
        // before (the store opened and folded, then `Report.compute`).
        var full: [Double] = []
        for _ in 0..<3 {
            full.append(
                try Bench.time {
                    try index.report(
                        team: team, since: now.addingTimeInterval(-30 * 86400), until: now, now: now,
                        options: .insight(team: team))
                }.1)
        }
        Bench.row(
            "\(label): report, 30 days, through the index", String(format: "%.2f s", Bench.percentile(full, 0.5)),
            n >= 1_000_000 ? "≤ 0.5 s" : "≤ 0.3 s")
        if n < 1_000_000 {
            let (_, folded) = try Bench.time {
                let store = try Store(dir: dir, mode: .readOnly)
                _ = try Report.compute(
                    mentions: store.mentions, states: store.states(), events: store.events, team: team,
                    since: now.addingTimeInterval(-30 * 86400), until: now, now: now, options: .insight(team: team))
            }
            Bench.row("\(label): report, 30 days, folding the store (before)", String(format: "%.2f s", folded))
        }

        let (_, reindex) = try Bench.time { try index.catchUp(rebuild: "bench") }
        try index.checkpoint()
        Bench.row("\(label): reindex", String(format: "%.1f s", reindex), n >= 1_000_000 ? "≤ 60 s" : "")
        let logs = LogKind.allCases.reduce(0) { sum, kind in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.logDir.path)) ?? []
            return sum
                + names.filter { $0.hasPrefix(kind.rawValue + "-") }.reduce(0) {
                    $0 + FileIO.size(dir.logDir.appendingPathComponent($1))
                }
        }
        Bench.row(
            "\(label): index size / logs",
            String(
                format: "%.0f MB / %.0f MB = %.2f×", Double(index.sizeOnDisk()) / 1e6, Double(logs) / 1e6,
                Double(index.sizeOnDisk()) / Double(max(1, logs))), "≤ 1.5×")
    }
}

extension IndexBench {
    /// `switchboard-bench index-steps DIR [build] [catchup] [queries] [report]` — each step on a kept store
    /// (`make-store N`), timed alone, for profiling one at a time (`perf record`); no argument: every step.
    static func steps(_ dir: DataDirectory, _ which: Set<String>) throws {
        func wants(_ s: String) -> Bool { which.isEmpty || which.contains(s) }
        // `build-cache256`: the bulk load's page cache at 256 MB instead of 64 MB.
        if which.contains("build-cache256") { HistoryIndex.bulkCacheKB = 256 << 10 }
        if wants("build") || which.contains("build-cache256") {
            let cpu = clock()
            let (_, t) = try Bench.time { try HistoryIndex(dir: dir, catchUp: false).catchUp(rebuild: "bench") }
            Bench.row(
                "build from the logs (a fresh file, copied in)",
                String(format: "%.2f s wall, %.2f s CPU", t, Double(clock() - cpu) / Double(CLOCKS_PER_SEC)))
        }
        // The bounded workbench's store (`.actionsOnly`: the actions logs, no mention) opened alone, as the workbench
        // opens it on a thread of its own beside the first frame.
        // `actions-store-decoded`: every line decoded, as before the opening read stepped over triage.
        if which.contains("actions-store") || which.contains("actions-store-decoded") {
            Store.stepsOverTriage = !which.contains("actions-store-decoded")
            defer { Store.stepsOverTriage = true }
            let cpu = clock()
            let rss = Bench.memoryMB("VmRSS")
            let (store, t) = try Bench.time { try Store(dir: dir, mode: .actionsOnly) }
            Bench.row(
                "open the bounded workbench's store (actions only\(Store.stepsOverTriage ? "" : ", every line decoded"))",
                String(
                    format: "%.2f s wall, %.2f s CPU, %d events kept, RSS %.0f → %.0f MB, peak %.0f MB", t,
                    Double(clock() - cpu) / Double(CLOCKS_PER_SEC), store.events.count, rss,
                    Bench.memoryMB("VmRSS"), Bench.memoryMB("VmHWM")))
        }
        // The same rebuild written in place, in the index's own write-ahead log (as before session 13; `build` writes
        // a fresh file without journal and copies it in, `HistoryIndex.freshBuilds`).
        if which.contains("build-in-place") {
            HistoryIndex.freshBuilds = false
            defer { HistoryIndex.freshBuilds = true }
            let cpu = clock()
            let (_, t) = try Bench.time { try HistoryIndex(dir: dir, catchUp: false).catchUp(rebuild: "bench") }
            Bench.row(
                "build from the logs in place",
                String(format: "%.2f s wall, %.2f s CPU", t, Double(clock() - cpu) / Double(CLOCKS_PER_SEC)))
        }
        // Where the hand-written record reader still pays: the mentions logs decoded as a rebuild decodes them
        // (8 MB blocks, every core), with `Mention.fastDecode` and with `JSONDecoder` alone.
        if which.contains("decode") { try decodeRow(dir) }
        if wants("catchup") {
            let f = try catchUpFigures(dir)
            Bench.row(
                "catch-up after 100 mentions (a new process)",
                (0..<5).compactMap { f["new_process_\($0)_ms"] }.map { String(format: "%.1f", $0) }.joined(
                    separator: " ") + " ms")
            for (label, key) in [("posted over 30 days", "month"), ("posted in the last hour", "hour")] {
                Bench.row(
                    "catch-up, an open index, 100 \(label)",
                    String(
                        format: "p50 %.1f ms, max %.1f ms; its thread's CPU p50 %.1f ms", f["\(key)_p50_ms"] ?? 0,
                        f["\(key)_max_ms"] ?? 0, f["\(key)_cpu_p50_ms"] ?? 0),
                    "≤ 10 ms")
            }
        }
        if wants("queries") {
            let f = try queryFigures(dir, runs: 5)
            for (i, text) in queries.enumerated() {
                Bench.row("query \(text)", String(format: "%.1f ms", f["iq\(i)_p50_ms"] ?? 0))
            }
            Bench.row("query p50 (the five)", String(format: "%.1f ms", f["iq_p50_ms"] ?? 0))
        }
        if wants("report") {
            let index = try HistoryIndex(dir: dir)
            let team = try JSONDecoder().decode(
                TeamConfig.self, from: Data(#"{"brand": {"name": "Acme Cloud", "terms": []}}"#.utf8))
            let now = Date()
            // From the parts the index keeps (the first run also works out the share-of-voice bits when the index
            // holds them for other terms), then as before: the period's records read from the logs.
            var record = ReportOptions.insight(team: team)
            record.readsIndexedParts = false
            // From the rows kept per hour (the first run makes the hours it lacks), the parts as columns read from
            // the rows (no `Mention` per row), the parts row by row (before), then the records.
            for (label, options, columns, hours) in [
                ("from the hours", ReportOptions.insight(team: team), true, true),
                ("from the parts as columns", ReportOptions.insight(team: team), true, false),
                ("from the parts, row by row", ReportOptions.insight(team: team), false, false),
                ("reading records", record, false, false),
            ] {
                index.reportAsColumns = columns
                index.reportFromHours = hours
                for _ in 0..<(label == "reading records" ? 1 : 3) {
                    let cpu = clock()
                    let (_, t) = try Bench.time {
                        try index.report(
                            team: team, since: now.addingTimeInterval(-30 * 86400), until: now, now: now,
                            options: options)
                    }
                    let used = Double(clock() - cpu) / Double(CLOCKS_PER_SEC)
                    Bench.row(
                        "report, 30 days, through the index, \(label)",
                        String(format: "%.3f s wall, %.3f s CPU", t, used)
                            + (index.lastReportFromParts ? "" : " (records)")
                            + (index.lastReportFromColumns ? " (columns)" : "")
                            + (index.lastReportFromHours ? " (hours)" : ""))
                }
            }
        }
    }
}

extension IndexBench {
    static func decodeRow(_ dir: DataDirectory) throws {
        let files = dir.logFiles(.mentions)
        var results: [(String, Double, Int)] = []
        for (label, fast) in [
            ("the hand-written reader", Mention.fastDecode as (@Sendable (UnsafeBufferPointer<UInt8>) -> Mention?)?),
            ("JSONDecoder", nil),
        ] {
            var records = 0
            let cpu = clock()
            for file in files {
                let size = FileIO.size(file)
                var off = 0
                while off < size {
                    var data = try FileIO.readBytes(file, from: off, count: min(size - off, 8 << 20))
                    guard let nl = data.lastIndex(of: 10) else { break }
                    data.removeSubrange((nl + 1)...)
                    off += data.count
                    let lines = LineSplitter.split(data)
                    records += RecordDecoder.decode(Mention.self, lines: lines, fast: fast).count
                }
            }
            results.append((label, Double(clock() - cpu) / Double(CLOCKS_PER_SEC), records))
        }
        for (label, secs, n) in results {
            Bench.row(
                "decode the mentions logs, \(label)",
                String(format: "%.2f s CPU, %.1f µs a record (%d)", secs, secs * 1e6 / Double(max(1, n)), n))
        }
    }
}

extension IndexBench {
    /// The catch-up after another process stored 100 mentions (it appends 2,500 mentions to `dir`): five times in a
    /// new process (`new_process_N_ms`), then ten times each in an open index for 100 posted over the last 30 days
    /// (`month_…`) and 100 posted in the last hour (`hour_…`): p50, max and the catching-up thread's CPU p50, in ms.
    static func catchUpFigures(_ dir: DataDirectory) throws -> [String: Double] {
        var out: [String: Double] = [:]
        var gen = MentionGenerator(seed: UInt64(Date().timeIntervalSince1970))
        let base = Int(Date().timeIntervalSince1970 * 1000) % 1_000_000_000
        // The writer dedups through the index's keys, as `switchboard ingest` does (a store that read every key
        // took ~30 s a round at 10M); one index for its lookups, opened once.
        let keys = try HistoryIndex(dir: dir)
        func writer() throws -> Store { try Store(dir: dir, mode: .keysOnly, keyIndex: try keys.keyIndex()) }
        var fresh: [Double] = []
        for round in 0..<5 {
            let writer = try writer()
            try writer.ingest((0..<100).map { gen.mention(base + round * 100 + $0, base: Date()) })
            fresh.append(try Bench.time { try HistoryIndex(dir: dir) }.1)
            out["new_process_\(round)_ms"] = fresh.last! * 1000
        }
        out["new_process_p50_ms"] = Bench.percentile(fresh, 0.5) * 1000
        // What a running workbench or listener pays: its index is open (connection, schema and page cache
        // warm) when another process appends 100 mentions, and it catches up. Posted over the last 30 days (a
        // backfill: every index takes them at random places), then within the last hour (a listener's polls).
        let open = try HistoryIndex(dir: dir)
        var round = 5
        for (key, spread) in [("month", UInt64(30 * 86400)), ("hour", 3600)] {
            var warm: [Double] = [], cpu: [Double] = [], all: [Double] = []
            var misses: [Double] = [], writes: [Double] = []
            for _ in 0..<10 {
                let writer = try writer()
                try writer.ingest((0..<100).map { gen.mention(base + round * 100 + $0, base: Date(), spread: spread) })
                round += 1
                // The CPU time of the catching-up thread (it stores the rows) and of the whole process (with the
                // thread that reads and decodes the tail a block ahead, `HistoryIndex.block(for:)`; a checkpoint
                // thread that runs meanwhile counts too).
                _ = open.writerPages()
                let before = Bench.threadCPU()
                let beforeAll = processCPUSeconds()
                let (caught, t) = try Bench.time { try open.catchUp() }
                let pages = open.writerPages()
                misses.append(Double(pages.misses))
                writes.append(Double(pages.writes))
                cpu.append(Bench.threadCPU() - before)
                all.append(processCPUSeconds() - beforeAll)
                warm.append(t)
                guard caught.mentions == 100 else {
                    throw SwitchboardError("caught up \(caught.mentions) mentions, not 100")
                }
            }
            out["\(key)_p50_ms"] = Bench.percentile(warm, 0.5) * 1000
            out["\(key)_max_ms"] = (warm.max() ?? 0) * 1000
            out["\(key)_cpu_p50_ms"] = Bench.percentile(cpu, 0.5) * 1000
            out["\(key)_process_cpu_p50_ms"] = Bench.percentile(all, 0.5) * 1000
            // The writer's pages per catch-up (p50): read from the file or the write-ahead log, and written.
            out["\(key)_pages_read_p50"] = Bench.percentile(misses, 0.5)
            out["\(key)_pages_written_p50"] = Bench.percentile(writes, 0.5)
        }
        // What the catch-ups left to the maintenance thread: the tails (full-text, handles, person rows) added in
        // one transaction, as `maintain()` does every 4,096 new mentions.
        let (rows, flush) = try Bench.time { try open.flushTails() }
        out["tail_flush_rows"] = Double(rows)
        out["tail_flush_ms"] = flush * 1000
        out["tail_flush_us_per_row"] = rows > 0 ? flush * 1e6 / Double(rows) : 0
        return out
    }

    /// The five typical queries (`queries`, text terms included) through the index, as the workbench's `/` and
    /// `mentions list --query` ask them (the first 50 rows): one run each first, then `runs` timed — p50, p99 and
    /// the CPU p50 per query (`iqN_…`, ms) and the p50 of the five p50s (`iq_p50_ms`).
    static func queryFigures(_ dir: DataDirectory, runs: Int) throws -> [String: Double] {
        let index = try HistoryIndex(dir: dir)
        let env = QueryEnvironment(me: "anna", now: Date())
        var out: [String: Double] = [:]
        var p50s: [Double] = []
        for (i, text) in queries.enumerated() {
            let q = try Query.parse(text)
            _ = try index.search(q, environment: env, limit: 50)
            var wall: [Double] = [], cpu: [Double] = []
            for _ in 0..<runs {
                let c = Bench.threadCPU()
                wall.append(try Bench.time { try index.search(q, environment: env, limit: 50) }.1)
                cpu.append(Bench.threadCPU() - c)
            }
            p50s.append(Bench.percentile(wall, 0.5))
            out["iq\(i)_p50_ms"] = p50s.last! * 1000
            out["iq\(i)_p99_ms"] = Bench.percentile(wall, 0.99) * 1000
            out["iq\(i)_cpu_p50_ms"] = Bench.percentile(cpu, 0.5) * 1000
        }
        out["iq_p50_ms"] = Bench.percentile(p50s, 0.5) * 1000
        return out
    }
}
