import Foundation
import SwitchboardCore

/// The scale run's results as one table (text) or one JSON document.
struct ScaleReport {
    var options: ScaleBench.Options, perSize: [[String: Double]], analysis: [String: Double]
    var feeds: [String: Double]?
    var manifest: ScalePeers.Manifest
    var peers: [String: Any]?
    var notes: [String], loadBefore: String, loadAfter: String, started: Date, seconds: Double
    /// The machine line, as measured (kept when a saved run is printed again).
    var machineLine: String?

    var sizes: [Int] { options.sizes }

    /// The figures read as they are from one key each: name, unit, kind, key.
    private typealias Figure = (name: String, unit: String, kind: ScaleRow.Kind, key: String)

    /// Issue 18's figures, each read from one key: name, unit, kind, key (the five queries follow the first block).
    private static let timings: [Figure] = [
        ("ingest (`switchboard ingest`: decode + analyse + store + the index, fsync per 5,000)", "/s", .throughput,
            "ingest_rate"),
        ("  per CPU-second (user + system)", "/s", .throughput, "ingest_cpu_rate"),
        ("first full frame, real binary in tmux 120×40 (launch → frame written)", "s", .total, "tty_first_frame_s"),
        ("neomutt: first index screen in tmux (an mbox of as many messages)", "s", .total, "mutt_first_frame_s"),
        ("peak memory: real workbench in tmux", "MB", .total, "tty_mb"),
        ("peak memory: neomutt in tmux (the same size)", "MB", .total, "mutt_mb"),
        ("`j` key-to-frame p50 (bounded window, in process, 3,000 keys)", "ms", .perOperation, "bounded_j_p50_ms"),
        ("`j` key-to-frame p99", "ms", .perOperation, "bounded_j_p99_ms"),
        ("  its CPU p99", "ms", .perOperation, "bounded_j_cpu_p99_ms"),
        ("bytes written per `j` (real binary, median of 20)", "B", .perOperation, "bytes_per_j"),
        ("query p50, the five typical queries through the index (text terms included)", "ms", .perOperation,
            "iq_p50_ms"),
    ]

    /// After the five queries.
    private static let indexFigures: [Figure] = [
        ("`switchboard report --since 30d`, warm (p50 of 5)", "s", .total, "report_s"),
        ("  CPU", "s", .total, "report_cpu_s"),
        ("  the first, right after `reindex`", "s", .total, "report_first_s"),
        ("catch-up after another process's 100 mentions, open index, last hour (p50)", "ms", .perOperation,
            "catchup_hour_p50_ms"),
        ("  its thread's CPU", "ms", .perOperation, "catchup_hour_cpu_p50_ms"),
        ("  100 posted over 30 days (p50)", "ms", .perOperation, "catchup_month_p50_ms"),
        ("  in a new process (p50 of 5)", "ms", .perOperation, "catchup_new_process_p50_ms"),
        ("`switchboard reindex` from the logs", "s", .total, "reindex_s"),
        ("  CPU (user + system)", "s", .total, "reindex_cpu_s"),
        ("  peak memory", "MB", .total, "reindex_mb"),
        ("index on disk", "MB", .total, "index_mb"),
        ("  against the logs", "×", .perOperation, "index_per_logs"),
    ]

    /// The phases that fold the whole store (`--fold`): the memory mode, and every size before the index.
    private static let fold: [Figure] = [
        ("fold: open the store + fold the state", "s", .total, "open_s"),
        ("  CPU time (both cores' decoders)", "s", .total, "open_cpu_s"),
        ("fold: first frame in-process (open + state + render 120×40)", "s", .total, "open_and_frame_s"),
        ("  CPU time", "s", .total, "open_and_frame_cpu_s"),
        ("  of which first frame after the open (wall)", "s", .total, "first_frame_s"),
        ("fold: `j` key-to-frame p50 (3,000 keys)", "ms", .perOperation, "j_p50_ms"),
        ("fold: `j` key-to-frame p99", "ms", .perOperation, "j_p99_ms"),
    ]

