import Foundation
import SwitchboardCore
import XCTest

@testable import Listening

final class ReplaySourceTests: XCTestCase {
    final class Clock: @unchecked Sendable {
        var t = Date(timeIntervalSince1970: 1_800_000_000)
        func advance(_ s: Double) { t = t.addingTimeInterval(s) }
    }

    func makeFile(count: Int) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString).jsonl")
        let lines = (0..<count).map {
            #"{"platform":"bluesky","id":"p\#($0)","text":"post \#($0)","created_at":"2025-01-01T00:00:00Z"}"#
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        return url
    }

    func testReleasesByRateRestampsAndBursts() async throws {
        let url = try makeFile(count: 50)
        defer { try? FileManager.default.removeItem(at: url) }
        let clock = Clock()
        let src = ReplaySource(fileURL: url, rateSeconds: 5, burstAt: 4, burstSize: 20, now: { clock.t })

        let first = try await src.poll(cursor: [:])
        XCTAssertEqual(first.mentions.map(\.id), ["p0"])
        XCTAssertEqual(first.mentions[0].createdAt, clock.t)
        XCTAssertEqual(first.mentions[0].source, "replay")

        clock.advance(10)  // two mentions' worth
        let second = try await src.poll(cursor: first.cursor)
        XCTAssertEqual(second.mentions.map(\.id), ["p1", "p2"])
        XCTAssertTrue(
            second.mentions.allSatisfy { $0.createdAt <= clock.t && $0.createdAt > clock.t.addingTimeInterval(-5) })

        clock.advance(10)  // would be p3, p4: p4 is the burst point
        let burst = try await src.poll(cursor: second.cursor)
        XCTAssertEqual(burst.mentions.count, 21)
        XCTAssertEqual(burst.mentions.first?.id, "p3")
        XCTAssertEqual(burst.mentions.last?.id, "p23")
        XCTAssertEqual(burst.cursor["position"], "24")
    }

    func testWrapsAroundWithFreshIds() async throws {
        let url = try makeFile(count: 2)
        defer { try? FileManager.default.removeItem(at: url) }
        let clock = Clock()
        let src = ReplaySource(fileURL: url, rateSeconds: 1, now: { clock.t })
        var cursor: [String: String] = [:]
        var ids: [String] = []
        for _ in 0..<5 {
            let r = try await src.poll(cursor: cursor)
            ids += r.mentions.map(\.id)
            cursor = r.cursor
            clock.advance(1)
        }
        XCTAssertEqual(ids, ["p0", "p1", "p0~2", "p1~2", "p0~3"])
    }
}
