import Foundation
import XCTest

/// What scripts and cron see: errors that say why, and silence when nothing happened.
final class ScriptingTests: XCTestCase {
    func testIngestSaysWhyAFileCannotBeRead() throws {
        let d = try initialisedDataDir()
        let missing = try CLI.run(["ingest", d + "/nowhere.jsonl", "--data-dir", d])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.err, "switchboard: cannot read \(d)/nowhere.jsonl: No such file or directory\n")
        let directory = try CLI.run(["ingest", d, "--data-dir", d])
        XCTAssertEqual(directory.status, 1)
        XCTAssertEqual(directory.err, "switchboard: cannot read \(d): Is a directory\n")
        if getuid() != 0 {  // root reads any file
            let locked = d + "/geschützt.jsonl"
            try importLines("l", 1).write(toFile: locked, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked)
            let denied = try CLI.run(["ingest", locked, "--data-dir", d])
            XCTAssertEqual(denied.status, 1)
            XCTAssertEqual(denied.err, "switchboard: cannot read \(locked): Permission denied\n")
        }
        let fine = d + "/grüße.jsonl"
        try importLines("g", 2).write(toFile: fine, atomically: true, encoding: .utf8)
        let ok = try CLI.run(["ingest", fine, "--data-dir", d])
        XCTAssertEqual(ok.status, 0, ok.err)
        XCTAssertEqual(ok.out, "2 new, 0 duplicate, 0 rejected\n")
    }

    func testPublishDueQuietPrintsNothingWhenNothingWasDue() throws {
        let d = try initialisedDataDir()
        let loud = try CLI.run(["publish-due", "--data-dir", d])
        XCTAssertEqual(loud.status, 0, loud.err)
        XCTAssertEqual(loud.out, "Nothing due.\n")
        let quiet = try CLI.run(["publish-due", "--quiet", "--data-dir", d])
        XCTAssertEqual(quiet.status, 0, quiet.err)
        XCTAssertEqual(quiet.out, "")
        XCTAssertEqual(quiet.err, "")
    }
}