    /// Peak memory (MB) per phase: phase, key.
    private static let memory = [
        ("ingest", "ingest_mb"), ("bounded window in process (3,000 keys)", "bounded_mb"),
        ("queries through the index", "index_query_mb"), ("fold: open + fold", "open_mb"),
        ("fold: workbench in-process (frame + 3,000 keys)", "ui_mb"), ("fold: queries", "query_mb"),
    ]

    func rows() -> [ScaleRow] {
        func v(_ key: String, _ f: (Double) -> Double = { $0 }) -> [Double?] { perSize.map { $0[key].map(f) } }
        func row(_ f: Figure) -> ScaleRow { ScaleRow(name: f.name, unit: f.unit, kind: f.kind, values: v(f.key)) }
        var rows = Self.timings.map(row)
        for (i, q) in IndexBench.queries.enumerated() {
            rows.append(ScaleRow(name: "  query `\(q)` p50", unit: "ms", kind: .perOperation, values: v("iq\(i)_p50_ms")))
        }
        rows += Self.indexFigures.map(row)
        rows += Self.fold.map(row)
        for (i, q) in ScalePhases.queryTexts.enumerated() {
            rows.append(
                ScaleRow(name: "fold: query `\(q)` p50", unit: "ms", kind: .perOperation, values: v("q\(i)_p50_ms")))
        }
        let worst: [Double?] = perSize.map { r in
            let ps = ScalePhases.queryTexts.indices.compactMap { r["q\($0)_p99_ms"] }
            return ps.max()
        }
        let cpuMean: [Double?] = perSize.map { r in
            let ps = ScalePhases.queryTexts.indices.compactMap { r["q\($0)_cpu_p50_ms"] }
            return ps.isEmpty ? nil : ps.reduce(0, +) / Double(ps.count)
        }
        rows += [
            ScaleRow(
                name: "fold: queries: CPU time p50, mean of the \(ScalePhases.queryTexts.count)", unit: "ms",
                kind: .perOperation, values: cpuMean),
            ScaleRow(
                name: "fold: queries: worst p99 of the \(ScalePhases.queryTexts.count) (25 runs each)", unit: "ms",
                kind: .perOperation, values: worst),
        ]
        rows += Self.memory.map { ScaleRow(name: "peak memory: " + $0, unit: "MB", kind: .total, values: v($1)) }
        rows += [
            ScaleRow(
                name: "data directory on disk", unit: "MB", kind: .total, values: v("disk_bytes") { $0 / 1_048_576 }),
            ScaleRow(
                name: "  per mention (mentions + triage + analyses + index)", unit: "B", kind: .perOperation,
                values: perSize.map { r in r["disk_bytes"].flatMap { b in r["n"].map { b / $0 } } }),
        ]
        // A phase not run (the fold without `--fold`, ingest for a size copied from a history) leaves no row.
        return rows.filter { $0.values.contains { $0 != nil } }
    }

    /// Ours vs the peer: (our figures, the peer's, the ratio of per-CPU-second rates).
    func peer(_ key: String) -> (name: String, perS: Double, perCPU: Double)? {
        guard let p = peers?[key] as? [String: Any], let s = (p["per_s"] as? NSNumber)?.doubleValue,
            let c = (p["per_cpu_s"] as? NSNumber)?.doubleValue
        else { return nil }
        let name = key == "vader" ? "vaderSentiment" : key
        return ("\(name) \(p["version"] as? String ?? "")", s, c)
    }

    func throughputTable() -> String {
        var t = [
            [
                "figure (1 thread, same input)", "Switchboard", "per CPU-second", "peer", "peer per CPU-second",
                "ratio (CPU)",
            ]
        ]
        func add(_ name: String, _ ours: [String: Double]?, _ peerKey: String, unit: String) {
            guard let ours, let s = ours["per_s"], let c = ours["per_cpu_s"] else { return }
            var row = [name, ScaleTable.grouped(s) + unit, ScaleTable.grouped(c) + unit]
            if let p = peer(peerKey) {
                row += [
                    p.name + ": " + ScaleTable.grouped(p.perS) + unit, ScaleTable.grouped(p.perCPU) + unit,
                    String(format: "%.1f×", c / p.perCPU),
                ]
            } else {
                row += ["—", "—", "—"]
            }
            t.append(row)
        }
        add(
            "analysis: \(manifest.textSource) (ours: language + sentiment + intents; VADER: sentiment)", analysis,
            "vader", unit: " texts/s")
        if let feeds {
            add(
                "feed parsing: \(manifest.feeds.count) files of ../shared/corpora/feeds", feeds, "feedparser",
                unit: " files/s")
        }
        return ScaleTable.markdown(t)
    }

