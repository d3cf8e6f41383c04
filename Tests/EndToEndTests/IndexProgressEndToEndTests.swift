import Foundation
import XCTest

/// Issue 18: "a missing, corrupt or older-schema index is rebuilt automatically with a visible progress line, never an
/// error". The real workbench on a history large enough to be read through the index (`SWITCHBOARD_WINDOW_FROM`
/// lowers the 16 MB to a few bytes here) builds a missing index and rebuilds an unreadable one with the stage in its
/// own status line, then shows the feed from the index; before, the screen stayed blank for the whole rebuild (a
/// minute at a million mentions), or a missing index made it fold the whole history into memory.
final class IndexProgressEndToEndTests: EndToEndTestCase {
    func testTheWorkbenchBuildsAMissingIndexAndRebuildsAnUnreadableOneOnScreen() throws {
        try TmuxSession.requireTmux()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sb-index-progress-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(try run(["init", "--data-dir", dir.path, "--brand", "Acme"]), 0)
        let seed = (1...40).map {
            line("\($0)", "Erwähnung Nummer \($0), Grüße aus Köln", minutesAgo: Double(100 - $0))
        }
        XCTAssertEqual(try run(["ingest", "--data-dir", dir.path, "-"], stdin: seed.joined(separator: "\n") + "\n"), 0)
        let index = dir.appendingPathComponent("index/history.sqlite")
        XCTAssertFalse(FileManager.default.fileExists(atPath: index.path), "a small import makes no index")
        let env = ["SWITCHBOARD_USER": "e2e", "SWITCHBOARD_WINDOW_FROM": "100"]

        // No index: built, with its stage on the screen, then the feed from it (not a fold of the logs).
        var s = try TmuxSession.switchboard(
            ["--data-dir", dir.path], width: 80, height: 24, environment: env, recordOutput: true)
        sessions.append(s)
        var rows = try s.waitFor("Erwähnung Nummer 40")
        XCTAssertTrue(FileManager.default.fileExists(atPath: index.path), "the workbench built the index")
        XCTAssertTrue(rows.joined().contains("Feed — 40"), s.dump(rows))
        var shown = Self.text(s.recordedOutput())
        XCTAssertTrue(shown.contains("building the index"), shown)
        XCTAssertTrue(shown.contains("once: the workbench opens when it is done"), shown)
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)

        // An index that cannot be read (a disk fault, a hand edit): rebuilt on screen, never an error.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index.path + suffix) }
        try Data(repeating: 0x5A, count: 8192).write(to: index)
        s = try TmuxSession.switchboard(
            ["--data-dir", dir.path], width: 120, height: 40, environment: env, recordOutput: true)
        sessions.append(s)
        rows = try s.waitUntil("the feed and its counts from the rebuilt index") {
            $0.joined().contains("Erwähnung Nummer 40") && $0.joined().contains("40 new")
        }
        XCTAssertTrue(rows.joined().contains("Feed — 40"), s.dump(rows))
        shown = Self.text(s.recordedOutput())
        XCTAssertTrue(shown.contains("rebuilding the index: it could not be read"), shown)
        XCTAssertTrue(shown.contains("sorting the lookups and the full-text index"), shown)
        s.sendKeys("q")
        XCTAssertEqual(try s.waitForExit(), 0)
    }

    /// The bytes a terminal was sent, without escape sequences and with cursor moves read as spaces: the texts drawn.
    static func text(_ data: Data) -> String {
        var out = ""
        var i = data.startIndex
        var bytes: [UInt8] = []
        while i < data.endIndex {
            let b = data[i]
            if b == 0x1B {
                // CSI: ESC [ params final (0x40–0x7E); other escapes: ESC and one byte.
                var j = data.index(after: i)
                if j < data.endIndex, data[j] == UInt8(ascii: "[") {
                    j = data.index(after: j)
                    while j < data.endIndex, !(0x40...0x7E).contains(data[j]) { j = data.index(after: j) }
                }
                bytes.append(UInt8(ascii: " "))
                i = j < data.endIndex ? data.index(after: j) : j
                continue
            }
            if b >= 0x20 || b == 0x0A { bytes.append(b) }
            i = data.index(after: i)
        }
        out = String(decoding: bytes, as: UTF8.self)
        return out
    }
}
