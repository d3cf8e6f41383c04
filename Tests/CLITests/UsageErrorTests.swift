import Foundation
import XCTest

/// Typos on the command line are usage errors (exit status 2) with a hint, never the parent's help and exit 0; an
/// empty --data-dir (an unset shell variable) is refused instead of falling back to the default directory.
final class UsageErrorTests: XCTestCase {
    func testAnUnknownCommandIsAUsageErrorEvenWithHelp() throws {
        for args in [["nonexistent", "--help"], ["help", "nonexistent"], ["nonexistent"]] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 2, "\(args): \(r.out)")
            XCTAssertEqual(r.out, "", "\(args): no help on standard output")
            XCTAssertTrue(r.err.hasPrefix("switchboard: unknown command 'nonexistent' — "), "\(args): \(r.err)")
        }
        let nested = try CLI.run(["mentions", "nonexistent", "--help"])
        XCTAssertEqual(nested.status, 2, nested.out)
        XCTAssertEqual(nested.out, "")
        XCTAssertEqual(
            nested.err,
            "switchboard: unknown command 'mentions nonexistent' — the commands of switchboard mentions are: list, "
                + "show (see `switchboard mentions --help`)\n")
        let helpNested = try CLI.run(["help", "queue", "nonexistent"])
        XCTAssertEqual(helpNested.status, 2, helpNested.out)
        XCTAssertTrue(helpNested.err.contains("unknown command 'queue nonexistent'"), helpNested.err)
    }

    func testAnUnknownCommandNamesTheNearestOrListsThemAll() throws {
        // (`thread` was the example until it became a command, issue 20.)
        let unknown = try CLI.run(["conversations"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(
            unknown.err.hasPrefix(
                "switchboard: unknown command 'conversations' — the commands of switchboard are: init, "),
            unknown.err)
        XCTAssertTrue(unknown.err.contains(", crisis (see `switchboard --help`)\n"), unknown.err)

        let typo = try CLI.run(["mentoins", "list"])
        XCTAssertEqual(typo.status, 2)
        XCTAssertEqual(typo.err, "switchboard: unknown command 'mentoins' — did you mean 'mentions'?\n")
        let sub = try CLI.run(["queue", "lst", "--json"])
        XCTAssertEqual(sub.status, 2)
        XCTAssertEqual(sub.err, "switchboard: unknown command 'queue lst' — did you mean 'queue list'?\n")
        let prefix = try CLI.run(["publish"])
        XCTAssertEqual(prefix.err, "switchboard: unknown command 'publish' — did you mean 'publish-due'?\n")
        // `sources` lists by default, and its list takes no argument: a typo there is unknown too.
        let sources = try CLI.run(["sources", "lsit"])
        XCTAssertEqual(sources.status, 2)
        XCTAssertEqual(sources.err, "switchboard: unknown command 'sources lsit' — did you mean 'sources list'?\n")
    }

    func testRealCommandsHelpAndDefaultSubcommandsStillWork() throws {
        for args in [["help", "mentions", "list"], ["mentions", "list", "--help"], ["--help"], ["help"]] {
            let r = try CLI.run(args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.err)")
            XCTAssertTrue(r.out.contains("USAGE: switchboard"), "\(args): \(r.out)")
        }
        let d = CLI.tempDataDir()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: d) }
        XCTAssertEqual(try CLI.run(["--data-dir", d, "init", "--brand", "Acme"]).status, 0)
        XCTAssertEqual(try CLI.run(["--theme", "mono", "--data-dir", d, "doctor"]).status, 0)
        // `handoff KEY --team T` is `handoff to KEY --team T`: the key is not taken for a command.
        let handoff = try CLI.run(["handoff", "abcd1234", "--team", "pr", "--data-dir", d])
        XCTAssertEqual(handoff.status, 1, handoff.err)
        XCTAssertFalse(handoff.err.contains("unknown command"), handoff.err)
        XCTAssertEqual(try CLI.run(["ingest", "-", "--data-dir", d], stdin: "").status, 0)
    }

    func testAnEmptyDataDirIsRefusedAndNothingIsWrittenToTheDefault() throws {
        let home = CLI.tempDataDir()
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: home) }
        // Empty variables count as unset: without the flag the default would be $HOME/.local/share/switchboard.
        let env = ["HOME": home, "SWITCHBOARD_HOME": "", "XDG_DATA_HOME": ""]
        for args in [["init", "--data-dir", ""], ["init", "--data-dir="], ["--data-dir", "", "mentions", "list"]] {
            let r = try CLI.run(args, env: env)
            XCTAssertEqual(r.status, 2, "\(args): \(r.out)")
            XCTAssertEqual(r.err, "switchboard: --data-dir: empty path\n", "\(args)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: home + "/.local/share/switchboard"))
        // An empty SWITCHBOARD_HOME is unset, by convention: the default is used.
        XCTAssertEqual(try CLI.run(["init", "--brand", "Acme"], env: env).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: home + "/.local/share/switchboard/team.json"))
    }
}
