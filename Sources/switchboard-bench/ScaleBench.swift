import Foundation
import SwitchboardCore

/// `switchboard-bench scale [--sizes 10k,100k,1M] [--history 10M=DIR] [--fold] [--json] [--json-file F] [--python PATH]
/// [--keep] [--seconds S]` (`switchboard-bench scale --from-json F` prints a saved run's table again): one run at every
/// size — realistic data generated as a JSON Lines export, ingested with the real `switchboard ingest` (which makes
/// the history index as it stores), a team's triage recorded, then each phase in a fresh process (issue 18's figures:
/// the real workbench in tmux and neomutt beside it, `j` in the bounded window, the five queries through the index,
/// `switchboard report` over 30 days, the catch-up after another process's 100 mentions, `switchboard reindex`, the
/// index's size; with `--fold` also the phases that fold the whole store) — and one table with how each figure grows. Analysis and feed parsing
/// don't depend on the store's size: they run once, beside the peers (Python vaderSentiment and feedparser,
/// when `--python` names an interpreter that has them).
enum ScaleBench {
    struct Options {
        var sizes = [10_000, 100_000, 1_000_000]
        var json = false
        var jsonFile: String?
        var python: String?
        var keep = false
        var seconds = 3.0
        /// Also the phases that fold the whole store (open + fold, the folded workbench, the queries over it): the
        /// workbench's `SWITCHBOARD_WINDOW=memory` and what every size used before the index (issue 18).
        var fold = false
        /// A size measured on a copy of an existing data directory instead of a generated one (`--history 10M=DIR`):
        /// no export, no `ingest` row, no triage recorded; every other phase as for a generated size.
        var history: [Int: String] = [:]
    }

    static func parse(_ args: [String]) throws -> Options {
        var o = Options()
        var i = 0
        while i < args.count {
            let a = args[i]
            func value() throws -> String {
                i += 1
                guard i < args.count else {
                    throw ChildProcess.Failure.exit("switchboard-bench scale", 2, "\(a) needs a value")
                }
                return args[i]
            }
            switch a {
            case "--sizes": o.sizes = try value().split(separator: ",").map { try size(String($0)) }
            case "--json": o.json = true
            case "--json-file": o.jsonFile = try value()
            case "--python": o.python = try value()
            case "--keep": o.keep = true
            case "--seconds": o.seconds = Double(try value()) ?? 3
            case "--fold": o.fold = true
            case "--history":
                let v = try value()
                guard let eq = v.firstIndex(of: "=") else {
                    throw ChildProcess.Failure.exit("switchboard-bench scale", 2, "--history wants SIZE=DIR, not \(v)")
                }
                let n = try size(String(v[..<eq]))
                o.history[n] = String(v[v.index(after: eq)...])
            default: throw ChildProcess.Failure.exit("switchboard-bench scale", 2, "unknown option \(a)")
            }
            i += 1
        }
        for n in o.history.keys where !o.sizes.contains(n) { o.sizes.append(n) }
        o.sizes.sort()
        return o
    }

    static func size(_ s: String) throws -> Int {
        let t = s.lowercased().trimmingCharacters(in: .whitespaces)
        let mult = t.hasSuffix("m") ? 1_000_000 : t.hasSuffix("k") ? 1000 : 1
        guard let n = Int(mult == 1 ? t : String(t.dropLast())), n > 0 else {
            throw ChildProcess.Failure.exit("switchboard-bench scale", 2, "bad size \(s) (like 10k, 100k, 1M)")
        }
        return n * mult
    }

    static func progress(_ s: String) { FileHandle.standardError.write(Data("[\(Timestamp.nowShort())] \(s)\n".utf8)) }

