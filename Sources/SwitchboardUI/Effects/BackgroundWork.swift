import Foundation

/// Work the EffectRunner runs off the main loop (sends, queue publishing, notify commands, the report): each job's
/// messages go to the mailbox and wake the loop. The runtime drains the mailbox when woken; the TestApp waits until
/// the jobs are done and drains it the same way, so tests and the runtime take one path.
public final class BackgroundWork: @unchecked Sendable {
    let mailbox = Mailbox()
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var waker: (@Sendable () -> Void)?

    /// Called after a job posted its messages (the runtime wakes the terminal's event wait).
    var wake: (@Sendable () -> Void)? {
        get { lock.withLock { waker } }
        set { lock.withLock { waker = newValue } }
    }

    /// Runs an async job on a detached task.
    func start(_ job: @escaping @Sendable () async -> [Message]) {
        group.enter()
        Task.detached { [self] in finish(await job()) }
    }

    /// Runs a blocking job (a shell command, a week of mentions) on its own thread.
    func startThread(_ job: @escaping @Sendable () -> [Message]) {
        group.enter()
        Thread.detachNewThread { [self] in finish(job()) }
    }

    private func finish(_ messages: [Message]) {
        for m in messages { mailbox.post(.message(m)) }
        wake?()
        group.leave()
    }

    /// Waits until every job started so far has posted its messages.
    public func waitUntilIdle() { group.wait() }

    /// The messages posted so far (what the runtime's loop sends on).
    public func drainMessages() -> [Message] {
        mailbox.drain().compactMap { if case .message(let m) = $0 { return m } else { return nil } }
    }
}
