import Foundation

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
        while generation == seen && !finished && !stop() {
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.1))
        }
        return (generation, finished)
    }
}
