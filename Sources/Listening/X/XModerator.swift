import Foundation
import SwitchboardCore

/// Moderation on X for the account of a source: hide or unhide a reply to one of the account's posts
/// (`PUT /2/tweets/:id/hidden` `{"hidden": true|false}`) and delete one of its own posts (`DELETE /2/tweets/:id`).
public struct XModerator: Moderator, NetworkConnector {
    public var platform: String { "x" }
    public var supported: [ModerationKind] { [.hide, .unhide, .delete] }
    let publisher: XPublisher

    public init(_ setup: ConnectorSetup) throws {
        publisher = try XPublisher(setup)
    }

    public func moderate(_ target: ReplyRef, _ kind: ModerationKind, reason: String?, ban: Bool) async throws {
        guard target.visibility != "direct" else {
            throw PublishError.rejected("X offers no hide or delete for a direct message: act on it in the X app")
        }
        guard let id = target.uri, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw PublishError.configuration("this item has no X post id to act on")
        }
        let client = publisher.client
        let r: HTTPResponse
        switch kind {
        case .hide, .unhide:
            r = try await publisher.call {
                try await client.send("PUT", "/2/tweets/\(id)/hidden", json: ["hidden": kind == .hide])
            }
        case .delete:
            r = try await publisher.call { try await client.send("DELETE", "/2/tweets/\(id)") }
        default:
            throw PublishError.configuration(
                "X offers hide, unhide and delete (\(kind.rawValue) is not something X can do)")
        }
        if r.status == 403 || r.status == 400 {
            let why = X.Problem.parse(r.body)?.summary ?? "HTTP \(r.status)"
            if r.status == 403, X.Problem.parse(r.body)?.type?.hasSuffix("client-forbidden") != true {
                let what =
                    kind == .delete
                    ? "only the account's own posts can be deleted"
                    : "only replies to the account's own posts can be hidden"
                throw PublishError.rejected("X refused to \(kind.rawValue) post \(id): \(what) (\(why))")
            }
            if r.status == 400 { throw PublishError.rejected("X refused to \(kind.rawValue) post \(id) (\(why))") }
        }
        if r.status == 404 { throw PublishError.rejected("post \(id) no longer exists on X") }
        try publisher.call { try client.check(r) }
        struct Answer: Decodable {
            struct D: Decodable { var hidden: Bool?, deleted: Bool? }
            var data: D?
        }
        let a = try publisher.call { try NetworkCall.decode(Answer.self, from: r, label: client.label) }
        let ok = kind == .delete ? a.data?.deleted : a.data?.hidden.map { $0 == (kind == .hide) }
        if ok == false { throw PublishError.transient("X did not \(kind.rawValue) post \(id); try again") }
    }
}
