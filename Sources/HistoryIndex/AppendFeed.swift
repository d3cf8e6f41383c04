import Foundation
import SwitchboardCore

/// What a writer in this process tells a catch-up that follows its appends (`HistoryIndex.catchUp(following:)`,
/// `ingest`): "the logs grew" after each durable (fsynced) append, and "done" at the end. The catch-up reads the logs
/// again after each word (only what grew, from the page cache), so it never reads bytes that are not yet durable, and
/// whatever it read is what any later catch-up would read: the same rows either way.
public final class AppendFeed: @unchecked Sendable {
    /// How many bytes the writer expects to append in all (the import file's size; 0 when unknown): a catch-up that
    /// will read more than the index holds loads in bulk, as a rebuild does.
    public let expectedBytes: Int
    private let condition = NSCondition()
    private var generation = 0
    private var finished = false

    public init(expectedBytes: Int = 0) { self.expectedBytes = max(0, expectedBytes) }

    /// The logs grew (call after the append is durable).
    public func appended() {
        condition.withLock {
            generation += 1
            condition.broadcast()
        }
    }

    /// The logs grew by `mentions` (call after the append is durable): the catch-up takes these mentions for the
    /// lines at their offset instead of decoding them again, when the log holds exactly their bytes there. Kept
    /// only while a catch-up follows (none for a pipe, or without an index: nothing piles up).
    public func appended(_ mentions: AppendedMentions) {
        condition.withLock {
            if reading { handed[mentions.file.standardizedFileURL.path, default: [:]][mentions.offset] = mentions }
            generation += 1
            condition.broadcast()
        }
    }

    /// Appends handed over, by log path and offset, until the catch-up reaches them.
    private var handed: [String: [Int: AppendedMentions]] = [:]
    /// How many handed-over appends the catch-up took (and so did not decode); for tests.
    public var taken: Int { condition.withLock { takenCount } }
    private var takenCount = 0
    /// How many handed-over appends wait to be taken; for tests.
    var waitingCount: Int { condition.withLock { handed.values.reduce(0) { $0 + $1.count } } }

    /// The append handed over for the lines at `offset` of the log at `path` (standardized), removed from the feed
    /// with any before it there (passed by).
    func take(path: String, at offset: Int) -> AppendedMentions? {
        condition.withLock {
            guard var byOffset = handed[path] else { return nil }
            let found = byOffset.removeValue(forKey: offset)
            byOffset = byOffset.filter { $0.key > offset }
            handed[path] = byOffset.isEmpty ? nil : byOffset
            return found
        }
    }

    /// Where the next handed-over append after `offset` of the log at `path` starts (a read stops there).
    func nextHanded(path: String, after offset: Int) -> Int? {
        condition.withLock { handed[path]?.keys.filter { $0 > offset }.min() }
    }

    /// How many times the catch-up's reader waited for the logs to grow (it read what was there before each); for
    /// tests.
    var waits: Int { condition.withLock { waitCount } }
    private var waitCount = 0
    /// Whether a catch-up's reader follows the feed (`attach` … `detach`); for tests.
    var isFollowed: Bool { condition.withLock { reading } }
    private var reading = false
    func attach() { condition.withLock { reading = true } }
    /// The reader stopped: what was handed over and not taken is dropped, and nothing more is kept.
    func detach() {
        condition.withLock {
            reading = false
            handed = [:]
        }
    }

    /// A handed-over append was taken.
    func countTaken() { condition.withLock { takenCount += 1 } }

    /// Nothing more will be appended: the catch-up reads what is there and commits.
    public func finish() {
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    /// Waits until the logs grew after `seen` or the feed finished (or `stop` says so, checked every 100 ms);
    /// returns the generation to pass next time and whether the feed is finished.
    func wait(after seen: Int, stop: () -> Bool) -> (generation: Int, finished: Bool) {
        condition.lock()
        defer { condition.unlock() }
        waitCount += 1
        while generation == seen && !finished && !stop() {
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.1))
        }
        return (generation, finished)
    }
}
