import Foundation
import XCTest

@testable import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// Regressions found by `Scripts/faults`: what a store that is already open does after another process was killed
/// in the middle of a write or a compaction, and after the clock went back across a month boundary.
final class StoreFaultTests: XCTestCase {
    /// Another process was SIGKILLed halfway through its append while this one had the store open: the next record
    /// this process writes must not be glued to the torn end (it would become part of an unreadable line and be lost).
    func testAnOpenStoreSetsTheTornEndAsideBeforeItAppends() throws {
        let dir = makeTempDir()
        try StarterKit.initialise(dir, brand: "Acme", user: "anna")
        let store = try Store(dir: dir)
        let k = try store.ingest([mention("1")]).added[0]
        try store.record([.setStatus(mention: k, status: .open)], actor: "anna")
        for file in [logFiles(dir, .actions)[0], logFiles(dir, .mentions)[0]] {
            let fh = try FileHandle(forWritingTo: file)
            try fh.seekToEnd()
            try fh.write(
                contentsOf: Data(#"{"v":1,"id":"torn","at":"2026-11-27T10:00:00.000Z","actor":"ben","type":"no"#.utf8))
            try fh.close()
        }
        let events = try store.record([.note(mention: k, text: "after the crash")], actor: "anna")
        XCTAssertEqual(try store.ingest([mention("2")]).added.count, 1)

        let reopened = try Store(dir: dir)
        XCTAssertEqual(reopened.warnings, [], "nothing left to repair, nothing unreadable")
        XCTAssertEqual(reopened.count, 2)
        XCTAssertEqual(reopened.events.map(\.id).last, events[0].id)
        XCTAssertEqual(reopened.state(k).notes.map(\.text), ["after the crash"])
        for kind in [LogKind.actions, .mentions] {
            let corrupt = URL(fileURLWithPath: logFiles(dir, kind)[0].path + ".corrupt")
            XCTAssertEqual(readLines(corrupt).count, 1, "the torn end of the \(kind) log is set aside")
        }
        XCTAssertEqual(Doctor.check(dir).filter { $0.level == .problem }.map(\.description), [])
    }

    /// Issue 19: a git merge writes another site's segment anew (a new inode) with the same bytes and lines appended.
    /// An open store reads on from where it was (no reload); a log rewritten with other bytes is read again.
    func testAnOpenStoreReadsOnWhenALogIsWrittenAnewWithLinesAppended() throws {
        let dir = makeTempDir()
        try StarterKit.initialise(dir, brand: "Acme", user: "anna")
        let store = try Store(dir: dir)
        let k = try store.ingest((1...40).map { mention("\($0)") }).added[0]
        try store.record([.setStatus(mention: k, status: .open)], actor: "anna")
        func writeAnew(_ file: URL, _ bytes: Data) throws {
            let tmp = URL(fileURLWithPath: file.path + ".new")
            try bytes.write(to: tmp)
            XCTAssertEqual(rename(tmp.path, file.path), 0)
        }
        try store.refresh()
        let other = try Store(dir: dir)
        try other.ingest([mention("Grüße-41"), mention("42")])
        let file = logFiles(dir, .mentions)[0]
        try writeAnew(file, try Data(contentsOf: file))
        let appended = try store.refresh()
        XCTAssertFalse(appended.reloaded)
        XCTAssertEqual(appended.newMentions.count, 2)
        XCTAssertEqual(store.count, 42)
        // Rewritten (a line taken out): read again from the start.
        var lines = try String(contentsOf: file, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: 3)
        try writeAnew(file, Data(lines.joined(separator: "\n").utf8))
        let rewritten = try store.refresh()
        XCTAssertTrue(rewritten.reloaded)
        XCTAssertEqual(store.count, 41)
    }

    /// A compaction killed between writing its temp file and the rename leaves `.NAME.tmp-PID-N` beside the logs:
    /// the next process to open the store removes it (holding the lock, so no compaction is using it) and says so.
    func testTempFilesOfAKilledCompactionAreRemoved() throws {
        let dir = makeTempDir()
        try StarterKit.initialise(dir, brand: "Acme", user: "anna")
        try Store(dir: dir).ingest([mention("1")])
        let stale = dir.logDir.appendingPathComponent(".mentions-2026-11.jsonl.tmp-4242-77")
        try Data("half a compaction".utf8).write(to: stale)
        let store = try Store(dir: dir)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale.path))
        XCTAssertEqual(
            store.warnings,
            ["log/.mentions-2026-11.jsonl.tmp-4242-77: a temporary file left by an interrupted compaction was removed"])
        XCTAssertEqual(store.count, 1)
        try Data("again".utf8).write(to: stale)
        // doctor only reads (issue 24): it reports the file and leaves it for `doctor --fix`.
        let findings = Doctor.check(dir)
        XCTAssertEqual(
            findings.filter { $0.level == .problem }.map(\.description),
            [
                "log/.mentions-2026-11.jsonl.tmp-4242-77: a temporary file left by a writer that is no longer running; "
                    + "run: switchboard doctor --fix"
            ])
        XCTAssertTrue(FileManager.default.fileExists(atPath: stale.path))
        XCTAssertEqual(Doctor.removeStaleTempFiles(dir), ["log/.mentions-2026-11.jsonl.tmp-4242-77"])
    }

