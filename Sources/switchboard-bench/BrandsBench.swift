import Foundation
import HistoryIndex
import SwitchboardCore

/// `switchboard-bench brands [--brands 20] [--mentions 100k] [--runs 20] [--cache DIR] [--fresh]`: the brands
/// overview (`B`) of 20 brands with 100,000 mentions each, opened as the workbench opens it — `brands.json` read, then
/// every row (new, overdue, due today, crisis) through the brand's history index (`HistoryIndex.brandSummary`) —
/// with p50 and p95 over `--runs` openings, against folding each brand's store (`BrandSummary.read`, what the
/// overview did before). Each brand: the mentions over 30 days, all but the newest 1% triaged, 20 queue items (3 due
/// today); one brand in a crisis. The brands are generated once and kept under `--cache` (default
/// `$TMPDIR/sb-bench-brands-cache/BxM`, `--fresh` makes them again), each with its index already made, so a later
/// run times only the opening.
enum BrandsBench {
    struct Options {
        var brands = 20, mentions = 100_000, runs = 20
        var cache: String?
        var fresh = false
    }

    static func options(_ args: [String]) throws -> Options {
        var o = Options()
        var i = 0
        func fail(_ why: String) -> Error { ChildProcess.Failure.exit("switchboard-bench brands", 2, why) }
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--brands":
                guard let n = Int(value), n > 0, n <= 200 else { throw fail("bad --brands \(value)") }
                o.brands = n
            case "--mentions": o.mentions = try ScaleBench.size(value)
            case "--runs":
                guard let n = Int(value), n > 0 else { throw fail("bad --runs \(value)") }
                o.runs = n
            case "--cache": o.cache = value
            case "--fresh": (o.fresh, i) = (true, i - 1)
            default: throw fail("unknown option \(args[i])")
            }
            i += 2
        }
        return o
    }

    static func run(_ args: [String]) throws {
        let o = try options(args)
        print("\nbrands (overview of \(o.brands) brands × \(o.mentions) mentions)")
        let root = URL(
            fileURLWithPath: o.cache
                ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                    "sb-bench-brands-cache/\(o.brands)x\(o.mentions)"
                ).path)
        let (brands, now) = try cached(root, o)
        measureOverview(brands, file: root.appendingPathComponent("brands.json"), now: now, runs: o.runs)
        print("  (brands kept in \(root.path); --fresh makes them again)")
    }

    /// The brands under `root`, made now unless a complete earlier run left them (`made` holds its time).
    static func cached(_ root: URL, _ o: Options) throws -> ([BrandList.Brand], Date) {
        let marker = root.appendingPathComponent("made")
        let brands = (0..<o.brands).map { i in
            BrandList.Brand(
                name: String(format: "Brand %02d", i),
                dir: root.appendingPathComponent(String(format: "brand-%02d", i)).path)
        }
        if !o.fresh, let s = try? String(contentsOf: marker, encoding: .utf8), let at = Timestamp.parse(s) {
            Bench.row("brands from the cache", "made \(Timestamp.format(at))")
            return (brands, at)
        }
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let now = Date()
        let first = DataDirectory(root: URL(fileURLWithPath: brands[0].dir))
        let (_, build) = try Bench.time { try makeBrand(first, mentions: o.mentions, now: now) }
        Bench.row("one brand: mentions, triage, queue, index", String(format: "%.1f s to make", build))
        let (_, copies) = try Bench.time {
            for b in brands.dropFirst() {
                try FileManager.default.copyItem(at: first.root, to: URL(fileURLWithPath: b.dir))
                // A copied index is not trusted: each copy makes its own now, not in the timed opening.
                _ = try HistoryIndex(dir: DataDirectory(root: URL(fileURLWithPath: b.dir)))
            }
        }
        Bench.row("\(brands.count - 1) copies with their own index", String(format: "%.1f s to make", copies))
        // One brand in a crisis.
        if brands.count > 1 {
            let p = Playbook(
                id: "outage", name: "Outage", severityLevels: ["major"], steps: [], holdingStatements: [],
                escalation: [])
            _ = try Store(dir: DataDirectory(root: URL(fileURLWithPath: brands[min(7, brands.count - 1)].dir))).record(
                [.crisis(.start(CrisisStart(crisis: "c1", playbook: p, severity: "major")))], actor: "bench", now: now)
        }
        let list = try JSONEncoder().encode(["brands": brands])
        try list.write(to: root.appendingPathComponent("brands.json"))
        try Data(Timestamp.format(now).utf8).write(to: marker)
        return (brands, now)
    }

    /// One brand's data directory: team.json, `n` mentions, triage of all but the newest 1%, 20 queue items, its
    /// index made.
    static func makeBrand(_ dir: DataDirectory, mentions n: Int, now: Date) throws {
        try FileManager.default.createDirectory(at: dir.root, withIntermediateDirectories: true)
        try StarterKit.initialise(dir, brand: "Brand", user: "bench")
        var gen = MentionGenerator(seed: 2323)
        let all = gen.mentions(n, base: now)
        let store = try Store(dir: dir)
        var i = 0
        while i < all.count {
            try store.ingest(Array(all[i..<min(all.count, i + 5000)]))
            i += 5000
        }
        let byAge = store.mentions.sorted { $0.createdAt < $1.createdAt }.map(\.key)
        let triaged = byAge.dropLast(max(1, n / 100)).enumerated().map { n, k in
            Action.setStatus(mention: k, status: n % 3 == 0 ? .ignored : .answered)
        }
        var j = 0
        while j < triaged.count {
            _ = try store.record(Array(triaged[j..<min(triaged.count, j + 5000)]), actor: "bench")
            j += 5000
        }
        let queue = (0..<20).map { n in
            Action.queue(
                .add(
                    QueueDraft(
                        text: "Post \(n)", accounts: ["masto"],
                        scheduledAt: now.addingTimeInterval(n < 3 ? 600 + Double(n) * 60 : Double(n) * 86400),
                        createdAt: now)))
        }
        _ = try store.record(queue, actor: "bench")
        _ = try HistoryIndex(dir: dir)
    }
}

