import Foundation
import XCTest

/// A write to standard output that fails (a full disk, a reader that went away) through the real binary: a clean
/// "write error" and exit status 1, or a quiet end by SIGPIPE; never a crash, never exit 0 with the output lost.
final class StdoutErrorTests: XCTestCase {
    /// A data directory with `n` mentions, one tagged (an entry in the actions log), one source and a note for doctor.
    func dataDir(mentions n: Int) throws -> String {
        let d = try initialisedDataDir()
        let ingest = try CLI.run(["ingest", "--data-dir", d, "-"], stdin: importLines("w", n))
        XCTAssertEqual(ingest.status, 0, ingest.err)
        let first = try CLI.run(["mentions", "list", "--json", "--data-dir", d]).out.split(separator: "\n")[0]
        let key = try XCTUnwrap(
            (try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])?["key"] as? String)
        XCTAssertEqual(try CLI.run(["tag", key, "billing", "--data-dir", d]).status, 0)
        let teamFile = d + "/team.json"
        var team = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: teamFile))) as? [String: Any])
        team["sources"] = [["id": "drop", "type": "jsonl", "path": "drop.jsonl"]]
        try JSONSerialization.data(withJSONObject: team).write(to: URL(fileURLWithPath: teamFile))
        // A record set aside earlier: `doctor` notes it, so `doctor --json` has a line to print.
        try "{}\n".write(toFile: d + "/log/mentions-2026-01.jsonl.corrupt", atomically: true, encoding: .utf8)
        return d
    }

    /// Runs the binary with /dev/full (every write fails with ENOSPC) as its standard output.
    func runToFullDevice(_ args: [String]) throws -> CLI.Result {
        let full = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }
        return try CLI.run(args, stdout: full)
    }

    func testEveryJSONCommandSaysWriteErrorAndExits1OnAFullDisk() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/dev/full"), "no /dev/full")
        let d = try dataDir(mentions: 3)
        for args in [
            ["mentions", "list", "--json"], ["log", "--json"], ["report", "--json"], ["doctor", "--json"],
            ["sources", "list", "--json"], ["keys", "--json", "--defaults"],
        ] {
            let r = try runToFullDevice(args + ["--data-dir", d])
            XCTAssertEqual(r.status, 1, "\(args): \(r.err)")
            XCTAssertEqual(r.err, "switchboard: write error: No space left on device\n", "\(args)")
        }
    }

    func testTextOutputToAFullDiskIsNotSilentlyLost() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/dev/full"), "no /dev/full")
        let d = try dataDir(mentions: 3)
        for args in [["mentions", "list"], ["log"], ["doctor"], ["sources", "list"], ["queue", "status"]] {
            let r = try runToFullDevice(args + ["--data-dir", d])
            XCTAssertEqual(r.status, 1, "\(args): \(r.err)")
            XCTAssertEqual(r.err, "switchboard: write error: No space left on device\n", "\(args)")
        }
        // --help goes to standard output too.
        let help = try runToFullDevice(["mentions", "list", "--help"])
        XCTAssertEqual(help.status, 1, help.err)
        XCTAssertTrue(help.err.hasSuffix("switchboard: write error: No space left on device\n"), help.err)
    }

    /// `switchboard … | head -1` with SIGPIPE ignored (as systemd and Python's subprocess start programs): the output
    /// is far larger than the pipe's buffer, so writes fail with EPIPE once `head` has gone.
    func testAClosedPipeEndsQuietlyWithTheSIGPIPEStatusEvenWhenSIGPIPEIsIgnored() throws {
        let d = try dataDir(mentions: 1500)
        let pipeline = #"trap "" PIPE; "$0" "$@" | head -1; echo "status=${PIPESTATUS[0]}" >&2"#
        for args in [["mentions", "list", "--json", "--limit", "0"], ["mentions", "list", "--limit", "0"]] {
            let r = try CLI.run(
                ["-c", pipeline, CLI.binary.path] + args + ["--data-dir", d],
                executable: URL(fileURLWithPath: "/bin/bash"))
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertEqual(r.err, "status=141\n", "\(args): ended by SIGPIPE, no message, no backtrace")
            XCTAssertEqual(r.out.split(separator: "\n").count, 1, r.out)
            if args.contains("--json") {
                XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(r.out.utf8)), r.out)
            }
        }
    }
}