    func machine() -> String {
        if let machineLine { return machineLine }
        let p = ProcessInfo.processInfo
        var s =
            "\(p.activeProcessorCount) cores, \(String(format: "%.0f", Double(p.physicalMemory) / 1_073_741_824)) GB"
        if let v = p.environment["SB_SWIFT_VERSION"], !v.isEmpty { s += ", \(v)" }
        return s
    }

    func text() -> String {
        let secs = Int(seconds)
        var out = [
            "switchboard-bench scale on \(machine()); load average \(loadBefore) before, \(loadAfter) after; "
                + "\(secs / 60) min \(secs % 60) s",
            "", ScaleTable.render(rows(), sizes: sizes), "", throughputTable(),
        ]
        if feeds == nil { out.append("feed parsing skipped: ../shared/corpora/feeds not found") }
        out += notes
        out.append(
            "Scaling: the exponent k in cost ∝ N^k from the smallest to the largest size (for rates, of the total "
                + "time N/rate): "
                + "flat < 0.15 ≤ sublinear < 0.85 ≤ linear ≤ 1.15 < superlinear. For times and memory with a fixed base "
                + "(process, runtime) the marginal cost decides: what each added mention costs between the last two sizes "
                + "over the first two (0.8–1.25: linear above a base).")
        return out.joined(separator: "\n")
    }

    func json() throws -> String {
        var peerObj: [String: Any] = [:]
        for k in ["vader", "feedparser"] { if let p = peers?[k] { peerObj[k] = p } }
        let doc: [String: Any] = [
            "machine": machine(), "load_before": loadBefore, "load_after": loadAfter,
            "started": Timestamp.format(started),
            "seconds": seconds, "sizes": sizes.map(ScaleTable.label),
            "rows": ScaleTable.json(rows(), sizes: sizes), "raw": perSize,
            "analysis": analysis, "analysis_texts": manifest.textSource, "feeds": feeds ?? NSNull(),
            "feed_files": manifest.feeds.count,
            "peers": peerObj, "python": peers?["python"] ?? NSNull(), "notes": notes,
        ]
        return String(
            decoding: try JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys]),
            as: UTF8.self)
    }
}

extension ScaleReport {
    /// A saved run (`--json-file`) read back, to print its table again: `switchboard-bench scale --from-json FILE`.
    init(json data: Data) throws {
        guard let d = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let raw = d["raw"] as? [[String: Any]], let labels = d["sizes"] as? [String]
        else { throw ChildProcess.Failure.exit("switchboard-bench scale --from-json", 1, "not a saved scale run") }
        func numbers(_ o: Any?) -> [String: Double] {
            var out: [String: Double] = [:]
            for (k, v) in (o as? [String: Any]) ?? [:] { if let n = v as? NSNumber { out[k] = n.doubleValue } }
            return out
        }
        var o = ScaleBench.Options()
        o.sizes = try labels.map(ScaleBench.size)
        let feeds = numbers(d["feeds"])
        self.init(
            options: o, perSize: raw.map(numbers), analysis: numbers(d["analysis"]), feeds: feeds.isEmpty ? nil : feeds,
            manifest: ScalePeers.Manifest(
                feeds: Array(repeating: "", count: (d["feed_files"] as? NSNumber)?.intValue ?? 0), texts: [],
                textSource: d["analysis_texts"] as? String ?? "", seconds: 0),
            peers: d["peers"] as? [String: Any], notes: d["notes"] as? [String] ?? [],
            loadBefore: d["load_before"] as? String ?? "", loadAfter: d["load_after"] as? String ?? "",
            started: (d["started"] as? String).flatMap(Timestamp.parse) ?? Date(),
            seconds: (d["seconds"] as? NSNumber)?.doubleValue ?? 0, machineLine: d["machine"] as? String)
    }
}
