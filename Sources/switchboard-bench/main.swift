import Foundation
import SwitchboardCore

// switchboard-bench [all|store|SECTION…] — release-mode benchmarks that print figures.
//   swift run -c release switchboard-bench            every section at 10k and 100k
//   swift run -c release switchboard-bench --large    also 1M mentions
//   switchboard-bench scale [--sizes 10k,100k,1M] [--json] [--json-file F] [--python PATH] [--keep]
//                                                     one table at every size with growth, peers (Scripts/bench)
//   switchboard-bench brands [--brands 20] [--mentions 100k] [--runs 20] [--cache DIR] [--fresh]
//                                                     the brands overview (B), brands kept under a temp dir
//   switchboard-bench window [--size 100k] [--dir DIR] [--runs N] [--modes memory,index,bounded]
//                                                     the workbench's first frame folded vs. from the index

var args = Array(CommandLine.arguments.dropFirst())
if args.first == "scale" {
    do { try ScaleBench.run(Array(args.dropFirst())) } catch {
        FileHandle.standardError.write(Data("switchboard-bench scale: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}
if args.first == "window" {
    do { try WindowBench.run(Array(args.dropFirst())) } catch {
        FileHandle.standardError.write(Data("switchboard-bench window: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}
if try ScalePhases.dispatch(args) { exit(0) }
if args.first == "brands", args.count > 1 {
    do { try BrandsBench.run(Array(args.dropFirst())) } catch {
        FileHandle.standardError.write(Data("switchboard-bench brands: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}
if args.first == "brands-overview", args.count == 2 {
    runBrandsOverview(args[1])
    exit(0)
}
if args.first == "open", args.count == 2 { try StoreBench.openAndReport(args[1]); exit(0) }
if args.first == "make-store", args.count == 2, let n = Int(args[1]) {
    let (dir, rate) = try StoreBench.build(n, name: "kept\(n)")
    print(dir.root.path, Int(rate))
    exit(0)
}
if args.first == "index-steps", args.count >= 2 {
    try IndexBench.steps(DataDirectory(root: URL(fileURLWithPath: args[1])), Set(args.dropFirst(2)))
    exit(0)
}
let large = args.contains("--large")
args.removeAll { $0.hasPrefix("--") }
let sections = args.isEmpty ? ["all"] : args
func wants(_ s: String) -> Bool { sections.contains("all") || sections.contains(s) }
let sizes = large ? [10_000, 100_000, 1_000_000] : [10_000, 100_000]

print(
    "switchboard-bench on \(ProcessInfo.processInfo.activeProcessorCount) cores, \(String(format: "%.0f", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824)) GB"
)
if wants("store") { try StoreBench.run(sizes: sizes) }
if wants("feeds") { runFeedBench() }
if wants("insight") { runInsightBench() }
if wants("ui") { runUIBench() }
if wants("crisis-ui") { runCrisisUIBench() }
if wants("network") { runNetworkBench() }
if wants("meta") { runMetaBench() }
if wants("youtube") { runYouTubeBench() }
if wants("x") { runXBench() }
if wants("terminal") { runTerminalBench() }
if wants("triage") { runTriageBench() }
if wants("contacts") { runContactsBench() }
if wants("report") { runReportBench(sizes: sizes) }
if wants("community-ui") { runCommunityUIBench() }
if wants("thread") { runThreadBench() }
if wants("index") { try IndexBench.run(sizes: sizes) }
if wants("brands") { runBrandsBench() }
