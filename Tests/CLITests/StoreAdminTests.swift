import Foundation
import SwitchboardCore
import XCTest

/// Issue 24, the data directory as an administrator meets it: records from a newer version, a doctor that only reads.
final class StoreAdminTests: XCTestCase {
    func newDataDir() throws -> String {
        let d = CLI.tempDataDir()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: d) }
        XCTAssertEqual(try CLI.run(["init", "--data-dir", d, "--brand", "Acme"]).status, 0)
        return d
    }

    func mentionsLog(_ d: String) throws -> String {
        let name = try XCTUnwrap(
            FileManager.default.contentsOfDirectory(atPath: d + "/log").first {
                $0.hasPrefix("mentions-") && $0.hasSuffix(".jsonl")
            })
        return "log/" + name
    }

    /// Every file and directory with its size and modification time (nanoseconds).
    func listing(_ d: String) -> [String] {
        var out: [String] = []
        let walker = FileManager.default.enumerator(atPath: d)
        while let p = walker?.nextObject() as? String {
            var st = stat()
            guard lstat(d + "/" + p, &st) == 0 else { continue }
            out.append("\(p) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec) \(st.st_mode)")
        }
        return out.sorted()
    }

    func testRecordsAndTeamJSONFromANewerVersionAreRefusedReportedAndNeverRewritten() throws {
        let d = try newDataDir()
        XCTAssertEqual(try CLI.run(["ingest", "-", "--data-dir", d], stdin: importLines("now", 3)).status, 0)
        let log = try mentionsLog(d)
        let newer =
            #"{"v":99,"key":"zzzzzzzzzz","platform":"mastodon","id":"future","text":"aus der Zukunft","created_at":"2026-11-20T10:00:00Z","hologram":{"on":true}}"#
        let h = try XCTUnwrap(FileHandle(forWritingAtPath: d + "/" + log))
        h.seekToEndOfFile()
        h.write(Data((newer + "\n").utf8))
        try h.close()
        let expected = "\(log):4: written by a newer version of Switchboard (format v99; this version reads up to v1)"

        let list = try CLI.run(["mentions", "list", "--json", "--data-dir", d])
        XCTAssertEqual(list.out.split(separator: "\n").count, 3, "not read as a version 1 record")
        XCTAssertTrue(list.err.contains("warning: " + expected), list.err)

        let doctor = try CLI.run(["doctor", "--data-dir", d])
        XCTAssertEqual(doctor.status, 1)
        XCTAssertTrue(doctor.out.contains("problem  " + expected), doctor.out)

        let compact = try CLI.run(["compact", "--data-dir", d])
        XCTAssertEqual(compact.status, 0, compact.err)
        XCTAssertTrue(
            compact.out.contains("1 records written by a newer version of Switchboard kept as they were"), compact.out)
        let after = try String(contentsOfFile: d + "/" + log, encoding: .utf8)
        XCTAssertTrue(after.hasSuffix(newer + "\n"), "kept byte for byte: \(after)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: d + "/" + log + ".corrupt"))

        // team.json from a newer version: `sources add` refuses and leaves it as it is.
        var team = try String(contentsOfFile: d + "/team.json", encoding: .utf8)
        team = team.replacingOccurrences(of: "\"v\" : 1", with: "\"v\" : 2")
        try team.write(toFile: d + "/team.json", atomically: true, encoding: .utf8)
        let add = try CLI.run([
            "sources", "add", "--data-dir", d, "--type", "rss", "--id", "alerts", "--url", "https://x.example/f.xml",
            "--no-verify",
        ])
        XCTAssertEqual(add.status, 1)
        XCTAssertTrue(add.err.contains("team.json: line "), add.err)
        XCTAssertTrue(add.err.contains("written by a newer version of Switchboard (format v2"), add.err)
        XCTAssertEqual(try String(contentsOfFile: d + "/team.json", encoding: .utf8), team, "untouched")
        let doctor2 = try CLI.run(["doctor", "--data-dir", d])
        XCTAssertTrue(doctor2.out.contains("problem  team.json: line "), doctor2.out)
        XCTAssertTrue(doctor2.out.contains("written by a newer version of Switchboard"), doctor2.out)
    }

    func testDoctorOnlyReadsAndReportsATornTail() throws {
        let d = try newDataDir()
        XCTAssertEqual(try CLI.run(["ingest", "-", "--data-dir", d], stdin: importLines("t", 4)).status, 0)
        let log = try mentionsLog(d)
        // A writer killed in the middle of its record; and a stale lock file must not appear either.
        let h = try XCTUnwrap(FileHandle(forWritingAtPath: d + "/" + log))
        h.seekToEndOfFile()
        h.write(Data(#"{"v":1,"key":"abc","platf"#.utf8))
        try h.close()
        try? FileManager.default.removeItem(atPath: d + "/log/.lock")
        let before = listing(d)

        let r = try CLI.run(["doctor", "--data-dir", d])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(
            r.out.contains(
                "problem  \(log): ends in an incomplete record (left by an interrupted write); run: switchboard doctor "
                    + "--fix"), r.out)
        XCTAssertEqual(listing(d), before, "doctor created or changed nothing")

        // A directory that is no data directory at all stays empty.
        let empty = CLI.tempDataDir()
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: empty) }
        XCTAssertEqual(try CLI.run(["doctor", "--data-dir", empty]).status, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: empty), [])

        // --fix may write: the torn record is set aside.
        let fix = try CLI.run(["doctor", "--fix", "--data-dir", d])
        XCTAssertTrue(fix.out.contains("fixed    \(log): an incomplete last record"), fix.out)
        XCTAssertEqual(fix.status, 0, fix.out)
        XCTAssertTrue(FileManager.default.fileExists(atPath: d + "/" + log + ".corrupt"))
    }
}
