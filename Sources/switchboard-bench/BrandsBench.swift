import Foundation
import HistoryIndex
import SwitchboardCore

/// The brands overview (`B`) of 20 brands with 100,000 mentions each: every row (new, overdue, due today, crisis)
/// read through the brand's history index as the workbench does (`HistoryIndex.brandSummary`), against folding each
/// brand's store (`BrandSummary.read`, what the overview did before). Each brand: 100,000 mentions over 30 days, all
/// but the newest 1,000 triaged (99,000 status actions), 20 queue items (3 due today); one brand in a crisis.
func runBrandsBench() {
    print("\nbrands (overview of 20 brands × 100k mentions)")
    do {
        let root = Bench.tempDir("brands")
        defer { try? FileManager.default.removeItem(at: root.root) }
        let first = DataDirectory(root: root.root.appendingPathComponent("brand-00"))
        let now = Date()
        let (_, build) = try Bench.time { try makeBrand(first, now: now) }
        Bench.row("one brand: 100k mentions, 99k actions, index", String(format: "%.1f s to make", build))
        var brands = [BrandList.Brand(name: "Brand 00", dir: first.root.path)]
        for i in 1..<20 {
            let dir = root.root.appendingPathComponent(String(format: "brand-%02d", i))
            try FileManager.default.copyItem(at: first.root, to: dir)
            brands.append(BrandList.Brand(name: String(format: "Brand %02d", i), dir: dir.path))
        }
        // One brand in a crisis.
        let p = Playbook(
            id: "outage", name: "Outage", severityLevels: ["major"], steps: [], holdingStatements: [], escalation: [])
        _ = try Store(dir: DataDirectory(root: URL(fileURLWithPath: brands[7].dir))).record(
            [.crisis(.start(CrisisStart(crisis: "c1", playbook: p, severity: "major")))], actor: "bench", now: now)
        measureOverview(brands, now: now)
    } catch {
        print("  brands bench failed: \(error)")
    }
}

/// Times the overview of `brands` through their indexes (first open, then five more) and by folding each store.
func measureOverview(_ brands: [BrandList.Brand], now: Date) {
    func overview() -> [BrandSummary] {
        brands.map { HistoryIndex.brandSummary($0, dir: DataDirectory(root: URL(fileURLWithPath: $0.dir)), now: now) }
    }
    let (rows, cold) = Bench.time { overview() }
    var times: [Double] = []
    for _ in 0..<5 { times.append(Bench.time { overview() }.1) }
    Bench.row("overview through the indexes, first open", String(format: "%.0f ms", cold * 1000))
    Bench.row(
        "overview through the indexes (\(rows.count) rows)",
        String(format: "p50 %.0f ms  min %.0f ms", Bench.percentile(times, 0.5) * 1000, times.min()! * 1000),
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
    let dirs = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
    let brands = dirs.map { BrandList.Brand(name: $0, dir: root + "/" + $0) }
    print("brands overview of \(brands.count) brands in \(root)")
    measureOverview(brands, now: Date())
}

/// One brand's data directory: team.json, 100k mentions, triage of all but the newest 1,000, 20 queue items, its
/// index made.
private func makeBrand(_ dir: DataDirectory, now: Date) throws {
    try FileManager.default.createDirectory(at: dir.root, withIntermediateDirectories: true)
    try StarterKit.initialise(dir, brand: "Brand", user: "bench")
    var gen = MentionGenerator(seed: 2323)
    let all = gen.mentions(100_000, base: now)
    let store = try Store(dir: dir)
    var i = 0
    while i < all.count {
        try store.ingest(Array(all[i..<min(all.count, i + 5000)]))
        i += 5000
    }
    let byAge = store.mentions.sorted { $0.createdAt < $1.createdAt }.map(\.key)
    let triaged = byAge.dropLast(1000).enumerated().map { n, k in
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
