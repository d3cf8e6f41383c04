import Foundation

/// `state/notification-counts.json`: how many follows, likes and boosts (and posts a server filter hid) each
/// network's notifications brought per day: kinds that are counted, not stored as mentions. The listener adds a
/// poll's counts after the poll's mentions were stored; reports sum them over their period.
public struct NotificationCounts: Sendable {
    /// Day (`YYYY-MM-DD`, UTC) → network → kind → count.
    public typealias Days = [String: [String: [String: Int]]]

    struct Document: Codable {
        var schema = 1
        var days: Days
        enum CodingKeys: String, CodingKey { case schema = "v", days }
    }

    public let dir: DataDirectory
    public init(dir: DataDirectory) { self.dir = dir }

    public var file: URL { dir.stateDir.appendingPathComponent("notification-counts.json") }
    var lockFile: URL { dir.stateDir.appendingPathComponent("notification-counts.lock") }

    /// The day key of `date` (UTC).
    public static func day(_ date: Date) -> String { String(Timestamp.format(date).prefix(10)) }

    /// Every day's counts (empty when none were written or the file does not parse).
    public func load() -> Days {
        (try? FileIO.readDocument(Document.self, from: file))?.days ?? [:]
    }

    /// Adds `counts` (day → kind → count) of `network`'s notifications.
    public func add(network: String, _ counts: [String: [String: Int]]) throws {
        guard counts.values.contains(where: { $0.values.contains { $0 > 0 } }) else { return }
        try FileIO.makeDirectory(dir.stateDir)
        try FileIO.withLock(lockFile) {
            var days = load()
            for (day, kinds) in counts {
                for (kind, n) in kinds where n > 0 {
                    days[day, default: [:]][network, default: [:]][kind, default: 0] += n
                }
            }
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys, .prettyPrinted]
            try FileIO.writeDocument(try enc.encode(Document(days: days)), to: file)
        }
    }

    /// Network → kind → count over the days from `start` up to (not including) `end`.
    public func totals(from start: Date, to end: Date) -> [String: [String: Int]] {
        let (a, b) = (NotificationCounts.day(start), NotificationCounts.day(end.addingTimeInterval(-1)))
        var out: [String: [String: Int]] = [:]
        for (day, networks) in load() where day >= a && day <= b {
            for (net, kinds) in networks { for (k, n) in kinds { out[net, default: [:]][k, default: 0] += n } }
        }
        return out
    }
}
