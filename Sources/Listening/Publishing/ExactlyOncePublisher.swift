import Foundation
import SwitchboardCore

#if canImport(Glibc)
    import Glibc
#endif

/// What `OutboxSender` and `QueuePublisher` share: the store, who records, the claim holder and its lease, and the
/// retry backoff, handed to a `PublishingEngine` for each post.
public class ExactlyOncePublisher: @unchecked Sendable {
    public let store: Store
    /// Who records the events (an outbox reply itself is credited to the entry's author).
    public let actor: String
    /// `pid@host`, shown in the claim record.
    public let holder: String
    /// How long a claim holds before another sender may take the job over.
    public var lease: TimeInterval = 120
    /// Delay before retrying a transient failure (5xx, timeout), by attempts so far.
    public var backoff: Backoff

    init(store: Store, actor: String, holder: String, backoff: Backoff) {
        (self.store, self.actor, self.holder, self.backoff) = (store, actor, holder, backoff)
    }

    public static var defaultHolder: String { "\(getpid())@\(ProcessInfo.processInfo.hostName)" }

    func engine(maxAttempts: Int?, retriesUnknownErrors: Bool) -> PublishingEngine {
        PublishingEngine(
            store: store, actor: actor, lease: lease, backoff: backoff, maxAttempts: maxAttempts,
            retriesUnknownErrors: retriesUnknownErrors)
    }
}
