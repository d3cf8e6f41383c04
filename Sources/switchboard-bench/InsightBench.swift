import Foundation
import Insight
import SwitchboardCore

/// Texts per second of `Analyzer.analyze` (language + sentiment + intents + crisis terms together), on one thread
/// and on every core, over the dev sets in ../shared when present, else over generated tweet-like texts.
func runInsightBench() {
    let found = insightDevTexts()
    let source = found.isEmpty ? "generated" : "dev sets"
    let texts = found.isEmpty ? generatedTexts(4000) : found
    let analyzer = Analyzer(crisisTerms: ["outage", "Ausfall", "Datenleck", "boycott"], brandTerms: ["Switchboard"])
    _ = analyzer.analyze("warm up")
    // Fixed work for instruction counting (valgrind --tool=callgrind): INSIGHT_BENCH_PASSES=N [INSIGHT_BENCH_LANG=en|de].
    if let p = ProcessInfo.processInfo.environment["INSIGHT_BENCH_PASSES"], let passes = Int(p) {
        let lang = ProcessInfo.processInfo.environment["INSIGHT_BENCH_LANG"]
        let part = lang == "en" ? Array(texts.prefix(2000)) : lang == "de" ? Array(texts.dropFirst(2000)) : texts
        var c = 0.0
        for _ in 0..<passes { for t in part { c += analyzer.analyze(t).score } }
        print("insight: \(passes) passes over \(part.count) texts (checksum \(c))")
        return
    }
    let avgBytes = Double(texts.reduce(0) { $0 + $1.utf8.count }) / Double(texts.count)

    // Single thread: wall clock, and this thread's CPU time (steady when other processes share the cores).
    var checksum = 0.0
    let (single, singleCPU) = analyzeRate(analyzer, texts, seconds: 2.0, checksum: &checksum)

    // All cores.
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let rounds = max(1, Int(single * 2 / Double(texts.count)))
    let t1 = Date()
    DispatchQueue.concurrentPerform(iterations: cores) { _ in
        var c = 0.0
        for _ in 0..<rounds { for t in texts { c += analyzer.analyze(t).score } }
        if c == .infinity { print(c) }
    }
    let multi = Double(rounds * texts.count * cores) / Date().timeIntervalSince(t1)
    print(String(format: "insight: %d texts (%@, %.0f bytes average)", texts.count, source, avgBytes))
    if found.count > 2000 {
        for (name, part) in [("en dev", Array(found.prefix(2000))), ("de dev", Array(found.dropFirst(2000)))] {
            let (wall, cpu) = analyzeRate(analyzer, part, seconds: 1.0, checksum: &checksum)
            let bytes = Double(part.reduce(0) { $0 + $1.utf8.count }) / Double(part.count)
            print(
                String(
                    format: "insight: %@ only (%.0f bytes average), 1 thread %9.0f texts/s (%9.0f per CPU-second)",
                    name, bytes, wall, cpu))
        }
    }
    print(String(format: "insight: analyze 1 thread   %9.0f texts/s (%9.0f per CPU-second)", single, singleCPU))
    print(String(format: "insight: analyze %d threads  %9.0f texts/s", cores, multi))
    if checksum == .infinity { print(checksum) }
}

/// Analyses `texts` over and over on this thread for `seconds` (scores summed into `checksum`): texts per second by
/// the wall clock and per CPU-second.
private func analyzeRate(_ analyzer: Analyzer, _ texts: [String], seconds: Double, checksum: inout Double) -> (
    wall: Double, cpu: Double
) {
    var n = 0
    let t0 = Date()
    let c0 = threadCPUTime()
    while Date().timeIntervalSince(t0) < seconds {
        for t in texts { checksum += analyzer.analyze(t).score }
        n += texts.count
    }
    return (Double(n) / Date().timeIntervalSince(t0), Double(n) / (threadCPUTime() - c0))
}

/// Tweet-like English and German texts with mentions, hashtags, URLs and emoji.
private func generatedTexts(_ count: Int) -> [String] {
    let openers = ["@support", "@DB_Bahn", "Hey @acme", "", "Hallo @kundenservice,", "RT @news:"]
    let bodies = [
        "the new update is sooo good, thanks for the quick help!",
        "still waiting for my refund after 3 weeks, not happy",
        "wie kann ich mein Passwort zurücksetzen", "Zug fällt schon wieder aus, seit Stunden keine Info",
        "does anyone know when the store opens",
        "Die App ist schlecht, aber der Support ist trotzdem super", "I can't log in to my account since this morning",
        "Serverausfall? Nichts geht mehr", "not bad at all, but the price is too high",
        "Danke für die schnelle Antwort",
        "WIN a FREE phone, click the link", "where can I buy the premium plan?", "Kundenservicekatastrophe, nie wieder",
    ]
    let tails = ["", " 😡", " 😍", " :)", " #fail", " #danke", " https://t.co/abc123", "!!!", " 🙄🙄", "?"]
    var out: [String] = []
    var seed: UInt64 = 42
    func next(_ n: Int) -> Int {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Int((seed >> 33) % UInt64(n))
    }
    for _ in 0..<count {
        out.append(
            [openers[next(openers.count)], bodies[next(bodies.count)], tails[next(tails.count)]].joined(separator: " "))
    }
    return out
}

/// CPU time this thread has used, in seconds.
private func threadCPUTime() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
