import Foundation

/// The English and German dev-set texts (tweet-length mix) that `switchboard-bench insight` and the Insight harness
/// (`Scripts/insight-harness`, which compiles this file beside the Insight sources) read, when ../shared (or
/// `$SHARED`) is there; empty otherwise.
func insightDevTexts() -> [String] {
    let env = ProcessInfo.processInfo.environment
    let shared = env["SHARED"] ?? FileManager.default.currentDirectoryPath + "/../shared"
    var out: [String] = []
    for (file, col) in [("devsets/sentiment-en-dev.tsv", 1), ("devsets/sentiment-de-dev.tsv", 2)] {
        guard let s = try? String(contentsOfFile: shared + "/" + file, encoding: .utf8) else { continue }
        for line in s.split(separator: "\n").dropFirst() {
            let p = line.split(separator: "\t", omittingEmptySubsequences: false)
            if p.count > col { out.append(String(p[col])) }
        }
    }
    return out
}
