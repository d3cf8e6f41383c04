import Foundation
import SwitchboardCore

/// Shared helpers for the release-mode benchmarks: timing, memory, realistic generated data.
enum Bench {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The calling thread's CPU time in seconds (what a step costs, whatever else the machine runs).
    static func threadCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    @discardableResult
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let t0 = now()
        let r = try body()
        return (r, now() - t0)
    }

    /// A value from /proc/self/status in MB (VmRSS, VmHWM).
    static func memoryMB(_ field: String = "VmHWM") -> Double {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in s.split(separator: "\n") where line.hasPrefix(field + ":") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }

    static func percentile(_ xs: [Double], _ p: Double) -> Double {
        guard !xs.isEmpty else { return 0 }
        let s = xs.sorted()
        return s[min(s.count - 1, Int(Double(s.count - 1) * p))]
    }

    static func tempDir(_ name: String) -> DataDirectory {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sb-bench-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return DataDirectory(root: root)
    }

    static func row(_ what: String, _ value: String, _ target: String = "") {
        let pad = what.count < 46 ? what + String(repeating: " ", count: 46 - what.count) : what
        print("  \(pad) \(value)\(target.isEmpty ? "" : "   (target \(target))")")
    }
}

/// Deterministic, realistic-looking mentions (English and German, several networks, authors with reach).
struct MentionGenerator {
    var seed: UInt64
    init(seed: UInt64 = 42) { self.seed = seed }

    /// Starts a bench section: prints its title; `n` generated mentions dated back from now, and the generator.
    static func benchSet(_ title: String, seed: UInt64, n: Int = 100_000) -> (Date, MentionGenerator, [Mention]) {
        print("\n" + title)
        let now = Date()
        var gen = MentionGenerator(seed: seed)
        let mentions = gen.mentions(n, base: now)
        return (now, gen, mentions)
    }

    mutating func next() -> UInt64 {
        seed &+= 0x9E3779B97F4A7C15
        var z = seed
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ xs: [T]) -> T { xs[Int(next() % UInt64(xs.count))] }

    static let en = [
        "Is anyone else seeing sync errors with Acme Cloud today? My files have been stuck for an hour",
        "@acmecloud how do I move my family plan to the business tier without losing shared folders?",
        "Honestly the new Acme Cloud desktop app is sooo much faster, great work 👏",
        "Switched from Dropbox to #AcmeCloud last month and not looking back",
        "Acme Cloud support took 3 days to answer. Not acceptable for a paid plan.",
        "does acme cloud have end-to-end encryption or not? can't find it in the docs",
        "Acme Cloud is down again?? 502 on every upload #outage",
        "Thanks @acmecloud for the quick help with my billing issue, really appreciated!",
        "NimbusDrive is cheaper but Acme Cloud's versioning saved my thesis 🙏",
        "Get 10,000 followers now!!! cheap and fast, DM me #AcmeCloud #growth",
    ]
    static let de = [
        "Weiß jemand, wie man bei Acme Cloud geteilte Ordner wiederherstellt",
        "Seit heute Morgen geht bei Acme Cloud gar nichts mehr. Sync kaputt, Support nicht erreichbar 😡",
        "Die neue Acme Cloud App ist echt super, endlich läuft der Upload stabil!",
        "@acmecloud Lohnt sich das Business-Abo für ein Team mit 5 Leuten?",
        "Nicht schlecht, aber die Preise sind für Studierende einfach zu hoch.",
        "Acme Cloud vs. Dropbox: unser Vergleich nach drei Monaten im Büroalltag",
        "Warum wird mir zweimal abgebucht? Bitte um Rückmeldung, Kundennummer per DM",
        "Großes Lob an das Team in Berlin – schnelle und freundliche Hilfe!",
    ]
    static let handles = (1...5000).map { "user\($0)@mastodon.example" }

    /// A mention posted up to `spread` seconds before `base` (30 days: a history, a backfill; an hour: what a
    /// listener brings in as it polls).
    mutating func mention(_ i: Int, base: Date, spread: UInt64 = 30 * 86400) -> Mention {
        let platform = pick(["mastodon", "mastodon", "bluesky", "bluesky", "rss"])
        let german = next() % 100 < 45
        let text =
            (german ? pick(MentionGenerator.de) : pick(MentionGenerator.en)) + (next() % 3 == 0 ? " #AcmeCloud" : "")
        let h = pick(MentionGenerator.handles)
        let followers = Int(next() % 100 < 95 ? next() % 2000 : next() % 250_000)
        let at = base.addingTimeInterval(-Double(next() % spread))
        return Mention(
            platform: platform, id: "\(platform)-post-\(i)-\(next() % 1_000_000)", text: text, createdAt: at,
            fetchedAt: at,
            url: "https://example.social/@\(h)/\(i)",
            author: Author(handle: h, name: "User \(i % 5000)", followers: followers),
            lang: german ? "de" : "en", source: platform)
    }

    mutating func mentions(_ n: Int, base: Date = Date()) -> [Mention] { (0..<n).map { mention($0, base: base) } }
}
