import Foundation
import SwitchboardCore
import XCTest

/// `switchboard reanalyze`: only analyses made by another model version are redone, with a progress bar.
final class ReanalyzeCommandTests: XCTestCase {
    /// A copy of the analysis resources whose learned layer claims an older version.
    func olderResources() throws -> String {
        let src = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/Insight/Resources").standardizedFileURL
        let dst = FileManager.default.temporaryDirectory.appendingPathComponent("sb-res-\(UUID().uuidString.prefix(8))")
        addTeardownBlock { try? FileManager.default.removeItem(at: dst) }
        try FileManager.default.copyItem(at: src, to: dst)
        let learned = dst.appendingPathComponent("learned.tsv")
        let text = try String(contentsOf: learned, encoding: .utf8)
        guard let r = text.range(of: "@version\tlearned-") else { throw XCTSkip("no learned layer") }
        try text.replacingCharacters(in: r, with: "@version\tolder-learned-").write(
            to: learned, atomically: true, encoding: .utf8)
        return dst.path
    }

    func testOnlyOutdatedAnalysesAreRedoneWithAProgressBar() throws {
        let d = try initialisedDataDir()
        let older = try olderResources()
        let lines =
            (0..<40).map { i in
                let text =
                    i % 2 == 0 ? "Warte seit \(i) Tagen auf meine Erstattung." : "How do I export my data, part \(i)?"
                return #"{"platform":"mastodon","id":"r-\#(i)","text":"\#(text)","created_at":"2026-11-20T10:00:00Z"}"#
            }.joined(separator: "\n") + "\n"
        let ing = try CLI.run(["ingest", "--data-dir", d], stdin: lines, env: ["SWITCHBOARD_INSIGHT_RESOURCES": older])
        XCTAssertEqual(ing.status, 0, ing.err)
        let old = try CLI.run(["mentions", "list", "--data-dir", d, "--json"])
        XCTAssertTrue(old.out.contains("older-learned-"), "analysed by the older model")

        let first = try CLI.run(["reanalyze", "--data-dir", d, "--progress"])
        XCTAssertEqual(first.status, 0, first.err)
        XCTAssertTrue(
            first.out.hasPrefix("0 of 40 mentions changed, 40 analysed, 0 already current (model "), first.out)
        XCTAssertTrue(
            first.err.contains("reanalyze [" + String(repeating: "#", count: 30) + "] 100%  40/40"), first.err)
        XCTAssertTrue(first.err.contains("\r"), "the bar redraws in place")
        XCTAssertTrue(first.err.hasSuffix("\n"))

        let second = try CLI.run(["reanalyze", "--data-dir", d, "--progress", "--json"])
        XCTAssertEqual(second.status, 0, second.err)
        XCTAssertTrue(second.out.contains(#""mentions": 40, "analysed": 0, "changed": 0, "current": 40"#), second.out)
        XCTAssertEqual(second.err, "", "nothing to do: no bar")

        let all = try CLI.run(["reanalyze", "--data-dir", d, "--all"])
        XCTAssertTrue(all.out.hasPrefix("0 of 40 mentions changed, 40 analysed, 0 already current"), all.out)
        XCTAssertEqual(all.err, "", "no bar when standard error is not a terminal")
    }
}
