import Foundation
import Insight
import Listening
import SwitchboardCore

/// Analysis and feed-parsing throughput, ours and the peers' (Python vaderSentiment and feedparser), on the
/// same input. The parent writes one manifest — the feed files' paths and the English texts — and both sides
/// read it, so they work on exactly the same bytes. Fairness: each side reads its input into memory and
/// builds its analyser before the clock starts (process and interpreter start-up excluded), runs one
/// warm-up pass, then repeats whole passes on one thread for at least `seconds`; wall clock and the
/// thread's CPU time are both taken, and the ratio uses CPU time (steady when other processes share the cores).
enum ScalePeers {
    struct Manifest: Codable {
        var feeds: [String], texts: [String], textSource: String, seconds: Double
    }

    /// Writes the manifest: feed files from ../shared/corpora/feeds (none when absent) and English texts
    /// (the English dev set when ../shared is there, else generated English posts).
    static func writeManifest(to url: URL, seconds: Double) throws -> Manifest {
        var feeds: [String] = []
        let shared = findShared()
        if let shared,
            let e = FileManager.default.enumerator(
                at: shared.appendingPathComponent("corpora/feeds"), includingPropertiesForKeys: nil)
        {
            for case let u as URL in e where ["xml", "rdf", "rss", "atom"].contains(u.pathExtension) {
                feeds.append(u.path)
            }
        }
        feeds.sort()
        var texts: [String] = []
        var source = "generated English posts"
        if let shared,
            let s = try? String(
                contentsOfFile: shared.appendingPathComponent("devsets/sentiment-en-dev.tsv").path, encoding: .utf8)
        {
            for line in s.split(separator: "\n").dropFirst() {
                let p = line.split(separator: "\t", omittingEmptySubsequences: false)
                if p.count > 1 { texts.append(String(p[1])) }
            }
            source = "English dev set (\(texts.count) tweets)"
        }
        if texts.isEmpty {
            var gen = MentionGenerator(seed: 11)
            texts = (0..<2000).map { _ in gen.pick(MentionGenerator.en) + " " + gen.pick(ScaleData.tails) }
        }
        let m = Manifest(feeds: feeds, texts: texts, textSource: source, seconds: seconds)
        try JSONEncoder().encode(m).write(to: url)
        return m
    }

    /// The material beside the project: $SHARED, else ../shared or ../../shared from the working directory
    /// (a worktree under wt/ sits one level deeper than the main checkout).
    static func findShared() -> URL? {
        let fm = FileManager.default
        if let s = ProcessInfo.processInfo.environment["SHARED"], fm.fileExists(atPath: s) {
            return URL(fileURLWithPath: s)
        }
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath)
        for up in ["..", "../.."] {
            let u = cwd.appendingPathComponent(up).appendingPathComponent("shared").standardizedFileURL
            if fm.fileExists(atPath: u.appendingPathComponent("README.md").path) { return u }
        }
        return nil
    }

    static func load(_ url: URL) -> Manifest? {
        guard let d = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: d)
    }

    /// Whole passes over `count` items until `seconds` have gone by; items per second wall clock and per CPU-second.
    static func measure(count: Int, seconds: Double, _ pass: () -> Void) -> [String: Double] {
        pass()  // warm-up
        let t0 = Bench.now()
        let c0 = threadCPUSeconds()
        var passes = 0
        repeat {
            pass()
            passes += 1
        } while Bench.now() - t0 < seconds
        let wall = Bench.now() - t0
        let cpu = threadCPUSeconds() - c0
        return [
            "per_s": Double(passes * count) / wall, "per_cpu_s": Double(passes * count) / cpu, "items": Double(count),
            "passes": Double(passes),
        ]
    }

    /// `Analyzer.analyze` (language, sentiment, intents, crisis terms) with the starter team's terms.
    static func analysis(manifest: URL) -> [String: Double] {
        guard let m = load(manifest), !m.texts.isEmpty else { return [:] }
        let analyzer = Analyzer(team: StarterKit.teamConfig(brand: "Acme Cloud", user: "bench"))
        var sink = 0.0
        var r = measure(count: m.texts.count, seconds: m.seconds) {
            for t in m.texts { sink += analyzer.analyze(t).score }
        }
        if sink.isNaN { r["nan"] = 1 }
        return r
    }

    /// `FeedParser.parse` over every feed file, read into memory first.
    static func feeds(manifest: URL) -> [String: Double] {
        guard let m = load(manifest), !m.feeds.isEmpty else { return [:] }
        let files = m.feeds.compactMap { FileManager.default.contents(atPath: $0) }
        let base = URL(string: "http://127.0.0.1:8097/")
        var entries = 0
        var failures = 0
        for f in files {
            if let feed = try? FeedParser.parse(f, url: base) { entries += feed.entries.count } else { failures += 1 }
        }
        var r = measure(count: files.count, seconds: m.seconds) {
            for f in files { _ = try? FeedParser.parse(f, url: base) }
        }
        r["entries"] = Double(entries)
        r["not_a_feed"] = Double(failures)
        return r
    }

    /// Runs Scripts/bench-peers.py with `python` on the manifest; nil (with the reason) when it can't.
    static func runPython(_ python: String, manifest: URL) -> (result: [String: Any]?, note: String) {
        // Scripts/bench-peers.py from the working directory, else from the checkout the binary was built in (.build/…/release).
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var up = URL(fileURLWithPath: ChildProcess.selfPath).deletingLastPathComponent()
        for _ in 0..<4 { up = up.deletingLastPathComponent(); candidates.append(up) }
        guard
            let script = candidates.map({ $0.appendingPathComponent("Scripts/bench-peers.py").path })
                .first(where: { FileManager.default.fileExists(atPath: $0) })
        else { return (nil, "peers not measured: Scripts/bench-peers.py not found") }
        do {
            let r = try ChildProcess.run(python, [script, manifest.path], check: false)
            guard r.status == 0, let line = r.stdout.split(separator: "\n").last,
                let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            else {
                return (
                    nil,
                    "peers not measured: \(r.stderr.split(separator: "\n").last.map(String.init) ?? "exit \(r.status)")"
                )
            }
            return (obj, "")
        } catch {
            return (nil, "peers not measured: \(error)")
        }
    }
}