    /// The clock ran 40 days ahead (December), then was corrected (November): later actions must still fold after
    /// the earlier ones, so they go on in the newest file instead of the (older) file of the month the clock says.
    func testAClockGoingBackAcrossAMonthKeepsTheOrderOfActions() throws {
        let dir = makeTempDir()
        let store = try Store(dir: dir)
        let nov = Timestamp.parse("2026-11-27T10:00:00Z")!
        let dec = Timestamp.parse("2027-01-06T10:00:00Z")!
        let k = try store.ingest([mention("1")], now: nov).added[0]
        try store.record([.setStatus(mention: k, status: .open)], actor: "anna", now: dec)
        try store.record([.setStatus(mention: k, status: .answered)], actor: "anna", now: nov.addingTimeInterval(60))
        try store.ingest([mention("2")], now: nov.addingTimeInterval(120))
        XCTAssertEqual(logFiles(dir, .actions).map(\.lastPathComponent), ["actions-2027-01.jsonl"])
        XCTAssertEqual(logFiles(dir, .mentions).map(\.lastPathComponent), ["mentions-2026-11.jsonl"])
        let reopened = try Store(dir: dir)
        XCTAssertEqual(reopened.state(k).status, .answered, "the last action recorded wins, whatever the clock said")
        XCTAssertEqual(reopened.count, 2)
        // Once the clock has caught up, new months start new files as before.
        try reopened.record(
            [.setStatus(mention: k, status: .open)], actor: "anna", now: Timestamp.parse("2027-02-01T00:00:00Z")!)
        XCTAssertEqual(
            logFiles(dir, .actions).map(\.lastPathComponent), ["actions-2027-01.jsonl", "actions-2027-02.jsonl"])
    }

    /// A lock file one may only read (a colleague created it without group write, or the directory is read-only)
    /// is still locked, through a read-only descriptor, so reading the data directory works.
    func testAReadOnlyLockFileStillLocks() throws {
        let dir = makeTempDir()
        try FileIO.makeDirectory(dir.logDir)
        let lock = dir.logDir.appendingPathComponent("ro.lock")
        _ = FileManager.default.createFile(atPath: lock.path, contents: nil)
        chmod(lock.path, 0o444)
        let fd = FileIO.openLockFile(lock)
        XCTAssertGreaterThanOrEqual(fd, 0)
        close(fd)
        XCTAssertEqual(try FileIO.withLock(lock) { 42 }, 42)
        guard case .locked(let held) = FileIO.tryLockResult(lock) else { return XCTFail("not locked") }
        XCTAssertEqual(FileIO.tryLockResult(lock), .busy)
        close(held)
    }

    /// In a shared (setgid) data directory a lock file is created group-writable whatever the umask, so the next
    /// person of the group can open and take it (the listener lock made by one person blocked everyone else).
    func testLockFilesInASharedDirectoryAreGroupWritable() throws {
        let dir = makeTempDir()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir.root) }
        XCTAssertEqual(chmod(dir.root.path, 0o2775), 0)
        let old = umask(0o022)
        defer { umask(old) }
        let lock = dir.root.appendingPathComponent("listener.lock")
        guard case .locked(let fd) = FileIO.tryLockResult(lock) else { return XCTFail("not locked") }
        close(fd)
        var st = stat()
        XCTAssertEqual(stat(lock.path, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o664)
        try FileIO.withLock(dir.root.appendingPathComponent(".lock")) {}
        XCTAssertEqual(stat(dir.root.appendingPathComponent(".lock").path, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o664)
    }
}
