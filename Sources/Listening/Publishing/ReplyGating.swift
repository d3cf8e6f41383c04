import Foundation
import SwitchboardCore

/// A publisher that can restrict who may reply to or quote one of the account's own posts, and lift it again
/// (a crisis's `reply_controls` step). Each network's conformance is in `…Publisher+ReplyGates.swift`.
public protocol ReplyGating: Sendable {
    /// Sets the reply rule (`nobody`, `mentioned`, `following`) and whether quotes are allowed. Answers `.done`, or
    /// `.unsupported` with the reason when the network (or this server) has no such control; throws when the network
    /// said no for another reason.
    func restrict(postID: String, replies: String, quotes: Bool) async throws -> (ReplyGateRecord.Outcome, String?)
    /// Lifts what `restrict` set.
    func restore(postID: String) async throws -> (ReplyGateRecord.Outcome, String?)
}