    static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").prefix(3).joined(
            separator: " ")
    }

    static func run(_ args: [String]) throws {
        if args.first == "--from-json", args.count >= 2 {
            let report = try ScaleReport(json: try Data(contentsOf: URL(fileURLWithPath: args[1])))
            print(args.contains("--json") ? try report.json() : report.text())
            return
        }
        let o = try parse(args)
        let binDir = URL(fileURLWithPath: ChildProcess.selfPath).deletingLastPathComponent()
        let binary = binDir.appendingPathComponent("switchboard").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw ChildProcess.Failure.exit(
                "switchboard-bench scale", 1,
                "\(binary) not found: build it first (Scripts/bench does: swift build -c release)")
        }
        let loadBefore = loadAverage()
        let started = Date()
        var perSize: [[String: Double]] = []
        let terminalProblem = ScaleTerminal.available()
        var skipped: [String] = []
        for n in o.sizes {
            if let why = o.history[n].map({ historyRoomProblem($0) }) ?? roomProblem(n) {
                progress("\(ScaleTable.label(n)): skipped: \(why)")
                skipped.append("\(ScaleTable.label(n)) skipped: \(why)")
                perSize.append(["n": Double(n)])
                continue
            }
            perSize.append(try runSize(n, binary: binary, options: o, terminal: terminalProblem == nil))
        }
        for r in perSize where r["ingest_indexed"] == 0 {
            skipped.append(
                "ingest at \(ScaleTable.label(Int(r["n"] ?? 0))) made no index: its export is under 16 MB (the "
                    + "workbench's threshold), so the index was built by `reindex` after it")
        }
        if terminalProblem == nil && ScaleMutt.binary == nil {
            skipped.append("neomutt rows skipped: neomutt is not installed (apt-get install -y neomutt)")
        }

        progress("analysis and feed parsing, ours and the peers'")
        let tmp = FileManager.default.temporaryDirectory
        let manifestURL = tmp.appendingPathComponent("sb-scale-manifest-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: manifestURL) }
        let manifest = try ScalePeers.writeManifest(to: manifestURL, seconds: o.seconds)
        let analysis = try ChildProcess.phase("scale-analysis", [manifestURL.path])
        let feeds = manifest.feeds.isEmpty ? nil : try ChildProcess.phase("scale-feeds", [manifestURL.path])
        var peers: [String: Any]?
        var peerNote = o.python == nil ? "peers not measured: no --python given (Scripts/bench sets one up)" : ""
        if let py = o.python { (peers, peerNote) = ScalePeers.runPython(py, manifest: manifestURL) }

        let report = ScaleReport(
            options: o, perSize: perSize, analysis: analysis.values, feeds: feeds?.values,
            manifest: manifest, peers: peers,
            notes: ([peerNote, terminalProblem.map { "real-binary rows skipped: \($0)" } ?? ""] + skipped).filter {
                !$0.isEmpty
            },
            loadBefore: loadBefore, loadAfter: loadAverage(), started: started,
            seconds: Date().timeIntervalSince(started), machineLine: nil)
        if let f = o.jsonFile { try Data(try report.json().utf8).write(to: URL(fileURLWithPath: f)) }
        if o.json { print(try report.json()) } else { print(report.text()) }
    }

    /// Why a size cannot run here (the disk under `$TMPDIR` or the memory too small for it), or nil. A mention costs
    /// about 370 bytes in the export, 600 in the data directory (with its index ~1.2 KB) and up to 1.4 KB resident in
    /// neomutt beside it and in the phases that fold the store (`--fold`); the 10M size needs about 12 GB of disk and
    /// 14 GB of memory.
    static func roomProblem(_ n: Int) -> String? {
        var fs = statvfs()
        let tmp = FileManager.default.temporaryDirectory.path
        let free = statvfs(tmp, &fs) == 0 ? Double(fs.f_bavail) * Double(fs.f_frsize) : .infinity
        let needDisk = Double(n) * 1_200
        if free < needDisk {
            return String(format: "needs %.1f GB free under %@, has %.1f GB", needDisk / 1e9, tmp, free / 1e9)
        }
        let needMemory = Double(n) * 1_400
        let memory = Double(ProcessInfo.processInfo.physicalMemory)
        if memory < needMemory {
            return String(format: "needs %.1f GB of memory, has %.1f GB", needMemory / 1e9, memory / 1e9)
        }
        return nil
    }

    /// Why a copy of the data directory `path` (and a rebuild of its index beside the old one) has no room under
    /// `$TMPDIR`, or nil.
    static func historyRoomProblem(_ path: String) -> String? {
        guard FileManager.default.fileExists(atPath: path + "/log") else { return "\(path) is no data directory" }
        var fs = statvfs()
        let tmp = FileManager.default.temporaryDirectory.path
        let free = statvfs(tmp, &fs) == 0 ? Double(fs.f_bavail) * Double(fs.f_frsize) : .infinity
        let whole = Double(ScaleData.diskUsage(URL(fileURLWithPath: path)).bytes)
        let index = Double(ScaleData.diskUsage(URL(fileURLWithPath: path + "/index")).bytes)
        let need = (whole + index) * 1.1
        return free < need ? String(format: "needs %.1f GB free under %@, has %.1f GB", need / 1e9, tmp, free / 1e9) : nil
    }

    /// Everything measured at one size, each phase in its own process.
    static func runSize(_ n: Int, binary: String, options o: Options, terminal: Bool) throws -> [String: Double] {
        let label = ScaleTable.label(n)
        let tmp = FileManager.default.temporaryDirectory
        let dir = tmp.appendingPathComponent("sb-scale-\(label)-\(getpid())")
        let export = tmp.appendingPathComponent("sb-scale-\(label)-\(getpid()).jsonl")
        try? FileManager.default.removeItem(at: dir)
        defer {
            try? FileManager.default.removeItem(at: export)
            if !o.keep { try? FileManager.default.removeItem(at: dir) } else { progress("kept \(dir.path)") }
        }
        var r: [String: Double] = ["n": Double(n)]
        if let source = o.history[n] {
            progress("\(label): copying \(source)")
            try ChildProcess.run("/bin/cp", ["-a", source, dir.path])
        } else {
            progress("\(label): generating the export")
            let (bytes, gen) = try Bench.time { try ScaleData.writeExport(count: n, to: export) }
            r["export_bytes"] = Double(bytes)
            r["generate_s"] = gen
            try ChildProcess.run(
                binary, ["init", "--data-dir", dir.path, "--brand", "Acme Cloud"], env: ["SWITCHBOARD_USER": "bench"])

            progress("\(label): switchboard ingest (\(bytes / 1_048_576) MB)")
            let ingest = try ChildProcess.run(
                binary, ["ingest", "--data-dir", dir.path, "--json", export.path], env: ["SWITCHBOARD_USER": "bench"])
            if let obj = try? JSONSerialization.jsonObject(with: Data(ingest.stdout.utf8)) as? [String: Any],
                let new = (obj["new"] as? NSNumber)?.intValue, new != n
            {
                progress("\(label): warning: ingest stored \(new) of \(n) mentions")
            }
            r["ingest_rate"] = Double(n) / ingest.seconds
            r["ingest_s"] = ingest.seconds
            r["ingest_mb"] = ingest.peakMB
            r["ingest_cpu_rate"] = Double(n) / ingest.cpuSeconds
            r["ingest_indexed"] = FileManager.default.fileExists(atPath: dir.path + "/index/history.sqlite") ? 1 : 0
            try? FileManager.default.removeItem(at: export)

            progress("\(label): recording a team's triage")
            let triage = try ChildProcess.phase("scale-triage", [dir.path])
            r["actions"] = triage.values["actions"]
        }
        let env = ["SWITCHBOARD_USER": "bench"]

        // The index from the logs, as `switchboard reindex` makes it (a small export's `ingest` made none).
        progress("\(label): switchboard reindex")
        let reindex = try ChildProcess.run(binary, ["reindex", "--data-dir", dir.path], env: env)
        r["reindex_s"] = reindex.seconds
        r["reindex_cpu_s"] = reindex.cpuSeconds
        r["reindex_mb"] = reindex.peakMB
        let logs = ScaleData.diskUsage(dir.appendingPathComponent("log")).bytes
        let indexBytes = ScaleData.diskUsage(dir.appendingPathComponent("index")).bytes
        r["index_mb"] = Double(indexBytes) / 1_048_576
        r["index_per_logs"] = Double(indexBytes) / Double(max(1, logs))

        progress("\(label): switchboard report --since 30d")
        var reports: [Double] = [], reportCPU: [Double] = []
        for i in 0..<6 {
            let rep = try ChildProcess.run(binary, ["report", "--data-dir", dir.path, "--since", "30d"], env: env)
            if i == 0 {
                r["report_first_s"] = rep.seconds
            } else {
                reports.append(rep.seconds)
                reportCPU.append(rep.cpuSeconds)
            }
        }
        r["report_s"] = Bench.percentile(reports, 0.5)
        r["report_cpu_s"] = Bench.percentile(reportCPU, 0.5)

        progress("\(label): the five queries through the index")
        let iq = try ChildProcess.phase("scale-index-query", [dir.path])
        for (k, v) in iq.values { r[k] = v }
        r["index_query_mb"] = iq.peakMB

        progress("\(label): the bounded workbench in process (first window, 3,000 keys)")
        let bounded = try ChildProcess.phase("scale-ui-bounded", [dir.path])
        for k in ["j_p50_ms", "j_p99_ms", "j_cpu_p99_ms"] { r["bounded_" + k] = bounded.values[k] }
        r["bounded_mb"] = bounded.peakMB

        if o.fold {
            progress("\(label): open + fold")
            let open = try ChildProcess.phase("scale-open", [dir.path])
            r["open_s"] = open.values["seconds"]
            r["open_cpu_s"] = open.values["cpu_s"]
            r["open_mb"] = open.peakMB

            progress("\(label): workbench (first frame, 3,000 keys)")
            let ui = try ChildProcess.phase("scale-ui", [dir.path])
            for k in ["first_frame_s", "open_and_frame_s", "open_and_frame_cpu_s", "j_p50_ms", "j_p99_ms"] {
                r[k] = ui.values[k]
            }
            r["ui_mb"] = ui.peakMB

            progress("\(label): queries")
            let q = try ChildProcess.phase("scale-query", [dir.path])
            for (k, v) in q.values { r[k] = v }
            r["query_mb"] = q.peakMB
        }

        if terminal {
            progress("\(label): the real workbench in tmux")
            do {
                let t = try ScaleTerminal.run(binary: binary, dataDir: dir)
                r["tty_first_frame_s"] = t.firstFrameSeconds
                r["tty_first_byte_s"] = t.firstByteSeconds
                r["tty_first_frame_bytes"] = Double(t.firstFrameBytes)
                let sorted = t.bytesPerJ.sorted()
                if !sorted.isEmpty {
                    r["bytes_per_j"] = Double(sorted[sorted.count / 2])
                    r["bytes_per_j_max"] = Double(sorted.last!)
                }
                if let p = t.peakMB { r["tty_mb"] = p }
            } catch {
                progress("\(label): the real workbench in tmux failed: \(error)")
            }
        }
        if terminal, ScaleMutt.binary != nil {
            progress("\(label): neomutt on an mbox of \(label) messages in tmux")
            do {
                if let m = try ScaleMutt.run(count: n) {
                    r["mutt_first_frame_s"] = m.firstFrameSeconds
                    if let p = m.peakMB { r["mutt_mb"] = p }
                }
            } catch {
                progress("\(label): neomutt failed: \(error)")
            }
        }
        // Last: it appends 2,500 mentions.
        progress("\(label): catch-up after another process's 100 mentions")
        let cu = try ChildProcess.phase("scale-catchup", [dir.path])
        for (k, v) in cu.values { r["catchup_" + k] = v }

        let du = ScaleData.diskUsage(dir)
        r["disk_bytes"] = Double(du.bytes)
        r["disk_files"] = Double(du.files)
        progress("\(label): done (load average \(loadAverage()))")
        return r
    }
}

extension Timestamp {
    static func nowShort() -> String { String(Timestamp.format(Date()).dropFirst(11).prefix(8)) }
}