/// `switchboard-bench brands` in the `all` run: the default sizes.
func runBrandsBench() {
    do { try BrandsBench.run([]) } catch { print("  brands bench failed: \(error)") }
}

/// Times the overview as `B` opens it: `file` (brands.json) read, then every brand's row through its index; the
/// first opening, then `runs` more for p50 and p95; then once by folding each store.
func measureOverview(_ brands: [BrandList.Brand], file: URL? = nil, now: Date, runs: Int = 5) {
    func overview() -> [BrandSummary] {
        let list = file.flatMap { try? BrandList.load(from: $0) }?.brands ?? brands
        return BrandSummary.rows(list) {
            HistoryIndex.brandSummary($0, dir: DataDirectory(root: URL(fileURLWithPath: $0.dir)), now: now)
        }
    }
    let (rows, cold) = Bench.time { overview() }
    var times: [Double] = []
    for _ in 0..<runs { times.append(Bench.time { overview() }.1) }
    Bench.row("overview through the indexes, first open", String(format: "%.0f ms", cold * 1000))
    Bench.row(
        "overview through the indexes (\(rows.count) rows, \(runs) runs)",
        String(
            format: "p50 %.0f ms  p95 %.0f ms", Bench.percentile(times, 0.5) * 1000,
            Bench.percentile(times, 0.95) * 1000),
        "≤ 300 ms")
    let (folded, fold) = Bench.time {
        brands.map { BrandSummary.read($0, dir: DataDirectory(root: URL(fileURLWithPath: $0.dir)), now: now) }
    }
    Bench.row("overview by folding each store (before)", String(format: "%.0f ms", fold * 1000))
    Bench.row("rows equal to the fold: \(rows == folded ? "yes" : "NO")", rows.map { "\($0.new)/\($0.overdue)" }[0])
}

/// `switchboard-bench brands-overview DIR`: the overview of the brand directories under DIR (made by an earlier
/// `brands` run that was stopped, or by hand).
func runBrandsOverview(_ root: String) {
    let dirs = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted().filter {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: root + "/" + $0, isDirectory: &isDir) && isDir.boolValue
    }
    let brands = dirs.map { BrandList.Brand(name: $0, dir: root + "/" + $0) }
    print("brands overview of \(brands.count) brands in \(root)")
    measureOverview(brands, now: Date())
}
