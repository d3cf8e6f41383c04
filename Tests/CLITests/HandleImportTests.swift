import Foundation
import SwitchboardCore
import XCTest

/// Issue 15: a handle imported with a leading `@` (`"handle": "@p0"`) is stored as `p0`, so reports and lists print
/// it as `@p0`, never `@@p0`.
final class HandleImportTests: XCTestCase {
    func testLeadingAtIsNormalisedAtImport() throws {
        let d = CLI.tempDataDir()
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d, "--brand", "Acme"]).status, 0)
        let lines = (0..<3).map { i in
            #"{"platform":"mastodon","id":"h\#(i)","text":"Acme sync is broken again, refund please","#
                + #""created_at":"2026-11-18T1\#(i):00:00Z","author":{"handle":"@p0","followers":5000}}"#
        }.joined(separator: "\n")
        let ing = try CLI.run(["ingest", "--data-dir", d, "-"], stdin: lines)
        XCTAssertEqual(ing.status, 0, ing.err)
        let dir = DataDirectory(root: URL(fileURLWithPath: d))
        XCTAssertEqual(Set(try Store(dir: dir).mentions.compactMap { $0.author?.handle }), ["p0"])
        for format in ["text", "md", "csv"] {
            let r = try CLI.run([
                "report", "--data-dir", d, "--since", "2026-11-16", "--until", "2026-11-22", "--as-of",
                "2026-11-23T00:00:00Z", "--format", format,
            ])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertFalse(r.out.contains("@@"), "\(format):\n\(r.out)")
        }
        let list = try CLI.run(["mentions", "list", "--data-dir", d])
        XCTAssertFalse(list.out.contains("@@"), list.out)
        XCTAssertTrue(list.out.contains("p0"), list.out)
    }
}
