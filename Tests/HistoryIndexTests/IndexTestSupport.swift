import Foundation
import TestSupport
import GRDB
import HistoryIndex
import SwitchboardCore
import XCTest

/// A fresh temporary data directory.
func makeTempDir(_ name: String = "sbidx") -> DataDirectory {
    DataDirectory(root: TestFolders.make(name))
}

func indexMention(
    _ id: String, text: String = "hello", at seconds: Double = 0, platform: String = "mastodon",
    handle: String = "anna@example.social"
) -> Mention {
    let at = Date(timeIntervalSince1970: 1_790_000_000 + seconds)
    return Mention(
        platform: platform, id: id, text: text, createdAt: at, fetchedAt: at,
        author: Author(handle: handle, name: "Anna"))
}

func logFiles(_ dir: DataDirectory, _ kind: LogKind) -> [URL] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir.logDir.path)) ?? [])
        .filter { $0.hasPrefix(kind.rawValue + "-") && $0.hasSuffix(".jsonl") }.sorted().map {
            dir.logDir.appendingPathComponent($0)
        }
}

/// The bytes of every log.
func logBytes(_ dir: DataDirectory) -> Int {
    LogKind.allCases.flatMap { logFiles(dir, $0) }.reduce(0) { $0 + FileIO.size($1) }
}

/// Makes the index claim another schema version (as a newer Switchboard would have written it).
func setSchema(_ dir: DataDirectory, to version: Int) throws {
    let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
    try q.write { db in try db.execute(sql: "UPDATE meta SET v = ? WHERE k = 'schema'", arguments: ["\(version)"]) }
}

/// Runs `sql` on the index behind its back (a damaged or foreign index).
func damage(_ dir: DataDirectory, _ sql: String) throws {
    let q = try DatabaseQueue(path: HistoryIndex.file(dir).path)
    try q.write { db in try db.execute(sql: sql) }
}

/// The two reports in all four formats, byte for byte (text, Markdown, CSV, JSON).
func assertSameFormats(
    _ got: Report, _ expected: Report, _ what: String, file: StaticString = #filePath, line: UInt = #line
) throws {
    XCTAssertEqual(got.text(), expected.text(), what, file: file, line: line)
    XCTAssertEqual(got.markdown(), expected.markdown(), what, file: file, line: line)
    XCTAssertEqual(got.csv(), expected.csv(), what, file: file, line: line)
    XCTAssertEqual(
        String(decoding: try got.json(), as: UTF8.self), String(decoding: try expected.json(), as: UTF8.self), what,
        file: file, line: line)
}
