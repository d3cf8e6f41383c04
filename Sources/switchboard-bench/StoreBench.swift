import Foundation
import SwitchboardCore

/// Store figures: ingest throughput, time and peak memory to open a store of N mentions with the state folded.
enum StoreBench {
    /// Writes a store of `n` mentions (and some actions) and returns its directory.
    static func build(_ n: Int, name: String) throws -> (DataDirectory, Double) {
        let dir = Bench.tempDir(name)
        try StarterKit.initialise(
            DataDirectory(root: dir.root.appendingPathComponent("x")), brand: "Acme", user: "bench")
        var gen = MentionGenerator(seed: UInt64(n))
        let all = gen.mentions(n)
        let store = try Store(dir: dir)
        let batch = 5000
        let (_, secs) = try Bench.time {
            var i = 0
            while i < all.count { try store.ingest(Array(all[i..<min(all.count, i + batch)])); i += batch }
        }
        // Every tenth mention triaged, as a working team would.
        let keys = store.mentions.map(\.key)
        var actions: [Action] = []
        for (i, k) in keys.enumerated() where i % 10 == 0 {
            actions.append(.setStatus(mention: k, status: i % 20 == 0 ? .answered : .open))
            if i % 30 == 0 { actions.append(.assign(mention: k, user: "anna")) }
        }
        var j = 0
        while j < actions.count {
            try store.record(Array(actions[j..<min(actions.count, j + 5000)]), actor: "bench")
            j += 5000
        }
        return (dir, Double(n) / secs)
    }

    /// Runs `switchboard-bench open DIR` in a child so its peak memory is the open's alone.
    static func openInChild(_ dir: DataDirectory) -> (Double, Double)? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: p.executableURL!.path) {
            p.executableURL = Bundle.main.executableURL
        }
        p.arguments = ["open", dir.root.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        do { try p.run() } catch { return nil }
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let nums = out.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return nums.count >= 2 ? (nums[0], nums[1]) : nil
    }

    /// `switchboard-bench open DIR`: prints "SECONDS PEAK_MB".
    static func openAndReport(_ path: String) throws {
        let (store, secs) = try Bench.time { try Store(dir: DataDirectory(root: URL(fileURLWithPath: path))) }
        _ = store.states().count
        print(
            String(format: "%.4f %.1f", secs, Bench.memoryMB("VmHWM")),
            String(format: "rss %.1f", Bench.memoryMB("VmRSS")), MemoryLayout<Mention>.size)
    }

    static func diskMB(_ dir: DataDirectory) -> Double {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.logDir.path)) ?? []
        var total = 0
        for n in names {
            total +=
                ((try? FileManager.default.attributesOfItem(atPath: dir.logDir.appendingPathComponent(n).path))?[.size]
                    as? Int) ?? 0
        }
        return Double(total) / 1_048_576
    }

    static func run(sizes: [Int]) throws {
        print("Store (JSON Lines logs, flock + fsync per ingest call of 5,000)")
        for n in sizes {
            let (dir, rate) = try build(n, name: "store\(n)")
            Bench.row(
                "\(n) mentions: ingest throughput", String(format: "%.0f mentions/s", rate),
                n == 100_000 ? "≥ 50,000/s" : "")
            if let (secs, mb) = openInChild(dir) {
                Bench.row("\(n) mentions: open + fold", String(format: "%.3f s", secs), n == 100_000 ? "≤ 0.5 s" : "")
                Bench.row(
                    "\(n) mentions: peak memory (open)", String(format: "%.1f MB", mb), n == 100_000 ? "≤ 150 MB" : "")
            }
            Bench.row("\(n) mentions: size on disk", String(format: "%.1f MB", diskMB(dir)))
            let store = try Store(dir: dir)
            let (_, idle) = try Bench.time { for _ in 0..<1000 { _ = try store.refresh() } }
            Bench.row("\(n) mentions: refresh with nothing new", String(format: "%.1f µs", idle * 1000))
            try? FileManager.default.removeItem(at: dir.root)
        }
    }
}
