import Foundation
import SwitchboardCore
import XCTest

/// Several real processes writing to one data directory at once, and processes killed mid-write.
final class ConcurrencyTests: XCTestCase {
    func testSeveralProcessesAppendAtOnceWithoutLosingOrInterleaving() throws {
        let d = CLI.tempDataDir()
        try CLI.run(["init", "--data-dir", d])
        // Four ingesters with overlapping input (each also sends the shared set) and small batches.
        let shared = importLines("shared", 100)
        let procs: [Process] = try (0..<4).map { n in
            let file = d + "/in-\(n).jsonl"
            try (importLines("p\(n)", 300) + shared).write(toFile: file, atomically: true, encoding: .utf8)
            let p = Process()
            p.executableURL = CLI.binary
            p.arguments = ["ingest", "--data-dir", d, "--batch-size", "7", file]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        for p in procs {
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0)
        }
        let store = try Store(dir: DataDirectory(root: URL(fileURLWithPath: d)))
        XCTAssertEqual(store.count, 4 * 300 + 100, "every mention once, the shared ones deduplicated across processes")
        XCTAssertTrue(store.warnings.isEmpty, "every line parses: \(store.warnings.prefix(3))")
        XCTAssertEqual(Set(store.mentions.map(\.identity)).count, store.count)

        // Now four processes recording actions on the same mentions at once.
        let keys = Array(store.mentions.prefix(10).map(\.key))
        let writers: [Process] = try (0..<4).map { n in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            let cmds = keys.map { "\"\(CLI.binary.path)\" note --data-dir \"\(d)\" \($0) from-\(n)" }.joined(
                separator: " && ")
            p.arguments = ["-c", cmds]
            p.environment = ["SWITCHBOARD_USER": "user\(n)", "PATH": "/usr/bin:/bin"]
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            return p
        }
        for p in writers {
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0)
        }
        let after = try Store(dir: DataDirectory(root: URL(fileURLWithPath: d)))
        XCTAssertEqual(after.events.count, 40)
        for k in keys {
            XCTAssertEqual(Set(after.state(k).notes.map(\.text)), ["from-0", "from-1", "from-2", "from-3"])
        }
        XCTAssertEqual(Set(after.events.map(\.id)).count, 40)
        XCTAssertTrue(after.warnings.isEmpty)
    }

    func testKilledIngestLosesNoAcknowledgedRecord() throws {
        let d = CLI.tempDataDir()
        try CLI.run(["init", "--data-dir", d])
        let file = d + "/big.jsonl"
        var all = ""
        for round in 0..<8 { all += importLines("k\(round)", 400) }
        try all.write(toFile: file, atomically: true, encoding: .utf8)
        let ids = all.split(separator: "\n").map { line -> String in
            let o = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return o["id"] as! String
        }
        var rng = SystemRandomNumberGenerator()
        var maxAcked = 0
        for attempt in 0..<12 {
            let p = Process()
            p.executableURL = CLI.binary
            p.arguments = ["ingest", "--data-dir", d, "--batch-size", "25", "--progress", file]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            // Kill after a random number of acknowledged batches (or right away).
            let target = Int.random(in: 0...6, using: &rng)
            var acked = 0
            var buffer = Data()
            while acked < target {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                buffer += chunk
                let lines = String(decoding: buffer, as: UTF8.self).split(separator: "\n")
                if let last = lines.last(where: { $0.hasPrefix("stored ") }), let n = Int(last.dropFirst(7)) {
                    acked = n / 25
                    maxAcked = max(maxAcked, n)
                }
            }
            if attempt % 3 == 2 { usleep(UInt32.random(in: 0...3000, using: &rng)) }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            // Re-running ingest skips what is already stored, so "acknowledged" means: the first `ackedCount` ids of this run
            // that were new. Simplest invariant: every id up to the highest acknowledged position is stored.
            let store = try Store(dir: DataDirectory(root: URL(fileURLWithPath: d)))
            let stored = Set(store.mentions.map(\.id))
            for id in ids.prefix(maxAcked) {
                XCTAssertTrue(stored.contains(id), "acknowledged \(id) lost after kill \(attempt)")
            }
            XCTAssertEqual(Set(store.mentions.map(\.identity)).count, store.count, "no duplicates")
            let doctor = try CLI.run(["doctor", "--data-dir", d])
            XCTAssertEqual(doctor.status, 0, doctor.out)
        }
        // Finally the whole file goes in, exactly once.
        XCTAssertEqual(try CLI.run(["ingest", "--data-dir", d, file]).status, 0)
        XCTAssertEqual(try Store(dir: DataDirectory(root: URL(fileURLWithPath: d))).count, ids.count)
    }
}
