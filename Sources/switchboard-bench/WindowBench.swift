import Foundation

/// `switchboard-bench window [--size 100k] [--dir DIR] [--runs N] [--modes memory,index,bounded]`: the real workbench in tmux at 120×40 on one
/// history, opened three ways — `SWITCHBOARD_WINDOW=memory` (the store folded before the first frame) and `index`
/// (the first frame from the index while the store folds) and `bounded` (the index alone, page by page, no store) —
/// printing the first full frame, the workbench's peak
/// resident memory, and `j` key-to-frame p50/p99 (in process: over the folded store, `scale-ui`, and in a bounded
/// window, `scale-ui-bounded`), with the load average around the run.
/// `--modes bounded` leaves out the two ways that fold the whole store (and the in-process `j` over it): at 10M
/// they need ~11 GB and minutes, and the bounded window is what a large history opens with.
/// Without `--dir` the history is generated (as `scale` does: export, `ingest`, a team's triage) and the index built
/// with `switchboard reindex`; `--dir` reuses one kept from an earlier run.
enum WindowBench {
    static func run(_ args: [String]) throws {
        var n = 100_000
        var given: String?
        var runs = 3
        var modes = ["memory", "index", "bounded"]
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--size": n = try ScaleBench.size(value)
            case "--dir": given = value
            case "--runs": runs = max(1, Int(value) ?? 3)
            case "--modes":
                modes = value.split(separator: ",").map(String.init)
                guard !modes.isEmpty, modes.allSatisfy({ ["memory", "index", "bounded"].contains($0) }) else {
                    throw ChildProcess.Failure.exit("switchboard-bench window", 2, "--modes takes memory,index,bounded")
                }
            default: throw ChildProcess.Failure.exit("switchboard-bench window", 2, "unknown option \(args[i])")
            }
            i += 2
        }
        let binDir = URL(fileURLWithPath: ChildProcess.selfPath).deletingLastPathComponent()
        let binary = binDir.appendingPathComponent("switchboard").path
        if let problem = ScaleTerminal.available() { throw ChildProcess.Failure.exit("window", 1, problem) }
        let dir = try given.map { URL(fileURLWithPath: $0) } ?? generate(n, binary: binary)
        let loadBefore = ScaleBench.loadAverage()
        var lines: [String] = []
        for mode in modes {
            var frames: [Double] = []
            var peaks: [Double] = []
            for _ in 0..<runs {
                let t = try ScaleTerminal.run(binary: binary, dataDir: dir, env: ["SWITCHBOARD_WINDOW=\(mode)"])
                frames.append(t.firstFrameSeconds)
                if let p = t.peakMB { peaks.append(p) }
            }
            frames.sort()
            lines.append(
                String(
                    format: "%-7@ first full frame %.3f s (runs %@), peak RSS %@", mode as NSString,
                    frames[frames.count / 2],
                    frames.map { String(format: "%.3f", $0) }.joined(separator: " ") as NSString,
                    // No process to read: it ended before the reading (or was not found), never "0 MB".
                    (peaks.max().map { String(format: "%.0f MB", $0) } ?? "not read (the workbench was gone)")
                        as NSString))
        }
        let folded = modes.contains("memory") || modes.contains("index")
        let ui = try folded ? ChildProcess.phase("scale-ui", [dir.path]).values : [:]
        if folded {
            lines.append(
                String(
                    format: "j key-to-frame (in process, %@ rows): p50 %.2f ms, p99 %.2f ms",
                    Int(ui["rows"] ?? 0).grouped as NSString, ui["j_p50_ms"] ?? 0, ui["j_p99_ms"] ?? 0))
        }
        let bounded = try ChildProcess.phase("scale-ui-bounded", [dir.path])
        lines.append(
            String(
                format: "j key-to-frame (in process, bounded: the index page by page, %@ rows read of %@, %d pages): "
                    + "p50 %.2f ms, p99 %.2f ms, max %.2f ms; the thread's CPU per key p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                Int(bounded.values["rows"] ?? 0).grouped as NSString,
                Int(bounded.values["total"] ?? 0).grouped as NSString, Int(bounded.values["pages"] ?? 0),
                bounded.values["j_p50_ms"] ?? 0, bounded.values["j_p99_ms"] ?? 0, bounded.values["j_max_ms"] ?? 0,
                bounded.values["j_cpu_p50_ms"] ?? 0, bounded.values["j_cpu_p99_ms"] ?? 0,
                bounded.values["j_cpu_max_ms"] ?? 0))
        // With `--dir` the size is the history's, not the default.
        let size = given == nil ? n : Int(ui["rows"] ?? bounded.values["total"] ?? Double(n))
        print("switchboard-bench window: \(ScaleTable.label(size)) mentions in \(dir.path)")
        for l in lines { print(l) }
        print("load average before: \(loadBefore), after: \(ScaleBench.loadAverage())")
    }

    /// A history of `n` mentions with a team's triage and its index; kept (the path is printed) for `--dir`.
    static func generate(_ n: Int, binary: String) throws -> URL {
        let label = ScaleTable.label(n)
        let tmp = FileManager.default.temporaryDirectory
        let dir = tmp.appendingPathComponent("sb-window-\(label)-\(getpid())")
        let export = tmp.appendingPathComponent("sb-window-\(label)-\(getpid()).jsonl")
        defer { try? FileManager.default.removeItem(at: export) }
        let env = ["SWITCHBOARD_USER": "bench"]
        ScaleBench.progress("\(label): generating, ingesting, triage, reindex (kept in \(dir.path))")
        _ = try ScaleData.writeExport(count: n, to: export)
        try ChildProcess.run(binary, ["init", "--data-dir", dir.path, "--brand", "Acme Cloud"], env: env)
        try ChildProcess.run(binary, ["ingest", "--data-dir", dir.path, "--json", export.path], env: env)
        _ = try ChildProcess.phase("scale-triage", [dir.path])
        try ChildProcess.run(binary, ["reindex", "--data-dir", dir.path], env: env)
        return dir
    }
}
