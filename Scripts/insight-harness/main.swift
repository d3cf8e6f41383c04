// The Insight harness (Scripts/insight-harness/build): compiled as one module with the Insight sources.
// MODE=passes PASSES=N: N passes over the mixed dev texts (callgrind); MODE=rate: best of ROUNDS rounds of SECS CPU-s;
// MODE=dump FILE=texts OUT=file: analyze + features of every line, floats as bit patterns.
import Foundation
import SwitchboardCore

func cpu() -> Double { var ts = timespec(); clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts); return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9 }
let env = ProcessInfo.processInfo.environment
let mode = env["MODE"] ?? "rate"
if mode == "dump" {
    let a = Analyzer(crisisTerms: ["outage", "Ausfall", "Datenleck", "data breach", "boycott", "Kundenservice", "fail"], brandTerms: ["Switchboard", "@DB_Bahn", "#acme", "Telekom"])
    let s = try! String(contentsOfFile: env["FILE"]!, encoding: .utf8)
    var out = ""
    for t in s.split(separator: "\n", omittingEmptySubsequences: false) {
        let x = String(t)
        let r = a.analyze(x)
        out += "\(r.lang) \(r.sentiment) \(r.score.bitPattern) \(r.intents) \(r.crisisTerms ?? [])\n"
        let f = a.features(x)
        out += "\(f.lang) \(f.tokens) \(f.dense.map { $0.bitPattern }) \(f.keys) \(f.cues.map { $0.bitPattern }) \(f.logits.0.bitPattern) \(f.logits.1.bitPattern)\n"
    }
    _ = FileManager.default.createFile(atPath: env["OUT"]!, contents: out.data(using: .utf8))
    exit(0)
}
let all = insightDevTexts()
let lang = env["LANGSET"]
let texts = lang == "en" ? Array(all.prefix(2000)) : lang == "de" ? Array(all.dropFirst(2000)) : all
let analyzer = Analyzer(crisisTerms: ["outage", "Ausfall", "Datenleck", "boycott"], brandTerms: ["Switchboard"])
_ = analyzer.analyze("warm up")
@inline(never) func pass(_ ts: [String]) -> Double { var c = 0.0; for t in ts { c += analyzer.analyze(t).score }; return c }
if mode == "passes" {
    let n = Int(env["PASSES"] ?? "1")!
    var c = 0.0
    for _ in 0..<n { c += pass(texts) }
    print("passes \(n) texts \(texts.count) checksum \(c)")
    exit(0)
}
let rounds = Int(env["ROUNDS"] ?? "4")!, secs = Double(env["SECS"] ?? "0.4")!
var best = 0.0
var c = 0.0
for _ in 0..<rounds {
    var n = 0
    let c0 = cpu()
    while cpu() - c0 < secs { c += pass(texts); n += texts.count }
    best = max(best, Double(n) / (cpu() - c0))
}
print(String(format: "%.0f texts per CPU-second (best of %d; %d texts)", best, rounds, texts.count))
if c == .infinity { print(c) }
