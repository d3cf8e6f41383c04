import Foundation
import SwitchboardCore
import XCTest

@testable import Listening

/// The parser over Python feedparser's test corpus in ../shared/corpora/feeds (skipped when absent):
/// every file becomes a Feed or a clean `FeedError`, and the simple title/link/id expectations are met.
/// (Scripts/feed-conformance checks every field we keep, through the real binary.)
final class FeedConformanceTests: XCTestCase {
    static func corpus() -> URL? {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // Tests/ListeningTests
        for _ in 0..<5 {
            dir.deleteLastPathComponent()
            let c = dir.appendingPathComponent("shared/corpora/feeds")
            if FileManager.default.fileExists(atPath: c.path) { return c }
        }
        return nil
    }

    func testEveryCorpusFileParsesOrFailsCleanly() throws {
        guard let corpus = FeedConformanceTests.corpus() else {
            throw XCTSkip("../shared/corpora/feeds is not present")
        }
        let files =
            (FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            ?? [])
            .filter { $0.pathExtension == "xml" }
        XCTAssertGreaterThan(files.count, 800)
        var parsed = 0
        var rejected = 0
        var applicable = 0
        var met = 0
        let base = URL(string: "http://127.0.0.1:8097/")
        for file in files {
            let data = try Data(contentsOf: file)
            do {
                let h = FeedConformanceTests.headers(data)
                let feed = try FeedParser.parse(
                    data, url: base, contentType: h["content-type"], contentLocation: h["content-location"])
                parsed += 1
                for s in [feed.title, feed.link]
                    + feed.entries.flatMap({ [$0.id, $0.title, $0.link, $0.author, $0.summary, $0.content] })
                {
                    if let s {
                        XCTAssertFalse(
                            s.unicodeScalars.contains {
                                ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
                            }, file.path)
                    }
                }
                for check in FeedConformanceTests.simpleChecks(data) {
                    applicable += 1
                    if check.matches(feed) { met += 1 }
                }
            } catch is FeedError {
                rejected += 1
            }
        }
        XCTAssertEqual(parsed + rejected, files.count)
        XCTAssertGreaterThanOrEqual(parsed, files.count - 5)
        XCTAssertGreaterThan(applicable, 50)
        let share = Double(met) / Double(max(applicable, 1))
        XCTAssertGreaterThanOrEqual(share, 0.9, "met \(met) of \(applicable) simple checks")
        print(
            "feed corpus: \(files.count) files, \(parsed) parsed, \(rejected) rejected cleanly; simple checks met \(met)/\(applicable)"
        )
    }

    /// `Header: Name: value` lines of the leading comment: HTTP headers the file is served with.
    static func headers(_ data: Data) -> [String: String] {
        let head = String(decoding: data.prefix(2048), as: UTF8.self)
        var out: [String: String] = [:]
        for line in head.split(separator: "\n") where line.contains("Header:") {
            let h = line.split(separator: ":", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
            if h.count == 3 { out[h[1].lowercased()] = h[2] }
        }
        return out
    }

    /// `feed['title'] == '…'`, `entries[0]['title'] == '…'`, `entries[0]['link'] == '…'`, `entries[0]['id'] == '…'`
    /// with a plain literal (no markup, no escapes): the checks that need no HTML or Python semantics.
    struct Check {
        var entry: Bool, field: String, value: String
        func matches(_ f: Feed) -> Bool {
            let got: String?
            if !entry {
                got = field == "title" ? f.title : f.link
            } else {
                guard let e = f.entries.first else { return false }
                switch field {
                case "title": got = e.title
                case "link": got = e.link
                default: got = e.id
                }
            }
            return got == value
        }
    }

    static func simpleChecks(_ data: Data) -> [Check] {
        let head = String(decoding: data.prefix(2048), as: UTF8.self)
        guard let line = head.split(separator: "\n").first(where: { $0.contains("Expect:") }) else { return [] }
        var out: [Check] = []
        let patterns: [(String, Bool, String)] = [
            ("feed['title'] == '", false, "title"), ("feed['link'] == '", false, "link"),
            ("entries[0]['title'] == '", true, "title"), ("entries[0]['link'] == '", true, "link"),
            ("entries[0]['id'] == '", true, "id"),
        ]
        for (p, entry, field) in patterns {
            guard let r = line.range(of: p) else { continue }
            let rest = line[r.upperBound...]
            guard let end = rest.firstIndex(of: "'") else { continue }
            let v = String(rest[..<end])
            if v.contains("\\") || v.contains("<") || v.contains("&") { continue }
            // Only the leading clause or ones joined by `and` (not inside `or`).
            if line.contains(" or ") { continue }
            out.append(Check(entry: entry, field: field, value: v))
        }
        return out
    }
}
