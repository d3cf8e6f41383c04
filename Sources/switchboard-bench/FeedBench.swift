import Foundation
import Listening
import SwitchboardCore

/// Feed files parsed per second over ../shared/corpora/feeds (skipped when absent), and import-format
/// lines decoded per second over a generated batch. Single thread; files read into memory first.
func runFeedBench() {
    print("== feeds")
    if let corpus = findFeedCorpus() {
        var files: [Data] = []
        if let e = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil) {
            for case let u as URL in e where ["xml", "rdf", "rss", "atom"].contains(u.pathExtension) {
                if let d = FileManager.default.contents(atPath: u.path) { files.append(d) }
            }
        }
        let base = URL(string: "http://127.0.0.1:8097/")
        var entries = 0
        var failures = 0
        for f in files {  // warm-up and a sanity count
            if let feed = try? FeedParser.parse(f, url: base) { entries += feed.entries.count } else { failures += 1 }
        }
        let t0 = DispatchTime.now().uptimeNanoseconds
        let c0 = threadCPUSeconds()
        var parsed = 0
        var elapsed = 0.0
        repeat {
            for f in files { _ = try? FeedParser.parse(f, url: base); parsed += 1 }
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        } while elapsed < 2
        let cpu = threadCPUSeconds() - c0
        let rate = Double(parsed) / elapsed
        let cpuRate = Double(parsed) / cpu
        print("feed parse: \(files.count) corpus files (\(entries) entries, \(failures) not a feed)")
        print(
            "  \(Int(rate)) files/s wall clock, \(Int(cpuRate)) files per CPU-second "
                + "(\(String(format: "%.1f", cpuRate / 4590))× feedparser's 4,590 files/s; wall/CPU differ when other processes share the cores)"
        )
    } else { print("feed parse: corpus ../shared/corpora/feeds not found: skipped") }

    // Import format: 100,000 generated lines like a real export (nested author, extra fields).
    var lines: [String] = []
    lines.reserveCapacity(100_000)
    for i in 0..<100_000 {
        lines.append(
            #"{"platform":"mastodon","id":"\#(109_000_000 + i)","text":"Is Acme Cloud down again? Third time this week #\#(i % 50) https://example.social/@user\#(i % 997)/\#(i)","created_at":"2026-11-\#(10 + i % 18)T\#(10 + i % 12):\#(10 + i % 50):00Z","url":"https://example.social/@user\#(i % 997)/\#(i)","author":{"handle":"user\#(i % 997)@example.social","name":"User \#(i % 997)","followers":\#(i % 5000)},"lang":"en","reblogs":\#(i % 7)}"#
        )
    }
    let data = Data(lines.joined(separator: "\n").utf8)
    let t1 = DispatchTime.now().uptimeNanoseconds
    let c1 = threadCPUSeconds()
    var decoded = 0
    var rounds = 0
    var el = 0.0
    repeat {
        let r = ImportFormat.decodeAll(data)
        decoded += r.mentions.count + r.rejects.count
        rounds += 1
        el = Double(DispatchTime.now().uptimeNanoseconds - t1) / 1e9
    } while el < 2
    let cpu1 = threadCPUSeconds() - c1
    print(
        "import format: \(Int(Double(decoded) / el)) lines/s wall clock, \(Int(Double(decoded) / cpu1)) lines per "
        + "CPU-second "
            + "(\(data.count / lines.count) bytes/line, \(rounds) rounds of 100,000)")
}

/// CPU time of the calling thread: the fair figure on a machine whose cores are shared.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func findFeedCorpus() -> URL? {
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    for up in ["..", "../.."] {
        let u = cwd.appendingPathComponent(up).appendingPathComponent("shared/corpora/feeds").standardizedFileURL
        if FileManager.default.fileExists(atPath: u.path) { return u }
    }
    return nil
}
