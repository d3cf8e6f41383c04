import Foundation
import TestSupport
import XCTest

@testable import SwitchboardCore

/// A fresh temporary data directory, removed when the test process exits.
func makeTempDir(_ name: String = "sb") -> DataDirectory {
    DataDirectory(root: TestFolders.make(name))
}

func mention(
    _ id: String, platform: String = "mastodon", text: String = "hello",
    at: Date = Date(timeIntervalSince1970: 1_790_000_000)
) -> Mention {
    Mention(
        platform: platform, id: id, text: text, createdAt: at, fetchedAt: at,
        author: Author(handle: "anna@example.social", name: "Anna", followers: 120))
}

func readLines(_ url: URL) -> [String] {
    ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n", omittingEmptySubsequences: true).map(
        String.init)
}

func logFiles(_ dir: DataDirectory, _ kind: LogKind) -> [URL] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir.logDir.path)) ?? [])
        .filter { $0.hasPrefix(kind.rawValue + "-") && $0.hasSuffix(".jsonl") }.sorted().map {
            dir.logDir.appendingPathComponent($0)
        }
}
