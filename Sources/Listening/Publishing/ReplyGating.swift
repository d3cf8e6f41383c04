import Foundation
import SwitchboardCore

/// A publisher that can restrict who may reply to or quote one of the account's own posts, and put back what was
/// there before (a crisis's `reply_controls` step). Each network's conformance is in `…Publisher+ReplyGates.swift`.
public protocol ReplyGating: Sendable {
    /// Sets the reply rule (`nobody`, `mentioned`, `following`) and whether quotes are allowed. Answers `.done` with
    /// what the post had before (`previous`, kept in the `reply_gate` action), or `.unsupported` with the reason
    /// when the network (or this server) has no such control; throws when the network said no for another reason.
    func restrict(postID: String, replies: String, quotes: Bool) async throws -> ReplyGateResult
    /// Puts back `previous` (what `restrict` found; nil: nothing was known, so the post is opened to everyone).
    func restore(postID: String, previous: JSONValue?) async throws -> ReplyGateResult
}
