import Foundation
import XCTest

/// Issue 18: the real workbench on a history it never folds (`SWITCHBOARD_WINDOW=bounded`, what `auto` picks for a
/// large history): triage keys write the actions log, the screen and the counts follow from the index, and another
/// process's claim and status change show up on the refresh tick and are respected.
final class BoundedWorkbenchEndToEndTests: EndToEndTestCase {
    func testTriageWithoutTheStoreWritesTheLogAndFollowsOtherProcesses() throws {
        try TmuxSession.requireTmux()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-bounded-e2e-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try run(["init", "--data-dir", dir.path, "--brand", "Acme"]), 0)
        let seed = (1...30).map {
            line("\($0)", "Erwähnung Nummer \($0), Grüße aus Köln", minutesAgo: Double(100 - $0))
        }
        XCTAssertEqual(try run(["ingest", "--data-dir", dir.path, "-"], stdin: seed.joined(separator: "\n") + "\n"), 0)

        let env = ["SWITCHBOARD_USER": "e2e", "SWITCHBOARD_WINDOW": "bounded"]
        let s = try TmuxSession.switchboard(["--data-dir", dir.path], width: 120, height: 40, environment: env)
        sessions.append(s)
        var rows = try s.waitFor("Erwähnung Nummer 30")
        XCTAssertTrue(rows.joined().contains("30 new · 30 open"), s.dump(rows))
        // Row 2 (Nummer 29): status escalated with `e`, written by e2e; the counts come from the index again.
        s.sendKeys("j", "e")
        rows = try s.waitUntil("the status is written and counted") { $0.joined().contains("29 new · 30 open") }
        XCTAssertTrue(rows[2].contains(" esc "), s.dump(rows))
        let actions = try actionsLog(dir)
        let key29 = try key(dir, id: "29")
        XCTAssertTrue(
            actions.contains { $0.contains(key29) && $0.contains("escalated") && $0.contains("\"e2e\"") }, "\(actions)")

        // Another process (bob) claims Nummer 27 and answers Nummer 30: the workbench shows both by itself.
        let key27 = try key(dir, id: "27")
        XCTAssertEqual(try runAs("bob", ["claim", "--data-dir", dir.path, key27]), 0)
        XCTAssertEqual(try runAs("bob", ["status", "--data-dir", dir.path, try key(dir, id: "30"), "answered"]), 0)
        rows = try s.waitUntil("the other process's writes", timeout: 8) {
            $0.joined().contains(" · 29 open") && $0[1].contains(" done ")
        }
        XCTAssertTrue(rows[1].contains(" done "), s.dump(rows))
        // Opening Nummer 27 asks before taking it from bob; nothing is written meanwhile.
        s.sendKeys("j", "j", "Enter")
        rows = try s.waitUntil("bob holds it") { $0.joined().contains("bob") }
        XCTAssertFalse(try actionsLog(dir).contains { $0.contains(key27) && $0.contains("\"e2e\"") })
        s.sendKeys("Escape")
        usleep(300_000)
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
    }

    func actionsLog(_ dir: URL) throws -> [String] {
        let log = dir.appendingPathComponent("log")
        let files = FileManager.default.enumerator(atPath: log.path)?.compactMap { $0 as? String } ?? []
        return try files.filter { $0.contains("actions") && $0.hasSuffix(".jsonl") }.flatMap {
            try String(contentsOf: log.appendingPathComponent($0), encoding: .utf8).split(separator: "\n").map(
                String.init)
        }
    }

    /// The key of the mention with network id `id` (`mentions list --json`).
    func key(_ dir: URL, id: String) throws -> String {
        let out = try output(["mentions", "list", "--data-dir", dir.path, "--json", "--limit", "0"])
        for l in out.split(separator: "\n") {
            guard let o = try JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any],
                o["id"] as? String == id
            else { continue }
            if let k = o["key"] as? String { return k }
        }
        throw NSError(domain: "e2e", code: 1, userInfo: [NSLocalizedDescriptionKey: "no mention \(id) in \(out)"])
    }

    func output(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = try TmuxSession.switchboardBinary()
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(["SWITCHBOARD_USER": "e2e"]) { $1 }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs `switchboard ARGS` as `user` (another process of another team member).
    func runAs(_ user: String, _ args: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = try TmuxSession.switchboardBinary()
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(["SWITCHBOARD_USER": user]) { $1 }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }
}
