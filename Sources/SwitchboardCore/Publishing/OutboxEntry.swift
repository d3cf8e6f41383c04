import Foundation

/// One reply in the outbox and where it stands: the fold of its `outbox_*` actions.
public struct OutboxEntry: Hashable, Sendable {
    public enum State: Hashable, Sendable {
        /// Waiting for `draft.sendAfter` (the send delay: `cancel` takes it back until then).
        case queued
        /// A sender (`by`: `pid@host`) is posting it; after `until` another sender may take over (a crashed sender).
        case sending(by: String, until: Date)
        /// Out; `url` is where people see it (the mention's own address for a reply made by hand).
        case sent(url: String?, postID: String?, at: Date)
        /// The network refused it or could not be reached: retried at `retryAt`, or only when asked (nil).
        case failed(message: String, retryAt: Date?)
        case cancelled
    }

    public var draft: OutboxDraft
    public var state: State
    /// Who wrote the reply (the actor of `outbox_queued`).
    public var author: String
    public var queuedAt: Date
    /// Send attempts so far (claims by a sender).
    public var attempts: Int
    /// The last failure message, kept after a retry succeeds.
    public var lastError: String?
    public var updatedAt: Date

    public var id: String { draft.id }
    public var mention: String { draft.mention }

    /// True when a sender should post it at `now`: queued and past its send delay, failed with a retry time
    /// that has come, or `sending` by a sender whose lease ran out. Manual entries are never sent by a sender.
    public func isDue(_ now: Date) -> Bool {
        guard !draft.manual else { return false }
        switch state {
        case .queued: return draft.sendAfter <= now
        case .failed(_, let at): return at.map { $0 <= now } ?? false
        case .sending(_, let until): return until <= now
        case .sent, .cancelled: return false
        }
    }

    /// Still to be sent or confirmed (queued, sending, or failed).
    public var isPending: Bool {
        switch state {
        case .queued, .sending, .failed: return true
        case .sent, .cancelled: return false
        }
    }

    /// The entry can be taken back: queued (and not yet claimed) or failed.
    public var isCancellable: Bool {
        switch state {
        case .queued, .failed: return true
        default: return false
        }
    }

    /// `queued`, `sending`, `sent`, `failed`, `cancelled` (for JSON and tables).
    public var stateName: String {
        switch state {
        case .queued: return "queued"
        case .sending: return "sending"
        case .sent: return "sent"
        case .failed: return "failed"
        case .cancelled: return "cancelled"
        }
    }
}
